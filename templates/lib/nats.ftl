<#-- NATS implementation sketches. The settings table, the CLI lines and the jnats code read the
     same spec, so they cannot disagree; SketchMatchesSpecTest parses the CLI lines and the
     builder calls back out of every ADR, and SnippetIT compiles the jnats code out of a
     rendered ADR and runs it on a real nats-server. -->

<#-- The snippets name only what a decision decides; the code every stream or KV decision shares
     (StreamWork, KvFollow) is printed once in the index: see render/SharedCode. -->
<#assign kvImports = "// imports: io.nats.client.*, io.nats.client.api.*, java.time.*">
<#assign leaseImports = "// imports: io.nats.client.*, io.nats.client.api.*, java.io.IOException, java.time.*,\n//          java.util.concurrent.*, java.util.concurrent.atomic.*">
<#assign streamImports = "// imports: io.nats.client.*, io.nats.client.api.*, io.nats.client.impl.*, java.time.*">

<#macro kvCli s>
nats kv add ${s.bucket} --history ${s.history}<#if s.ttl??> --ttl ${s.ttlText()}</#if><#if (s.maxValueSize > 0)> --max-value-size ${s.maxValueSize?c}</#if> --replicas ${s.replicas}
# to watch by hand (it runs until stopped):
nats kv watch ${s.bucket} '${s.keys}'
</#macro>

<#macro kvJava s>
<#if s.pattern == "lease">${leaseImports}<#elseif s.silence()?? && !s.ttl??>${kvImports}, java.util.*<#else>${kvImports}</#if>
connection.keyValueManagement().create(KeyValueConfiguration.builder().name("${s.bucket}")
    .maxHistoryPerKey(${s.history})<#if s.ttl??>.ttl(${s.ttlJava()})</#if><#if (s.maxValueSize > 0)>.maximumValueSize(${s.maxValueSize?c})</#if>.replicas(${s.replicas}).build());
KeyValue kv = connection.keyValue("${s.bucket}");
<#if s.pattern == "lease">

// Take the lease: create writes only if the key is absent, deleted or expired; while
// another holder has it, create throws JetStreamApiException (wrong last sequence, 10071).
String key = "${s.exampleKey()}";
AtomicLong revision = new AtomicLong(kv.create(key, owner));
// Renew well inside the TTL: update writes only if nobody wrote since our revision, and
// each write restarts the key's age, so the lease ends ${s.ttlText()} after the last renewal.
ScheduledFuture<?> renewal = timer.scheduleAtFixedRate(() -> {
  try {
    revision.set(kv.update(key, owner, revision.get()));
  } catch (IOException | JetStreamApiException e) {
    lost(key);                     // another holder has it, or we cannot tell: stop the work
  }
}, ${s.ttl.dividedBy(3).toMillis()?c}, ${s.ttl.dividedBy(3).toMillis()?c}, TimeUnit.MILLISECONDS);
work(key);                         // the work the lease guards
renewal.cancel(false);
kv.delete(key, revision.get());    // release, only if the lease is still ours
<#else>
<#if s.pattern == "presence">
kv.put(key, value);                // each member writes its own key, more often than the TTL
<#elseif s.pattern == "shared">
long revision = kv.create(key, value);        // the value names its owner and a write counter
revision = kv.update(key, value, revision);   // on the revision of our last write; after a timeout
                                              // or 10071, kv.get(key): ours with this counter? adopt
                                              // it; our last counter? write again; else taken over
<#else>
kv.put(key, value);                // the owner writes the current value of each key
</#if>
<#if s.silence()??>
new KvFollow(kv, watcher)
<#if s.ttl??>
    .silenceAfter(${s.silenceJava()}, expected(), timer)   // expected(): the keys that should be written
<#else>
    .silenceAfter(${s.silenceJava()}, List.of(), timer)    // the bootstrap names the live keys; a delete drops one
</#if>
    .watch("${s.keys}");
<#else>
new KvFollow(kv, watcher).watch("${s.keys}");
</#if>
</#if>
</#macro>

<#macro kvNotes s>
<#if s.pattern == "lease">

The lease length is the bucket's TTL (`${s.ttlText()}`): it applies to every key and works on 2.9. jnats' `update(key, value, revision)` takes no TTL of its own, so a bucket without one would keep a lease for ever once its holder died. NATS 2.11 and later add a per-key TTL, given only on `create` (`create(key, value, MessageTtl.seconds(n))`) on a bucket with limit markers, and limit markers that tell watchers a key expired; the renewals with `update` still restart the age only through the bucket's TTL.
<#elseif s.ttl??>

A value lives ${s.ttlText()} after its last write, so a writer that stops is noticed (by `silenceAfter`, at most ${s.checkEveryText()} late) instead of its last value looking valid for ever.
<#elseif s.silence()?? && s.pattern != "shared">

A key not written for ${s.silenceText()} is reported by `silenceAfter` (at most ${s.checkEveryText()} late): its writer is stuck or dead. The bucket has no TTL, so the value stays: a writer rewrites its key at least every ${s.rewriteEveryText()} (half the silence time, so one late write is not silence) while it works or waits, and deletes it when it ends.
</#if>
<#if s.pattern == "shared">

Several instances write a key in turn (one takes over from another): a plain `put` lets the last writer win, so each writes with `update` on the revision of its own last write, with its own id and a write counter in the value. After a timeout or a refused update (10071) it reads the key with `get` (null once deleted): its own id with the new counter means the update went through, its own id with the old counter means it did not (write again), another owner means the key was taken over. Take a key over only after its owner went silent, and check it before each step with side effects.<#if s.silence()??> A key not written for ${s.silenceText()} is reported by `silenceAfter` (at most ${s.checkEveryText()} late): its writer is stuck or dead. The bucket has no TTL, so the value stays: a writer rewrites its key at least every ${s.rewriteEveryText()} (half the silence time) while it works, and writes a final state when it ends (a delete would let `create` make the key anew); `silent` ignores a final state, and another instance takes the rest over with `update` on its revision.</#if>
</#if>
</#macro>

<#macro consumerCli s c>
nats consumer add ${s.stream} <#if c.perInstance()>${c.durableShell()}<#else>${c.durable}</#if> --pull --deliver ${s.deliver} --ack explicit<#if c.filter??> --filter <#if c.perInstance()>${c.filterShell()}<#else>'${c.filter}'</#if></#if> --wait ${s.ackWaitText()} --max-deliver ${s.maxDeliver} --max-pending ${s.maxAckPending}<#if c.perInstance()> --inactive-threshold ${s.instanceIdleText()}</#if> --defaults
</#macro>

<#macro streamCli s>
nats stream add ${s.stream} --subjects '${s.subjects?join(",")}' --retention ${s.retentionCli()}<#if s.maxAge??> --max-age ${s.maxAgeText()}</#if><#if (s.maxMsgs > 0)> --max-msgs ${s.maxMsgs?c}</#if><#if (s.maxBytes > 0)> --max-bytes ${s.maxBytes?c}</#if> --dupe-window ${s.duplicateWindowText()} --storage file --replicas ${s.replicas} --defaults
<#list s.consumers as c>
<#if c.perInstance()>
# each instance, when it starts, with its own ${c.placeholder?upper_case?replace("-", "_")}:
</#if>
<@consumerCli s=s c=c />
</#list>
<#if s.claims()>
nats kv add ${s.claim} --history 1 --ttl ${s.claimAgeText()} --replicas ${s.replicas}
</#if>
nats stream add ${s.deadLetterStream()} --subjects '${s.deadLetterSubject()}' --retention limits --max-age ${s.deadLetterAgeText()} --storage file --replicas ${s.replicas} --defaults
nats consumer add ${s.deadLetterStream()} ${s.deadLetterDurable()} --pull --deliver all --ack explicit --max-deliver ${s.deadLetterMaxDeliver()} --defaults
</#macro>

<#macro consumerJava s c>
<#if c.perInstance()>
// Each instance makes its own durable when it starts; the same ${c.variable()} after a restart resumes it.
</#if>
jsm.addOrUpdateConsumer("${s.stream}", ConsumerConfiguration.builder().durable(${c.durableJava()})
<#if c.filter??>
    .filterSubject(${c.filterJava()})<#if c.perInstance()>.inactiveThreshold(${s.instanceIdleJava()})   // removed once unused that long</#if>
</#if>
    .deliverPolicy(DeliverPolicy.${s.deliverJava()}).ackPolicy(AckPolicy.Explicit).ackWait(${s.ackWaitJava()})
    .maxDeliver(${s.maxDeliver}).maxAckPending(${s.maxAckPending}).build());
</#macro>

<#macro streamJava s>
<#assign first = s.consumers[0]>
${streamImports}
JetStreamManagement jsm = connection.jetStreamManagement();
jsm.addStream(StreamConfiguration.builder().name("${s.stream}").subjects(<#list s.subjects as subject>"${subject}"<#sep>, </#list>)
    .retentionPolicy(RetentionPolicy.${s.retentionJava()})<#if s.maxAge??>.maxAge(${s.maxAgeJava()})</#if><#if (s.maxMsgs > 0)>.maxMessages(${s.maxMsgs?c})</#if><#if (s.maxBytes > 0)>.maxBytes(${s.maxBytes?c})</#if>.storageType(StorageType.File)
    .replicas(${s.replicas}).duplicateWindow(${s.duplicateWindowJava()}).build());
<#list s.consumers as c>
<@consumerJava s=s c=c />
</#list>
<#if s.claims()>
// The claims: kept as long as the stream keeps a message, so they outlive any redelivery.
connection.keyValueManagement().create(KeyValueConfiguration.builder().name("${s.claim}")
    .maxHistoryPerKey(1).ttl(${s.claimAgeJava()}).storageType(StorageType.File).replicas(${s.replicas}).build());
</#if>

// Publish with an idempotency key: a publish retried within the duplicate window is stored once.
connection.jetStream().publish(NatsMessage.builder().subject(${s.exampleSubjectJava()})
    .headers(new Headers().put("Nats-Msg-Id", requestId)).data(payload).build());

<#if (s.fixedConsumers()?size > 1)>
// Each subscriber reads with its own durable (${s.fixedConsumers()?map(c -> c.durable)?join(", ")}); ${first.durable} here.
</#if>
StreamWork work = new StreamWork(connection, "${s.stream}", ${first.durableJava()}, handler, timer)
    ${(".retryAfter(" + s.retryDelayJava() + ")" + s.slow()?then("", ";"))?right_pad(44)}// nakWithDelay, times the delivery count
<#if s.claims()>
    ${(".inProgressEvery(" + s.heartbeatJava() + ")")?right_pad(44)}// while handle records and starts the run
    ${(".maxWork(" + s.maxWorkJava() + ");")?right_pad(44)}// then a hung start's message comes back
// ${s.concurrency} thread<#if (s.concurrency > 1)>s</#if>, each: take a message, claim its id in ${s.claim}, handle it, ack it
work.handleClaimed(${s.concurrency}, connection.keyValue("${s.claim}"), owner);
<#elseif s.slow()>
    ${(".inProgressEvery(" + s.heartbeatJava() + ")")?right_pad(44)}// within the ${s.ackWaitText()} ack wait
    ${(".maxWork(" + s.maxWorkJava() + ");")?right_pad(44)}// then a hung handler's message comes back
${("work.handleWithNext(" + s.concurrency + ");")?right_pad(48)}// ${s.concurrency} thread<#if (s.concurrency > 1)>s</#if>, one message each
<#else>
${"work.handleBuffered();"?right_pad(48)}// fast work: consume() with its buffer
</#if>
<#if s.perInstance()>
```

```java
// imports: io.nats.client.*, java.time.*
new StreamWork(connection, "${s.stream}", null, handler, timer).keepDeadLetters(${s.deadLetterAgeJava()});  // in one operations component only, never in each instance
<#else>
${("work.keepDeadLetters(" + s.deadLetterAgeJava() + ");")?right_pad(48)}// ${s.deadLetterStream()}, read by ${s.deadLetterDurable()}
</#if>
</#macro>

<#macro retentionNote s>
<#if s.retention == "workqueue">workqueue: a message leaves at its first ack<#elseif s.retention == "interest">interest: a message leaves once every durable acknowledged it, at once when there is none<#else>limits: messages stay until a limit removes them, handled or not</#if></#macro>

<#-- "[StreamWork](README.md#streamwork)": a link to the shared code in the index. -->
<#function sharedLink name><#return "[" + name + "](README.md#" + name?lower_case + ")"></#function>

<#macro implementation level>
<#if buckets?has_content || streams?has_content>

${level} Implementation
<#list buckets as s>

${level}# KV bucket `${s.bucket}`<#if s.part??> (${inline(s.part)})</#if>

| Setting | Value |
| --- | --- |
| bucket | `${s.bucket}` (stream `KV_${s.bucket}`), replicas ${s.replicas}, <#if (s.maxValueSize > 0)>values up to ${s.maxValueSize?c} bytes<#else>no value size limit of its own</#if> |
| history per key | ${s.history} |
| time to live | <#if s.ttl??>${s.ttlText()} after a key's last write<#if s.pattern == "lease"> (the lease length)</#if><#else>none: values stay until deleted</#if> |
| watched keys | `${s.keys}` |

With the nats CLI (or `kv-or-stream apply`; `kv-or-stream audit` checks a server against these settings):

```sh
<@kvCli s=s />
```

<#if s.pattern != "lease">
With jnats (`io.nats:jnats` 2.26) and ${sharedLink("KvFollow")} from the index, the watcher every KV decision shares (`watcher` is your `KvFollow.Watcher`<#if s.silence()??>, `timer` a `ScheduledExecutorService`</#if>):
<#else>
With jnats (`io.nats:jnats` 2.26; `owner` is this holder's id as bytes, `timer` a `ScheduledExecutorService`):
</#if>

```java
<@kvJava s=s />
```
<@kvNotes s=s />
</#list>
<#list streams as s>

${level}# Stream `${s.stream}` and <#if (s.consumers?size > 1)>durable consumers <#list s.consumers as c>`${c.durable}`<#sep>, </#list><#else>durable consumer `${s.durable()}`</#if><#if s.part??> (${inline(s.part)})</#if>

| Setting | Value |
| --- | --- |
| stream | <#list s.subjects as subject>`${subject}`<#sep>, </#list>; <@retentionNote s=s />; duplicate window ${s.duplicateWindowText()}; replicas ${s.replicas} |
| limits | <#if s.unbounded()>**none: every <#if s.retention == "workqueue">unacknowledged </#if>message stays for ever and the stream grows without end** (`check` warns)<#else><#if s.maxAge??>max age ${s.maxAgeText()}<#if (s.maxMsgs > 0) || (s.maxBytes > 0)>, </#if></#if><#if (s.maxMsgs > 0)>max ${s.maxMsgs?c} messages<#if (s.maxBytes > 0)>, </#if></#if><#if (s.maxBytes > 0)>max ${s.maxBytes?c} bytes</#if><#if s.maxAge?? && s.retention != "workqueue">; a durable that is down longer than that misses what expired</#if><#if s.retention == "workqueue">: work nobody acknowledged by then is removed unhandled</#if></#if> |
<#list s.consumers as c>
| durable consumer | `${c.durable}`: pull, explicit acks, deliver `${s.deliver}`<#if c.filter??>, filter `${c.filter}`</#if><#if c.perInstance()>; made by each instance at start, with its own ${c.placeholder}, which must be valid in a durable name (no `.`, `*`, `>`, spaces) and the same after that instance restarts (a new one orphans the results waiting for the old); removed by the server after ${s.instanceIdleText()} unused (<#if s.retention == "workqueue">work left in the stream waits for the durable to be made again<#else>made again, it starts over at the oldest message the stream holds</#if>)</#if> |
</#list>
<#if s.deliver != "all">
| deliver policy | ${s.deliver}: a new durable skips what the stream held before it, and what arrives while it is deleted and made again |
</#if>
| handlers | <#if s.slow()>${s.concurrency} at once <#if s.perInstance()>per instance (max ack pending ${s.maxAckPending}: each instance reads its own durable)<#elseif (s.instances > 1)>in each of ${s.instances} instances (max ack pending ${s.maxAckPending} = ${s.instances} x ${s.concurrency})<#else>in 1 instance (max ack pending ${s.maxAckPending})</#if>, each one message at a time with `next()`<#else>`consume()` with its buffer (max ack pending ${s.maxAckPending}): handling is fast</#if><#if s.claims()>; each claims the message's id in `${s.claim}`, then `handle` records the run with `create` on the run's own key (not the claim), starts it on your own executor and returns; only then is the message acked<#elseif s.heartbeat??>; an in-progress ack every ${s.heartbeatText()} while one works, for at most ${s.maxWorkText()} (`maxWork`: set it above the longest legitimate run, since past it the message comes back and the work can run twice)</#if> |
<#if s.claims()>
| claims | KV bucket `${s.claim}`, kept ${s.claimAgeText()}: a key per `Nats-Msg-Id`, which must be a valid KV key such as a UUID (a message without one is a dead letter at once); a message comes back when its claimant stopped before the run was recorded: the claim is taken over (`update` on its revision) and the run started; if `alreadyDone` finds the run, it was recorded (its start, if that died, is the run's supervision's to recover) and the message is acked; a refused `create` of the run (10071): it exists, `handle` returns |
</#if>
| ack wait, failures | ack wait ${s.ackWaitText()}<#if s.claims()>, kept open by in-progress acks every ${s.heartbeatText()} while `handle` starts the run (up to ${s.maxWorkText()}, `maxWork`)</#if>; a failed message again after ${s.retryDelayText()} times its delivery count (`nakWithDelay`), `term()` when it can never succeed; ${s.maxDeliver} deliveries, then a dead letter |
| dead letters | stream `${s.deadLetterStream()}` keeps the max-deliveries announcements ${s.deadLetterAgeText()}; durable `${s.deadLetterDurable()}` reads them<#if s.perInstance()> in one operations component, not in each instance</#if>, ${s.deadLetterMaxDeliver()} tries each |

With the nats CLI (or `kv-or-stream apply`; `kv-or-stream audit` checks a server against these settings):

```sh
<@streamCli s=s />
```

With jnats (`io.nats:jnats` 2.26) and ${sharedLink("StreamWork")} from the index, the handling every stream decision shares (`handler` is your `StreamWork.Handler`, `timer` a `ScheduledExecutorService` of its own, or one whose other tasks are quick: a late tick delays the in-progress acks<#if s.claims()>, `owner` this instance's id as bytes</#if>):

```java
<@streamJava s=s />
```
</#list>
</#if>
</#macro>
