<#import "lib/words.ftl" as w>
<#import "lib/sections.ftl" as s>
<#-- The ADR of one design, in the layout adr-tools and Structurizr read: "# N. Title",
     a Date line, a "## Status" section whose first line is the status. -->
# ${number}. ${title}

<#if date?has_content>
Date: ${date}

</#if>
<#if deciders?has_content>
Deciders: ${deciders?map(d -> inline(d))?join(", ")}

</#if>
<#if tags?has_content>
Tags: ${tags?map(t -> inline(t))?join(", ")}

</#if>
## Status

${status}
<#list supersededBy as l>

Superseded by [${l.number}. ${inline(l.title)}](${l.file})
</#list>
<#list supersedes as l>

Supersedes [${l.number}. ${inline(l.title)}](${l.file})
</#list>
<#list amends as l>

Amends [${l.number}. ${inline(l.title)}](${l.file})
</#list>
<#list amendedBy as l>

Amended by [${l.number}. ${inline(l.title)}](${l.file})
</#list>

## Context

<#if context?has_content>
${context}
<#else>
The design gives no context.
</#if>
<#if flow??>

Path:<#if flow.producer??> ${code(flow.producer)} <#if verdict == "kv-watch">writes<#if flow.subject??> the keys ${code(flow.subject)}</#if><#else>produces<#if flow.subject??> on ${code(flow.subject)}</#if></#if></#if><#if flow.producer?? && flow.consumers?has_content>;</#if><#if flow.consumers?has_content> ${flow.consumers?map(c -> code(c))?join(", ")} <#if verdict == "kv-watch"><#if flow.consumers?size == 1>watches them<#else>watch them</#if><#elseif flow.consumers?size == 1>consumes<#else>consume</#if></#if><#if !(flow.producer??) && !(flow.consumers?has_content) && flow.subject??> subject ${code(flow.subject)}</#if>.

<@s.pathDiagram />
</#if>

## Decision

<#if split>
This path carries ${parts?size} concerns, decided one by one:

<#list parts as p>
- ${inline(p.name)}: ${w.withArticle[p.evaluation.verdict]}
</#list>
<#if verdict == "both">

Using both primitives for one path is normal: a component that keeps its state in KV and takes its work items from a stream, in the same process, is the standard pattern.
</#if>
<#list parts as p>

### ${inline(p.name)}

<#if p.context?has_content>
${p.context}

</#if>
<@s.decisionText e=p.evaluation subject=p.name />

<@s.testTable e=p.evaluation />
</#list>
<#else>
<@s.decisionText e=whole subject=title />

<@s.testTable e=whole />
</#if>

## Conflict check

<#if split>
The design is already split, as the check advises for a path that carries two concerns. Each part on its own:
<#list parts as p>

**${inline(p.name)}.** <@s.conflictText e=p.evaluation /><#t>
</#list>
<#else>
<@s.conflictText e=whole />
</#if>

## Common cases

<#if split>
<#list parts as p>
**${inline(p.name)}.** <@s.nearestText e=p.evaluation subject=p.name /><#t>

</#list>
<#else>
<@s.nearestText e=whole subject=title />

</#if>
<@s.casesTable />
<@s.workingWith level="##" />
<@s.implementation level="##" />

## Consequences

<@s.consequences />

## Links

<#if supersedes?has_content || supersededBy?has_content || related?has_content || amends?has_content || amendedBy?has_content>
<#list supersedes as l>
- Supersedes [${l.number}. ${inline(l.title)}](${l.file})
</#list>
<#list supersededBy as l>
- Superseded by [${l.number}. ${inline(l.title)}](${l.file})
</#list>
<#list amends as l>
- Amends [${l.number}. ${inline(l.title)}](${l.file})
</#list>
<#list amendedBy as l>
- Amended by [${l.number}. ${inline(l.title)}](${l.file})
</#list>
<#list related as l>
- Related to [${l.number}. ${inline(l.title)}](${l.file})
</#list>
<#else>
No links to other decisions.
</#if>
