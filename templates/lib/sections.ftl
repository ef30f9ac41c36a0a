<#-- The sections an ADR is made of, shared by the nygard layout (adr.md.ftl) and the MADR
     layout (adr-madr.md.ftl). Override this file to change the wording of both. -->
<#import "words.ftl" as w>
<#import "nats.ftl" as nats>
<#macro decisionText e subject>
<#if e.verdict == "undecided">
**Undecided.** No test is answered, and the words of the design suggest no answer. Answer at least test 1 (restart), the sharpest of the four, under `answers:` and generate again.
<#else>
<#assign decider = e.tests[e.decidedBy - 1]>
<#if e.verdict == "kv-watch">
Use a **KV watch** for ${phrase(subject)}: the owner puts each value into a KV bucket under its key, and every component that needs it watches the keys it cares about or reads them with a get.
<#else>
<#assign mine = (streams![])?filter(st -> (st.part!"") == split?then(subject, ""))>
<#assign claimed = mine?filter(st -> st.claims())?has_content>
<#assign fanned = mine?filter(st -> (st.consumers?size > 1))?has_content>
<#if fanned>
Use a **JetStream stream** for ${phrase(subject)}: the producer publishes each message to a stream, and each subscriber reads it through a durable consumer of its own, so every subscriber gets every message, at its own pace, and acknowledges each one when its own work is done.
<#else>
Use a **JetStream stream** for ${phrase(subject)}: the producer publishes each message to a stream, and a durable consumer hands it to one handler, <#if claimed>which claims the work in a KV bucket under the message's id, records and starts the run, and then acknowledges the message, so the message is not held for as long as the run lasts (a redelivered message whose run exists starts nothing).<#else>which acknowledges it when the work is done.</#if>
</#if>
</#if>

${w.testLabel(decider.number, decider.key)} decides: ${w.reason[decider.answer]}.<#if decider.why??> The design's reason: “${inline(decider.why)}”.</#if><#if e.agreeing?has_content> ${w.tests(e.agreeing)?cap_first} <#if e.agreeing?size == 1>agrees<#else>agree</#if>.</#if><#if e.conflict> ${w.tests(e.conflicting)?cap_first} <#if e.conflicting?size == 1>votes<#else>vote</#if> the other way; see the conflict check.</#if><#if e.unanswered?has_content> ${w.tests(e.unanswered)?cap_first} <#if e.unanswered?size == 1>is<#else>are</#if> not answered.</#if>
</#if>
</#macro>
<#macro testTable e>
| Test | Question | Answer | From | Vote |
| --- | --- | --- | --- | --- |
<#list e.tests as t>
| ${t.number}. ${w.testName[t.key]} | ${w.question[t.key]} | <#if t.answer??>`${t.answer}`: ${w.meaning[t.answer]}<#else>not answered</#if> | <#if t.source == "given">given<#if t.why??>: ${cell(t.why)}</#if><#elseif t.flow??>inferred from the flow: ${cell(t.flow)} each consume it<#elseif t.source == "inferred">inferred from the words “${cell(t.cue)}”<#else>neither given nor inferred</#if> | <#if t.vote??>${w.primitive[t.vote]}<#if t.decides> (**decides**)<#elseif t.conflicts> (**disagrees**)<#else> (agrees)</#if><#else>none</#if> |
</#list>
</#macro>
<#macro conflictText e>
<#if e.verdict == "undecided">
Nothing to check: no test is answered.
<#elseif !e.conflict>
<#if e.agreeing?has_content>
No conflict: every answered test votes for ${w.withArticle[e.verdict]}.
<#else>
No conflict, but only test ${e.decidedBy} is answered, so nothing confirms it. Answering the other tests would show whether the path is one concern or two.
</#if>
<#else>
<#assign other = (e.verdict == "kv-watch")?then("jetstream-stream", "kv-watch")>
<#if e.settledBy??>
**Conflict, explained by the case.** ${w.tests(e.conflicting)?cap_first} <#if e.conflicting?size == 1>votes<#else>vote</#if> for ${w.withArticle[other]}, against test ${e.decidedBy}, which decides for ${w.withArticle[e.verdict]}. For a path like **${e.nearest.name}** that disagreement is expected, and no split is needed. ${e.settledBy}
<#else>
**Conflict.** ${w.tests(e.conflicting)?cap_first} <#if e.conflicting?size == 1>votes<#else>vote</#if> for ${w.withArticle[other]}, against test ${e.decidedBy}, which decides for ${w.withArticle[e.verdict]}. When the tests disagree, the path usually carries two concerns under one name:

- a **fact** about the world, such as the current state of something, which others read or react to: that part belongs in a KV bucket, written by its owner and watched by whoever needs it;
- a **request** to do something, which one handler must carry out: that part belongs on a JetStream stream with a durable consumer.

Split the design into `parts:`, one per concern, each with its own answers, and generate again. Until then the verdict of test ${e.decidedBy} stands.
<#if (e.tests[1].answer!"") == "fan-out" && (e.tests[2].answer!"") == "slow">

Test 2 says every subscriber reacts, while test 3 says the handling is slow or has side effects. If every subscriber really must do that work for every message, no split is needed: use a stream with **one durable consumer per subscriber** (durable fan-out). Each subscriber then gets every message, at its own pace, with acks, redelivery and its own saved position.
</#if>
</#if>
</#if>
</#macro>
<#-- The comparison with the nearest common case: one sentence that agrees with the table. -->
<#macro nearestText e subject>
<#if !(e.nearest??)>
No common case resembles ${phrase(subject)} closely; the verdict rests on the tests alone.
<#else>
<#assign n = e.nearest>
Nearest case: **${n.name}** (<#if n.declared>named in the design<#else>matched by the answers and words</#if>), for which the table gives ${n.label}.<#if n.agrees> This decision agrees with it: ${n.reasons}.<#elseif e.verdict == "undecided"> The tests decide nothing yet, so the case is a hint only.<#else> **This decision differs**: the tests give ${w.withArticle[e.verdict]}, the case ${w.withArticle[n.primitive]}. Review the answers: either this path is not really like the case (${n.reasons}), or an answer is off.</#if>
</#if>
</#macro>

<#-- The heuristic's own cases, one row per primitive, and any other case that is nearest
     to this decision (or to one of its parts). The reasons of every case are in the index. -->
<#function caseMark c>
  <#assign marks = []>
  <#if split>
    <#list parts as p><#if p.evaluation.nearest?? && p.evaluation.nearest.id == c.id><#assign marks = marks + ["nearest to " + inline(p.name) + (p.evaluation.nearest.agrees)?then(", agrees", ", **differs**")]></#if></#list>
  <#elseif whole.nearest?? && whole.nearest.id == c.id>
    <#assign marks = ["nearest" + (whole.nearest.agrees)?then(", agrees", ", **differs**")]>
  </#if>
  <#return marks?join("; ")>
</#function>
<#macro casesTable>
<#assign groups = []>
<#list ["kv-watch", "jetstream-stream"] as primitive>
<#assign names = []>
<#list cases as c>
<#if c.primitive == primitive>
<#assign mark = caseMark(c)>
<#if mark?has_content>
<#assign names = names + ["**" + c.name + "** (" + mark + ")"]>
<#elseif c.seed>
<#assign names = names + [c.name]>
</#if>
</#if>
</#list>
<#assign groups = groups + [w.primitive[primitive] + " for " + names?join(", ")]>
</#list>
The table's choices: ${groups?join("; ")}. Why each case goes where it does: [the common cases](README.md#the-common-cases) in the index.
</#macro>

<#-- The path as a Mermaid flowchart, with the subject on the edges; both layouts use it. -->
<#macro pathDiagram>
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
</#macro>

<#-- What the chosen primitive demands, in short: the twofer and the bootstrap for KV, the
     durable consumer for a stream. The long form is in the index (index.md.ftl), once. -->
<#macro workingWith level>
<#if primitives?seq_contains("kv-watch")>
<#if level?has_content>

${level} Working with a KV watch
</#if>

<#if !level?has_content>**KV watch.** </#if>One put gives the current state (`get`), a change event for every watcher (`watch`) and a short history of the key (1 revision by default, 64 at most). A watch first delivers the latest value (or delete marker) of every key, the state now and not new events, then signals the end of that bootstrap (`endOfData()` in jnats), then live changes. It has no acks and no saved position: the owner applies values idempotently and repairs failed work itself. More: [working with a KV watch](README.md#working-with-a-kv-watch).
</#if>
<#if primitives?seq_contains("jetstream-stream")>
<#if level?has_content>

${level} Working with a JetStream stream
</#if>

<#assign allClaim = (streams![])?has_content && !(streams![])?filter(st -> !st.claims())?has_content>
<#if !level?has_content>**JetStream stream.** </#if>The durable consumer resumes after its last ack: acknowledged work is not redone, and unacknowledged work comes back after the ack wait, so handlers are idempotent and producers set `Nats-Msg-Id`. <#if allClaim>Long work claims the message's id in a KV bucket, records and starts the run on its own executor, then acks, so the ack wait covers only the start; a start that died before the run was recorded comes back to be taken over; after that the run's own state and supervision carry it.<#else>The ack wait runs from delivery to the client: slow work keeps in flight only what is being handled and sends in-progress acks.</#if> More: [working with a JetStream stream](README.md#working-with-a-jetstream-stream).
</#if>
</#macro>

<#-- Consequences in three parts, one line each per primitive used. -->
<#macro consequences>
<#if primitives?seq_contains("kv-watch")>
- **Easier:** any component reads the current state with a get and follows it with a watch; the writer does not know its readers; a restart recovers through the bootstrap.
</#if>
<#if primitives?seq_contains("jetstream-stream")>
- **Easier:** handlers share the work, a backlog waits in the stream while they are down, and the server keeps each durable consumer's position across restarts.
</#if>
<#if primitives?seq_contains("kv-watch")>
- **Harder:** nothing acknowledges or redelivers a value, so the owner makes applying idempotent and repairs failures itself; intermediate values are not kept as a log.
</#if>
<#if primitives?seq_contains("jetstream-stream")>
- **Harder:** handlers must be idempotent, and ack wait, in-progress acks, max deliver and dead letters have to be chosen and operated.
</#if>
<#if primitives?seq_contains("kv-watch")>
- **Risks:** a processor that takes the bootstrap for new events redoes work for every key after each restart; replicas that all watch each do the work (right for a copy each keeps, wrong for side effects); a full bucket refuses puts.
</#if>
<#if primitives?seq_contains("jetstream-stream")>
<#assign allWorkQueue = (streams![])?has_content && !(streams![])?filter(st -> st.retention != "workqueue")?has_content>
- **Risks:** side effects repeat when a handler that is not idempotent gets a message again; <#if allWorkQueue>deleting or renaming the durable skips nothing (unacknowledged messages stay in the stream), but messages in flight are delivered again and their delivery counts restart.<#else>a deleted or renamed durable consumer loses its position.</#if>
</#if>
<#if !split && whole.conflict && !(whole.settledBy??)>
- **Risks:** the tests conflict, so the path may be two concerns in one, and the unsplit design serves one of them badly.
</#if>
<#if !primitives?has_content>
- Nothing is decided yet: every consequence waits for the answers to the four tests, and an undecided path tends to get whatever primitive is nearest to hand.
</#if>
</#macro>

<#-- The settings, CLI lines and jnats code of each bucket and stream: see nats.ftl. -->
<#macro implementation level>
<@nats.implementation level=level />
</#macro>
