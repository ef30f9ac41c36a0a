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

### The path

<#if flow.producer??>
- Producer: ${code(flow.producer)}
</#if>
<#if flow.consumers?has_content>
- Consumers: ${flow.consumers?map(c -> code(c))?join(", ")}
</#if>
<#if flow.subject??>
- Subject: ${code(flow.subject)}
</#if>

```mermaid
flowchart LR
  producer["${mermaid(flow.producer!"producer")}"]
<#if verdict == "kv-watch">
  via[("KV bucket")]
  producer -->|"put"| via
<#elseif verdict == "jetstream-stream">
  via[("JetStream stream")]
  producer -->|"publish<#if flow.subject??> ${mermaid(flow.subject)}</#if>"| via
<#else>
  via(("${mermaid(flow.subject!"path")}"))
  producer --> via
</#if>
<#list (flow.consumers?has_content)?then(flow.consumers, ["consumer"]) as c>
  c${c?counter}["${mermaid(c)}"]
<#if verdict == "kv-watch">
  via -->|"watch<#if flow.subject??> ${mermaid(flow.subject)}</#if>"| c${c?counter}
<#elseif verdict == "jetstream-stream">
  via -->|"durable consumer"| c${c?counter}
<#else>
  via --> c${c?counter}
</#if>
</#list>
```
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

**${inline(p.name)}.** <@s.conflictText e=p.evaluation />
</#list>
<#else>
<@s.conflictText e=whole />
</#if>

## Common cases

<#if split>
<#list parts as p>
**${inline(p.name)}.** <@s.nearestText n=p.evaluation.nearest!"" primitive=p.evaluation.verdict subject=p.name />

</#list>
<#else>
<@s.nearestText n=whole.nearest!"" primitive=verdict subject=title />

</#if>
<@s.casesTable />
<@s.workingWith level="##" />
<@s.implementation level="##" />

## Consequences

### What gets easier

<#if primitives?seq_contains("kv-watch")>
- Any component reads the current state with one get, and a new component joins by watching the keys; the writer does not know who reads.
- Recovery after a restart is built in: the watcher's bootstrap hands back the current value of every key.
</#if>
<#if primitives?seq_contains("jetstream-stream")>
- Each message is handled by one handler, with acks, redelivery and a position the server keeps across restarts.
- Handlers can be scaled out by sharing the durable consumer, and a backlog waits in the stream while they are down.
</#if>
<#if !primitives?has_content>
- Nothing yet: the path is undecided.
</#if>

### What gets harder

<#if primitives?seq_contains("kv-watch")>
- There is no ack: the watch's owner must apply values idempotently and repair failed work itself.
- Only the latest value of each key (or a few revisions) is kept; intermediate states are not a log.
</#if>
<#if primitives?seq_contains("jetstream-stream")>
- Handlers must be idempotent and carry an idempotency key, because delivery is at least once.
- Ack wait, in-progress acks, max deliver and a dead-letter path have to be chosen and operated.
</#if>
<#if !primitives?has_content>
- Every choice waits for the answers to the four tests.
</#if>

### Risks to watch

<#if primitives?seq_contains("kv-watch")>
- A processor that mistakes the bootstrap for new events redoes work for every key after each restart.
- Replicas that all watch the same keys multiply the work instead of sharing it.
- A bucket at its size limit refuses writes.
</#if>
<#if primitives?seq_contains("jetstream-stream")>
- Side effects repeat when a message is redelivered to a handler that is not idempotent.
- Slow handlers without in-progress acks cause redelivery while the work is still running.
- A renamed or deleted durable consumer loses its position.
</#if>
<#if !split && whole.conflict>
- The tests conflict: the path may be two concerns in one, and the unsplit design serves one of them badly.
</#if>
<#if !primitives?has_content>
- An undecided path tends to get whatever primitive is nearest to hand.
</#if>

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
