<#import "lib/words.ftl" as w>
<#import "lib/sections.ftl" as s>
<#-- The ADR in the MADR 4 layout: YAML front matter (Backstage's ADR plugin reads it), then
     the metadata list under the title that log4brains reads (and hides when it renders).
     The blank line before the closing --- keeps Markdown readers from taking the front
     matter for a heading, which would hide the list from log4brains. -->
<#function yamlList items><#return "[" + items?map(i -> yaml(i))?join(", ") + "]"></#function>
---
status: ${status}
<#if date?has_content>
date: ${date}
</#if>
decision-makers: ${yamlList(deciders)}
consulted: []
informed: []
tags: ${yamlList(tags)}

---

# ${title}

<#-- log4brains reads the successor's file name (its slug) after "superseded by" -->
- Status: ${status}<#list supersededBy as l><#if l?is_first> by [${l.file?remove_ending(".md")}](${l.file})</#if></#list>
<#if date?has_content>
- Date: ${date}
</#if>
<#if deciders?has_content>
- Deciders: ${deciders?map(d -> inline(d))?join(", ")}
</#if>
<#if tags?has_content>
- Tags: ${tags?map(t -> inline(t))?join(", ")}
</#if>

## Context and Problem Statement

<#if context?has_content>
${context}
<#else>
The design gives no context.
</#if>

Which NATS primitive should carry ${phrase(title)}: a KV watch, or a JetStream stream?
<#if flow??>

<@s.pathDiagram />
</#if>

## Decision Drivers

The four tests of the heuristic, in order; the first answered one decides.

<#if split>
<#list parts as p>
**${inline(p.name)}**

<@s.testTable e=p.evaluation />

</#list>
<#else>
<@s.testTable e=whole />

</#if>
## Considered Options

* KV watch: the owner puts the current value into a KV bucket; every interested component watches it
* JetStream stream: messages on a stream, handed by a durable consumer to one handler that acks each

## Decision Outcome

<#if split>
Chosen option: <#list parts as p>"${w.primitive[p.evaluation.verdict]}" for ${inline(p.name)}<#sep>, </#list>.
<#list parts as p>

**${inline(p.name)}.** <@s.decisionText e=p.evaluation subject=p.name /><#t>
</#list>
<#elseif verdict == "undecided">
No option chosen yet.

<@s.decisionText e=whole subject=title />
<#else>
Chosen option: "${w.primitive[verdict]}". <@s.decisionText e=whole subject=title /><#t>
</#if>

### Consequences

<#if primitives?seq_contains("kv-watch")>
* Good, because any component reads the current state with one get, and recovery after a restart is the watcher's bootstrap
* Bad, because there is no ack: the watch's owner applies values idempotently and repairs failed work itself
* Bad, because a processor that mistakes the bootstrap for new events redoes work for every key after each restart
</#if>
<#if primitives?seq_contains("jetstream-stream")>
* Good, because each message goes to one handler at a time, with acks, redelivery of unacknowledged work and a position kept across restarts
* Bad, because delivery is at least once: handlers need an idempotency key
* Bad, because ack wait, in-progress acks, max deliver and dead letters have to be chosen and operated
</#if>
<#if !primitives?has_content>
* Neutral, because the path is not decided yet
</#if>

### Confirmation

<#if split>
<#list parts as p>
**${inline(p.name)}.** <@s.conflictText e=p.evaluation /><#t>

<@s.nearestText e=p.evaluation subject=p.name />

</#list>
<#else>
<@s.conflictText e=whole />

<@s.nearestText e=whole subject=title />

</#if>
`kv-or-stream audit --server URL` checks a live server against this decision.

## More Information

<@s.casesTable />
<@s.workingWith level="" />
<@s.implementation level="###" />
<#if supersedes?has_content || supersededBy?has_content || related?has_content || amends?has_content || amendedBy?has_content>

<#list supersedes as l>
* Supersedes [${l.number}. ${inline(l.title)}](${l.file})
</#list>
<#list supersededBy as l>
* Superseded by [${l.number}. ${inline(l.title)}](${l.file})
</#list>
<#list amends as l>
* Amends [${l.number}. ${inline(l.title)}](${l.file})
</#list>
<#list amendedBy as l>
* Amended by [${l.number}. ${inline(l.title)}](${l.file})
</#list>
<#list related as l>
* Related to [${l.number}. ${inline(l.title)}](${l.file})
</#list>
</#if>
