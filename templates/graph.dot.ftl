<#-- The decisions as a Graphviz graph: nodes coloured by verdict, links as edges. -->
<#function dq s><#return s?replace("\\", "\\\\")?replace("\"", "\\\"")?replace("\n", " ")></#function>
digraph decisions {
  rankdir=LR;
  node [shape=box, style="rounded,filled", fontname="Helvetica"];
<#list rows as r>
  d${r.number} [label="${r.number}. ${dq(r.title)}", fillcolor="<#if !r.generated>#ffffff<#elseif r.verdict == "kv-watch">#e0f4f1<#elseif r.verdict == "jetstream-stream">#efe7fd<#elseif r.verdict == "both">#f3f4f6<#else>#f9fafb</#if>", color="<#if r.verdict == "kv-watch">#0f766e<#elseif r.verdict == "jetstream-stream" || r.verdict == "both">#6d28d9<#else>#9ca3af</#if>"];
</#list>
<#list edges as e>
<#if e.kind == "supersedes">
  d${e.from} -> d${e.to} [label="supersedes"];
<#elseif e.kind == "amends">
  d${e.from} -> d${e.to} [label="amends", style=dashed];
<#else>
  d${e.from} -> d${e.to} [dir=none, style=dotted];
</#if>
</#list>
}
