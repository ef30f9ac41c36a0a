<#import "lib/words.ftl" as w>
<#-- The index of the decisions folder (README.md): every decision in number order. -->
# Decisions

Each decision picks the NATS primitive for one communication path: a KV watch for state that others follow, a JetStream stream for work that one handler does. The ADRs are generated from the `NNNN-slug.yaml` designs beside them by kv-or-stream; edit a design and run `kv-or-stream generate`.

<#assign total = rows?size>
<#if total == 0>
No decisions yet. Start one with `kv-or-stream new "Title of the path"`.
<#else>
${total} <#if total == 1>decision<#else>decisions</#if>: <#assign parts = []><#list verdicts as id, n><#if (n > 0)><#assign parts = parts + [n + " " + w.primitive[id]]></#if></#list><#if handWritten gt 0><#assign parts = parts + [handWritten + " written by hand"]></#if>${parts?join(", ")}.

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

<#-- The reference every ADR links to instead of repeating it. -->

## The common cases

Each ADR compares its path with these cases and marks the nearest one.

| Case | The table's choice | Why |
| --- | --- | --- |
<#list cases as c>
| ${c.name} | ${c.label} | ${cell(c.reasons)} |
</#list>

## Working with a KV watch

**The KV twofer.** A KV bucket is a JetStream stream (named `KV_<bucket>`, on subjects `$KV.<bucket>.>`), and each put appends a message to it. One write therefore serves three readers at once:

- **State**: `get(key)` returns the current value of a key.
- **Events**: `watch(keys)` tells every watcher about each change: fan-out without extra code.
- **History**: each key keeps its last revisions, 1 by default and 64 at most. That is a short look back, not an audit log and not a backup; raising it later keeps only later writes.

**Bootstrap, then live.** A new watch first delivers the latest value (or delete marker) of every matching key, then signals that the initial values are done (in jnats `KeyValueWatcher.endOfData()`; the Go client sends a nil entry), then each change as it happens. The bootstrap gives one entry per key whatever the bucket's history setting; only a watch that asks to include history replays older revisions, up to the history kept. After a restart the bootstrap values mean "this is the state now", not "this just happened": a processor that treats them as new events redoes work for every existing key, so keep the two phases apart in code. A watcher that was down never sees the values written and replaced while it was away. If every transition matters, that part is a stream.

**The owner's duties.** A watch is an ephemeral ordered consumer: no acks, no redelivery, no saved position, and each watcher counts against the server's consumer limits. So the component that owns the watch:

- applies each value idempotently, so the same value twice gives the same result;
- repairs or redrives failed work itself, since nothing redelivers it;
- reports itself ready only after the bootstrap has ended;
- runs as one active instance, or partitions the keys, when applying a value has effects beyond its own memory: N replicas watching the same keys do that work N times, they do not share it. A cache that each node keeps for itself is the exception: there every node watches every key.

Do not use a KV watch as a work queue. For concurrent writers, `update(key, value, revision)` writes only if the key is still at that revision, and `create` only if the key is absent or deleted; revisions are counted per bucket, so one key's revisions rise but skip numbers. A bucket refuses puts once it reaches its maximum size, and the number of keys cannot be capped: size the bucket for the key space. A value whose writer died stays until it is deleted, unless the bucket has a TTL (a bucket-wide max age works on every JetStream server; per-key TTLs and the markers that tell watchers about an expiry need server 2.11 or later).

## Working with a JetStream stream

**The durable consumer.** The server keeps a durable consumer's position. After a restart the handler resumes after its last acknowledged message: work it acknowledged is not delivered again, work it had not acknowledged comes back once the ack wait has passed. The deliver policy only says where a brand-new consumer starts: `all` (the server's default) at the beginning of the stream, `new` with the next message published, which skips what the stream already held. Deleting or renaming the durable loses its position, and a consumer created again with `new` skips the messages published in the gap. On a `workqueue` stream nothing is skipped, as unacknowledged messages stay in the stream, but messages in flight are delivered again and their delivery counts restart.

**Retention and deliver policy go together.** A `workqueue` stream removes each message at its first ack, so handled work does not wait for anyone else; what is not acknowledged stays (the backlog while handlers are down, a message that used up its deliveries, a message no consumer's filter takes), so give it a max age or size too. Its consumers must not overlap in their subject filters, and each must use deliver policy `all` with explicit acks (the server refuses a `new` consumer there). A `limits` stream (the default) keeps every message until a limit removes it: with no max age, message count or size it keeps everything for ever, so give it a limit that matches how long the messages are needed. An `interest` stream drops a message once every consumer that was interested has acknowledged it, and drops it at once when no consumer exists. Retention cannot be changed to or from `workqueue` once the stream exists.

**At least once.** A handler that crashes after the side effect but before its ack gets the message again. Make every handler idempotent, for example by recording a key per message and skipping keys already done. Publish with a `Nats-Msg-Id` header so the stream drops duplicate publishes within its duplicate window (2 minutes by default). Exactly-once processing needs both that header and a double ack (`ackSync`), and even then the effects should be idempotent.

**Slow work.** The ack wait is 30 seconds by default, and it runs from the moment the message is delivered to the client, not from when a handler starts on it. A client that fetches ahead (jnats' `consume()` keeps up to 500 messages buffered by default) lets buffered messages run out their ack wait while they wait, and they are delivered again. For slow work, keep in flight only what the handlers are working on (`next()`, or a `fetch` of as many messages as there are handlers, with max ack pending set to that number), and send in-progress acks (`inProgress()`) at an interval shorter than the ack wait. Max ack pending belongs to the durable, not to a process: three processes with four handlers each on one durable need 12. Set `maxWork`, when the in-progress acks stop, above the longest legitimate run: past it the message comes back while the first handler may still be working, and the work runs twice; with a single handler thread a hung handler keeps that thread, so its message waits for another process or a restart. A backoff list, when set, replaces the ack wait with its first entry.

**Failures and dead letters.** Max deliver is unlimited by default: set it. `nak()` asks for redelivery at once, even when the consumer has a backoff list (on 2.9 the backoff paces only ack-wait timeouts), which uses up every delivery within milliseconds when the cause is still there: use `nakWithDelay`. `term()` ends a message that can never succeed. When a message reaches max deliver the server publishes a max-deliveries advisory, a core NATS message that a subscriber which is down never gets: keep the advisories in a stream of their own, and fetch the dead message from the work stream by the sequence the advisory carries (on a work-queue stream it is still there). To run a dead letter again, publish its data to its subject with a new `Nats-Msg-Id`. Deliver policy, ack policy and pull or push mode cannot be changed on an existing consumer; ack wait, max deliver, max ack pending and backoff can.
<#if shared?has_content>

## Shared code

Each ADR prints its own settings three ways: a table, nats CLI lines and jnats builders. They come from the design's `nats:` block, with defaults where it says nothing; `kv-or-stream apply` creates them on a server and `kv-or-stream audit` checks a server against them. The snippets' `addStream` and `create` calls change nothing while the settings match, and fail once a setting changed (10058): after editing a design, run `kv-or-stream apply --update` first. The code that is the same in every decision of a kind is here, once: copy each class into your code base once, and each ADR's snippet calls it with that decision's values. Your part is a small interface (`StreamWork.Handler`, `KvFollow.Watcher`): the work itself, what a value means, and where reports and dead letters go.
<#list shared as c>

### ${c.name}

<#if c.name == "StreamWork">
The handling of a stream decision. `handleWithNext` runs a fixed number of threads that each take one message with `next()` and finish it first, so a message never waits in a client buffer while its ack wait runs out; it sends in-progress acks while a handler works, up to `maxWork`, then lets a hung handler's message come back; a failure waits `retryAfter` (`nakWithDelay`), and one that can never succeed ends with `term()`. `handleClaimed` is for long work: it claims a message's id in a KV bucket, lets `handle` record the run with `create` on the run's own key (never the claim) and start it, then acks; a redelivery finds the run recorded (and acks: a start that died after the record is the run's supervision's to recover) or takes the claim over, so a start that died before the run was recorded comes back. A refused `create` (10071) means the run exists: `handle` returns and the message is acked. Once the run is recorded `handle` must not throw: its failures belong to the run's state, whose own supervision recovers a run whose engine died, and the record stays (a finished state, not a delete) as long as a producer may resend its trigger, since `create` accepts a deleted key. `handleBuffered` is for fast work only. `keepDeadLetters` captures the max-deliveries announcements in a stream (a subscriber that is down would miss them) and fetches each dead message by its stream sequence; a decision whose instances each have their own durable reads them in one operations component.
<#elseif c.name == "KvFollow">
The watcher of a KV decision. It keeps the bootstrap (`rebuild`: the state now) apart from live changes (`apply`), reports ready only after the bootstrap, and with `silenceAfter` checks the age of each key's last write: on 2.9 and 2.10 a key that expires leaves the bucket without telling its watchers. 2.11 and later can send them a marker, on a bucket with limit markers, but jnats 2.26 shows it as a purge, so a purged key stays checked and is reported silent in its turn.
</#if>

```java
${c.code}
```
</#list>
</#if>
