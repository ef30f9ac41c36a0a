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
Use a **JetStream stream** for ${phrase(subject)}: the producer publishes each message to a stream, and a durable consumer hands it to one handler, which acknowledges it when the work is done.
</#if>

${w.testLabel(decider.number, decider.key)} decides: ${w.reason[decider.answer]}.<#if decider.why??> The design's reason: “${inline(decider.why)}”.</#if><#if e.agreeing?has_content> ${w.tests(e.agreeing)?cap_first} <#if e.agreeing?size == 1>agrees<#else>agree</#if>.</#if><#if e.conflict> ${w.tests(e.conflicting)?cap_first} <#if e.conflicting?size == 1>votes<#else>vote</#if> the other way; see the conflict check.</#if><#if e.unanswered?has_content> ${w.tests(e.unanswered)?cap_first} <#if e.unanswered?size == 1>is<#else>are</#if> not answered.</#if>
</#if>
</#macro>
<#macro testTable e>
| Test | Question | Answer | From | Vote |
| --- | --- | --- | --- | --- |
<#list e.tests as t>
| ${t.number}. ${w.testName[t.key]} | ${w.question[t.key]} | <#if t.answer??>`${t.answer}`: ${w.meaning[t.answer]}<#else>not answered</#if> | <#if t.source == "given">given<#if t.why??>: ${cell(t.why)}</#if><#elseif t.source == "inferred">inferred from the words “${cell(t.cue)}”<#else>neither given nor inferred</#if> | <#if t.vote??>${w.primitive[t.vote]}<#if t.decides> (**decides**)<#elseif t.conflicts> (**disagrees**)<#else> (agrees)</#if><#else>none</#if> |
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
**Conflict.** ${w.tests(e.conflicting)?cap_first} <#if e.conflicting?size == 1>votes<#else>vote</#if> for ${w.withArticle[other]}, against test ${e.decidedBy}, which decides for ${w.withArticle[e.verdict]}. When the tests disagree, the path usually carries two concerns under one name:

- a **fact** about the world, such as the current state of something, which others read or react to: that part belongs in a KV bucket, written by its owner and watched by whoever needs it;
- a **request** to do something, which one handler must do once: that part belongs on a JetStream stream with a durable consumer.

Split the design into `parts:`, one per concern, each with its own answers, and generate again. Until then the verdict of test ${e.decidedBy} stands.
<#if (e.tests[1].answer!"") == "fan-out" && (e.tests[2].answer!"") == "slow">

Test 2 says every subscriber reacts, while test 3 says the handling is slow or has side effects. If every subscriber really must do that work for every message, no split is needed: use a stream with **one durable consumer per subscriber** (durable fan-out). Each subscriber then sees every message, at its own pace, with acks, redelivery and its own saved position.
</#if>
</#if>
</#macro>
<#macro nearestText primitive subject n="">
<#if n?is_string>
No common case resembles ${phrase(subject)} closely; the verdict rests on the tests alone.
<#else>
Nearest case: **${n.name}** (<#if n.declared>named in the design<#else>matched by the answers and words</#if>); the common-cases table recommends: ${n.label}.<#if n.agrees> This decision agrees with the case: ${n.reasons}.<#elseif primitive == "undecided"> The tests decide nothing yet, so the case is a hint only.<#else> **This decision differs**: the tests give ${w.withArticle[primitive]}, the case ${w.withArticle[n.primitive]}. Review the answers: either this path is not really like the case (${n.reasons}), or an answer is off.</#if>
</#if>
</#macro>

<#macro casesTable>
| Case | Primitive | Why | This decision |
| --- | --- | --- | --- |
<#list cases as c>
<#assign marks = []>
<#if split>
<#list parts as p><#if p.evaluation.nearest?? && p.evaluation.nearest.id == c.id><#assign marks = marks + ["nearest to " + inline(p.name) + (p.evaluation.nearest.agrees)?then(", agrees", ", **differs**")]></#if></#list>
<#elseif whole.nearest?? && whole.nearest.id == c.id>
<#assign marks = ["**nearest**" + (whole.nearest.agrees)?then(", agrees", ", **differs**")]>
</#if>
| <#if marks?has_content>**${c.name}**<#else>${c.name}</#if> | ${c.label} | ${cell(c.reasons)} | ${marks?join("; ")} |
</#list>
</#macro>

<#macro workingWith level>
<#if primitives?seq_contains("kv-watch")>

${level} Working with a KV watch

**The KV twofer.** A KV bucket is a JetStream stream (named `KV_<bucket>`, on subjects `$KV.<bucket>.>`), and each put appends a message to it. One write therefore serves three readers at once:

- **State**: `get(key)` returns the current value of a key.
- **Events**: `watch(keys)` tells every watcher about each change: fan-out without extra code.
- **History**: each key keeps its last revisions, 1 by default and 64 at most. That is a short look back, not an audit log and not a backup; raising it later keeps only later writes.

**Bootstrap, then live.** A new watcher first receives the current value of every matching key, then a signal that the initial values are done (in jnats `KeyValueWatcher.endOfData()`; the Go client sends a nil entry), then each change as it happens. After a restart the bootstrap values mean "this is the state now", not "this just happened": a processor that treats them as new events will redo work for every existing key. Keep the two phases apart in code. With history 1, a watcher that was down sees only the latest value of each key; the transitions written while it was away are gone. If every transition matters, that part is a stream.

**The owner's duties.** A watch is an ephemeral ordered consumer: no acks, no redelivery, no saved position, and each watcher counts against the server's consumer limits. So the component that owns the watch:

- applies each value idempotently, so the same value twice gives the same result;
- repairs or redrives failed work itself, since nothing redelivers it;
- reports itself ready only after the bootstrap has ended;
- runs as one active instance, or partitions the keys: N replicas watching the same keys do the work N times, they do not share it.

A KV watch is never a work queue. For concurrent writers, `update(key, value, revision)` writes only if the key is still at that revision, and `create` only if the key is absent; revisions are counted per bucket, so one key's revisions rise but skip numbers. A bucket refuses puts once it reaches its maximum size, and the number of keys cannot be capped: size the bucket for the key space.
</#if>
<#if primitives?seq_contains("jetstream-stream")>

${level} Working with a JetStream stream

**The durable consumer.** The server keeps a durable consumer's position. After a restart the handler resumes after its last acknowledged message: work it acked is not delivered again, work it had not acked comes back after the ack wait. The deliver policy only says where a brand-new consumer starts: `new` skips what was in the stream before the consumer existed; `all` starts at the beginning. Deleting or renaming the durable loses its position, and with `new` the messages published in the gap are skipped.

**Retention and deliver policy go together.** On a `limits` stream (the default) messages stay until the stream's limits remove them, and a durable consumer with deliver policy `new` is the usual setup. On a `workqueue` stream a message is removed at its first ack, consumers must not overlap in their subject filters, and every consumer must use deliver policy `all` with explicit acks: the server refuses a `new` consumer there. Retention cannot be changed to or from `workqueue` once the stream exists.

**At least once.** A handler that crashes after the side effect but before its ack gets the message again. Make every handler idempotent, for example by recording a key per message and skipping keys already done. Publish with a `Nats-Msg-Id` header so the stream drops duplicate publishes within its duplicate window (2 minutes by default). Exactly-once processing needs both that header and a double ack (`ackSync`), and even then the effects should be idempotent.

**Slow work.** The ack wait is 30 seconds by default. A handler that can take longer sends in-progress acks (`inProgress()`) at shorter intervals, or raises the ack wait; otherwise the message is redelivered while it is still being handled. A backoff list, when set, replaces the ack wait with its first entry. Max deliver is unlimited by default: set it, and treat the max-deliveries advisory as the dead-letter signal (on a work-queue stream such messages stay in the stream). Max ack pending, 1000 by default, bounds the messages in flight per consumer. Deliver policy, ack policy and pull or push mode cannot be changed on an existing consumer; ack wait, max deliver, max ack pending and backoff can.
</#if>
</#macro>

<#-- The settings, CLI lines and jnats code of each bucket and stream: see nats.ftl. -->
<#macro implementation level>
<@nats.implementation level=level />
</#macro>
