<#import "lib/words.ftl" as w>
<#-- The index of the decisions folder (README.md): every decision in number order. -->
# Decisions

Each decision picks the NATS primitive for one communication path: a KV watch for state that others follow, a JetStream stream for work that one handler does. The ADRs are generated from the `NNNN-slug.yaml` designs beside them by kv-or-stream; edit a design and run `kv-or-stream generate`.

<#assign total = rows?size>
<#if total == 0>
No decisions yet. Start one with `kv-or-stream new "Title of the path"`.
<#else>
${total} <#if total == 1>decision<#else>decisions</#if>: <#assign parts = []><#list verdicts as id, n><#if (n > 0)><#assign parts = parts + [n + " " + w.primitive[id]]></#if></#list><#if handWritten gt 0><#assign parts = parts + [handWritten + " written by hand"]></#if>${parts?join(", ")}.

| Verdict | Decisions |
| --- | --- |
<#list verdicts as id, n>
<#if (n > 0)>
| ${w.primitive[id]} | ${n} |
</#if>
</#list>
<#if handWritten gt 0>
| written by hand | ${handWritten} |
</#if>

| # | Decision | Status | Verdict | Date |
| --- | --- | --- | --- | --- |
<#list rows as r>
| ${r.number} | [${cell(r.title)}](${r.file}) | ${r.status} | <#if r.generated>${w.primitive[r.verdict]}<#else>written by hand</#if> | ${r.date} |
</#list>
</#if>
<#if graph?has_content>

## Map

Links between decisions (an arrow for supersedes, dashed for amends, a plain line for related), coloured by verdict.

```mermaid
${graph?trim}
```
</#if>
