<#-- The shell completion script of `kv-or-stream completion bash|zsh`, from each command's syntax. -->
<#if shell == "zsh">
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
</#if>
# Completion for kv-or-stream: commands, options, and their values where they are known.
# Load it with: source <(kv-or-stream completion ${shell})
_kv_or_stream() {
  local cur=$2 prev=$3 cmd opts words
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "<#list commands as c>${c.name} </#list>help --help --version" -- "$cur"))
    return
  fi
  <#noparse>cmd=${COMP_WORDS[1]}</#noparse>
  case "$cmd $prev" in
<#list commands as c>
<#list c.options?filter(o -> o.kind != "flag") as o>
    "${c.name} ${o.name}") <#if o.kind == "dir">COMPREPLY=($(compgen -d -- "$cur"))<#elseif o.kind == "file">COMPREPLY=($(compgen -f -- "$cur"))<#elseif o.kind == "choice">COMPREPLY=($(compgen -W "${o.choices?join(" ")}" -- "$cur"))<#else>COMPREPLY=()</#if>; return ;;
</#list>
</#list>
  esac
  case "$cmd" in
<#list commands as c>
    ${c.name}) opts="${c.options?map(o -> o.name)?join(" ")}"; words="${c.words}" ;;
</#list>
    help) COMPREPLY=($(compgen -W "<#list commands as c>${c.name}<#sep> </#list>" -- "$cur")); return ;;
    *) return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [ "$words" = "FILE" ]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  fi
}
complete -F _kv_or_stream -o filenames kv-or-stream
