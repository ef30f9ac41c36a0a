<#-- NATS implementation sketches. The settings table, the CLI lines and the jnats code read the
     same spec, so they cannot disagree; SketchMatchesSpecTest parses the CLI lines and the
     builder calls back out of every ADR, and SnippetIT compiles the jnats code out of a
     rendered ADR and runs it on a real nats-server. -->

<#assign imports = "// imports: io.nats.client.*, io.nats.client.api.*, io.nats.client.impl.*, io.nats.client.support.*,\n//          java.io.IOException, java.time.*, java.util.*, java.util.concurrent.*, java.util.concurrent.atomic.*">

<#macro kvCli s>
nats kv add ${s.bucket} --history ${s.history}<#if s.ttl??> --ttl ${s.ttlText()}</#if><#if (s.maxValueSize > 0)> --max-value-size ${s.maxValueSize?c}</#if> --replicas ${s.replicas}
nats kv watch ${s.bucket} '${s.keys}'
</#macro>

<#macro kvJava s>
${imports}
KeyValueManagement kvm = connection.keyValueManagement();
kvm.create(KeyValueConfiguration.builder()
    .name("${s.bucket}")
    .maxHistoryPerKey(${s.history})
<#if s.ttl??>
    .ttl(${s.ttlJava()})
</#if>
<#if (s.maxValueSize > 0)>
    .maximumValueSize(${s.maxValueSize?c})
</#if>
    .replicas(${s.replicas})
    .build());
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
<#else>
kv.put(key, value);                // the owner writes the current value of each key
</#if>
<#if s.ttl??>
Map<String, ZonedDateTime> lastWrite = new ConcurrentHashMap<>();
// The keys that should be written (the owner's list of sensors, members, ...): one that
// expired before this process started, or never wrote, is silent from the start.
ZonedDateTime watching = ZonedDateTime.now();
expected().forEach(k -> lastWrite.put(k, watching));
</#if>

kv.watch("${s.keys}", new KeyValueWatcher() {
  private volatile boolean live;   // false while the initial values arrive

  @Override
  public void watch(KeyValueEntry entry) {
    if (entry.getOperation() != KeyValueOperation.PUT) {
<#if s.ttl??>
      lastWrite.remove(entry.getKey());
</#if>
      forget(entry.getKey());      // deleted or purged
<#if s.ttl??>
      return;
    }
    lastWrite.put(entry.getKey(), entry.getCreated());
    if (!live) {
<#else>
    } else if (!live) {
</#if>
      rebuild(entry);              // bootstrap: the state as it is now, not a new event
    } else {
      apply(entry);                // a live change; apply idempotently
    }
  }

  @Override
  public void endOfData() {
    live = true;                   // every current value has arrived
    markReady();                   // only now report this component ready
  }
});
<#if s.ttl??>

// Silence: a key not written for ${s.ttlText()} leaves the bucket, but on 2.9 and 2.10 its
// watchers get no entry for that; check the age of what was last seen, five times per TTL,
// so a silence is reported at most ${s.checkEveryText()} late. getCreated() is the server's clock and
// now() this machine's: keep both on NTP, a skew moves the alarm by as much.
timer.scheduleAtFixedRate(() -> {
  try {
    ZonedDateTime now = ZonedDateTime.now();
    lastWrite.forEach((k, at) -> {
      // remove only the time looked at: a write that came meanwhile keeps the key
      if (at.plus(${s.ttlJava()}).isBefore(now) && lastWrite.remove(k, at)) {
        silent(k);                 // the writer stopped: alert, or drop its value
      }
    });
  } catch (RuntimeException e) {
    report(e);                     // a task that throws is never run again
  }
}, ${s.ttl.dividedBy(5).toMillis()?c}, ${s.ttl.dividedBy(5).toMillis()?c}, TimeUnit.MILLISECONDS);
</#if>
</#if>
</#macro>

<#macro kvNotes s>
<#if s.pattern == "lease">

The lease length is the bucket's TTL (`${s.ttlText()}`): it applies to every key and works on 2.9. jnats' `update(key, value, revision)` takes no TTL of its own, so a bucket without one would keep a lease for ever once its holder died. NATS 2.11 and later add a per-key TTL, given only on `create` (`create(key, value, MessageTtl.seconds(n))`) on a bucket with limit markers, and limit markers that tell watchers a key expired; the renewals with `update` still restart the age only through the bucket's TTL.
<#elseif s.ttl??>

A value lives ${s.ttlText()} after its last write: a writer that stops is noticed, instead of its last value looking valid for ever. On 2.9 and 2.10 an expired key leaves the bucket without telling the watchers, hence the age check above; on 2.11 and later a bucket with limit markers (`limitMarker(...)` in jnats) also sends watchers a marker entry (not a `PUT`) when a key expires.
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
nats consumer add ${s.deadLetterStream()} ${s.deadLetterDurable()} --pull --deliver all --ack explicit --defaults
</#macro>

<#macro consumerJava s c>
jsm.addOrUpdateConsumer("${s.stream}", ConsumerConfiguration.builder()
    .durable(${c.durableJava()})
<#if c.filter??>
    .filterSubject(${c.filterJava()})
</#if>
<#if c.perInstance()>
    .inactiveThreshold(${s.instanceIdleJava()})   // the server removes it once unused that long
</#if>
    .deliverPolicy(DeliverPolicy.${s.deliverJava()})
    .ackPolicy(AckPolicy.Explicit)
    .ackWait(${s.ackWaitJava()})
    .maxDeliver(${s.maxDeliver})
    .maxAckPending(${s.maxAckPending})
    .build());
</#macro>

<#macro streamJava s>
<#assign first = s.consumers[0]>
${imports}
JetStreamManagement jsm = connection.jetStreamManagement();
jsm.addStream(StreamConfiguration.builder()
    .name("${s.stream}")
    .subjects(<#list s.subjects as subject>"${subject}"<#sep>, </#list>)
    .retentionPolicy(RetentionPolicy.${s.retentionJava()})
<#if s.maxAge??>
    .maxAge(${s.maxAgeJava()})
</#if>
<#if (s.maxMsgs > 0)>
    .maxMessages(${s.maxMsgs?c})
</#if>
<#if (s.maxBytes > 0)>
    .maxBytes(${s.maxBytes?c})
</#if>
    .storageType(StorageType.File)
    .replicas(${s.replicas})
    .duplicateWindow(${s.duplicateWindowJava()})
    .build());
<#list s.consumers as c>
<#if c.perInstance()>
// Each instance makes its own durable when it starts; the same ${c.variable()} after a restart resumes it.
</#if>
<@consumerJava s=s c=c />
</#list>

// Dead letters: the announcement that a message ran out of deliveries is core NATS (at most
// once); this stream keeps them, so none is lost while the reader below is down.
jsm.addStream(StreamConfiguration.builder().name("${s.deadLetterStream()}")
    .subjects("${s.deadLetterSubject()}")
    .maxAge(${s.deadLetterAgeJava()}).storageType(StorageType.File).replicas(${s.replicas}).build());
jsm.addOrUpdateConsumer("${s.deadLetterStream()}", ConsumerConfiguration.builder()
    .durable("${s.deadLetterDurable()}").deliverPolicy(DeliverPolicy.All).ackPolicy(AckPolicy.Explicit).build());

// Publish with an idempotency key: a publish retried within the duplicate window is stored once.
connection.jetStream().publish(NatsMessage.builder()
    .subject(${s.exampleSubjectJava()})
    .headers(new Headers().put("Nats-Msg-Id", requestId))
    .data(payload)
    .build());

<#if (s.fixedConsumers()?size > 1)>
// Each subscriber reads with its own durable (${s.fixedConsumers()?map(c -> c.durable)?join(", ")}); ${first.durable} here.
</#if>
ConsumerContext consumer = connection.getConsumerContext("${s.stream}", ${first.durableJava()});
<#if s.claims()>
// Long work: a handler claims the message's id in the KV bucket ${s.claim}, then acks the
// message at once, and the work's own state carries it from there. Holding it unacked for
// hours would hand it to another instance after any gap in the in-progress acks longer
// than the ack wait (a network cut, a pause, a server restart): a second run.
connection.keyValueManagement().create(KeyValueConfiguration.builder()
    .name("${s.claim}").maxHistoryPerKey(1)
    .ttl(${s.claimAgeJava()})   // no redelivery outlives the stream's max age
    .storageType(StorageType.File).replicas(${s.replicas}).build());
KeyValue claims = connection.keyValue("${s.claim}");
ExecutorService handlers = Executors.newFixedThreadPool(${s.concurrency});
for (int i = 0; i < ${s.concurrency}; i++) {
  handlers.submit(() -> {
    while (running()) {
      try {
        Message msg = consumer.next(Duration.ofSeconds(1));   // null when nothing came
        if (msg == null) {
          continue;
        }
        // Its id as published (Nats-Msg-Id, above); it must be a valid KV key.
        String id = msg.getHeaders().getFirst("Nats-Msg-Id");
        try {
          claims.create(id, owner);  // refused (10071) when the key exists
        } catch (JetStreamApiException e) {
          if (e.getApiErrorCode() != 10071) {
            throw e;                 // not claimed: it comes back after the ack wait
          }
          msg.ack();                 // claimed before: a redelivery of work already started
          continue;
        }
        msg.ack();                   // ours now; a crash before this ack is the case above
        handle(msg);                 // the long work; it records its progress in its own state,
                                     // and a claim with no state is a start that died: sweep those
      } catch (Exception e) {        // e.g. 409 consumer deleted, a lost connection: a thread
        report(e);                   // that dies here stops handling in silence
        Thread.sleep(1000);          // back off, then carry on
      }
    }
    return null;
  });
}
<#elseif s.slow()>
// Slow work: each handler thread takes one message with next() and finishes it before it
// takes the next, so no message waits in a client buffer while its ack wait runs out.
Duration maxWork = ${s.maxWorkJava()};   // then the in-progress acks stop: a hung handler's message comes back
ExecutorService handlers = Executors.newFixedThreadPool(${s.concurrency});
for (int i = 0; i < ${s.concurrency}; i++) {
  handlers.submit(() -> {
    while (running()) {
      try {
        Message msg = consumer.next(Duration.ofSeconds(1));   // null when nothing came
        if (msg == null) {
          continue;
        }
        if (alreadyDone(msg)) {      // delivery is at least once: skip work already done
          msg.ack();
          continue;
        }
        long started = System.nanoTime();
        ScheduledFuture<?> progress = timer.scheduleAtFixedRate(() -> {
          if (System.nanoTime() - started > maxWork.toNanos()) {
            return;                  // worked too long: let the ack wait run out
          }
          try {
            msg.inProgress();        // still working: restart the ack wait
          } catch (Exception e) {
            report(e);               // a task that throws is never run again
          }
        }, ${s.heartbeat.toMillis()?c}, ${s.heartbeat.toMillis()?c}, TimeUnit.MILLISECONDS);
        try {
          handle(msg);
          msg.ack();
        } catch (Exception e) {
          if (neverSucceeds(e)) {
            deadLetter(msg);
            msg.term();              // no more deliveries
          } else {
            msg.nakWithDelay(${s.retryDelayJava()});   // again later; ${s.maxDeliver} deliveries in all
          }
        } finally {
          progress.cancel(false);
        }
      } catch (Exception e) {        // e.g. 409 consumer deleted, a lost connection, a failed
        report(e);                   // ack: a thread that dies here stops handling in silence
        Thread.sleep(1000);          // back off, then carry on
      }
    }
    return null;
  });
}
<#else>
// Fast work: consume() keeps a buffer of messages (500 by default) whose ack wait runs while
// they wait; if a full buffer can take longer than the ack wait, use a next() loop instead.
MessageConsumer running = consumer.consume(msg -> {
  if (alreadyDone(msg)) {          // delivery is at least once: skip work already done
    msg.ack();
    return;
  }
  try {
    handle(msg);
    msg.ack();
  } catch (Exception e) {
    if (neverSucceeds(e)) {
      deadLetter(msg);
      msg.term();                  // no more deliveries
    } else {
      msg.nakWithDelay(${s.retryDelayJava()});     // again later; ${s.maxDeliver} deliveries in all
    }
  }
});
</#if>

// Dead letters: each announcement names the stream sequence of the message that gave up.
connection.getConsumerContext("${s.deadLetterStream()}", "${s.deadLetterDurable()}").consume(advisory -> {
  long seq = JsonValueUtils.readLong(JsonParser.parseUnchecked(advisory.getData()), "stream_seq", 0);
  MessageInfo dead;
  try {
    dead = jsm.getMessage("${s.stream}", seq);
  } catch (JetStreamApiException e) {
    if (e.getApiErrorCode() == 10037) {   // no message found: it left the stream meanwhile
      deadLetter(advisory);                // keep the announcement itself
      advisory.ack();
    } else {
      advisory.nakWithDelay(${s.retryDelayJava()});  // another refusal: try again later
    }
    return;
  } catch (IOException e) {
    advisory.nakWithDelay(${s.retryDelayJava()});    // the server is unreachable: try again later
    return;
  }
  deadLetter(dead);                // keep it where a person can look at it; record it by stream
                                   // and sequence, so a retry of this announcement adds nothing
<#if s.retention == "workqueue">
  try {
    jsm.deleteMessage("${s.stream}", seq);          // a workqueue stream keeps it otherwise
  } catch (IOException | JetStreamApiException e) {
    advisory.nakWithDelay(${s.retryDelayJava()});    // again later (deadLetter above is idempotent)
    return;
  }
</#if>
  advisory.ack();
});
</#macro>

<#macro retentionNote s>
<#if s.retention == "workqueue">workqueue: a message is removed at its first ack; what nobody acknowledges stays (a message past max deliver until the dead-letter reader deletes it, one that no durable's filter takes, the backlog while handlers are down); consumers need deliver `all` and filters that do not overlap<#elseif s.retention == "interest">interest: a message is removed once every durable acknowledged it, and at once when there is none<#else>limits: messages stay until a limit below removes them, whether handled or not</#if></#macro>

<#macro implementation level>
<#if buckets?has_content || streams?has_content>

${level} Implementation

The settings below come from the design's `nats:` block, with defaults where it says nothing. `kv-or-stream apply` creates them on a server, and `kv-or-stream audit` checks a server against them.
<#list buckets as s>

${level}# KV bucket `${s.bucket}`<#if s.part??> (${inline(s.part)})</#if>

| Setting | Value |
| --- | --- |
| bucket | `${s.bucket}` (its stream is `KV_${s.bucket}`) |
| history per key | ${s.history} |
| time to live | <#if s.ttl??>${s.ttlText()} after a key's last write<#if s.pattern == "lease"> (the lease length)</#if><#else>none: values stay until deleted</#if> |
| largest value | <#if (s.maxValueSize > 0)>${s.maxValueSize?c} bytes<#else>no limit of its own</#if> |
| replicas | ${s.replicas} |
| watched keys | `${s.keys}` |

With the nats CLI:

```sh
<@kvCli s=s />
```

With jnats (`io.nats:jnats` 2.26):

```java
<@kvJava s=s />
```
<@kvNotes s=s />
</#list>
<#list streams as s>

${level}# Stream `${s.stream}` and <#if (s.consumers?size > 1)>durable consumers <#list s.consumers as c>`${c.durable}`<#sep>, </#list><#else>durable consumer `${s.durable()}`</#if><#if s.part??> (${inline(s.part)})</#if>

| Setting | Value |
| --- | --- |
| subjects | <#list s.subjects as subject>`${subject}`<#sep>, </#list> |
| retention | <@retentionNote s=s /> |
| limits | <#if s.unbounded()>**none: every <#if s.retention == "workqueue">unacknowledged </#if>message stays for ever and the stream grows without end** (`check` warns)<#else><#if s.maxAge??>max age ${s.maxAgeText()}<#if (s.maxMsgs > 0) || (s.maxBytes > 0)>, </#if></#if><#if (s.maxMsgs > 0)>max ${s.maxMsgs?c} messages<#if (s.maxBytes > 0)>, </#if></#if><#if (s.maxBytes > 0)>max ${s.maxBytes?c} bytes</#if><#if s.maxAge?? && s.retention != "workqueue">; a durable that is down longer than that misses what expired</#if><#if s.retention == "workqueue">; it bounds what nobody acknowledged, and work still there by then is removed unhandled, so restart stopped handlers well within it</#if></#if> |
| duplicate window, replicas | ${s.duplicateWindowText()}, ${s.replicas} |
<#list s.consumers as c>
| durable consumer | `${c.durable}`: pull, explicit acks<#if c.filter??>, filter `${c.filter}`</#if><#if c.perInstance()>; made by each instance at start, with its own ${c.placeholder}, which must be valid in a durable name (no `.`, `*`, `>`, spaces) and the same after that instance restarts (a new one orphans the results waiting for the old); removed by the server after ${s.instanceIdleText()} unused (<#if s.retention == "workqueue">work left in the stream waits for the durable to be made again<#else>made again, it starts over at the oldest message the stream holds</#if>)</#if> |
</#list>
| deliver policy | ${s.deliver}<#if s.deliver == "all"> (a new durable starts at the oldest message the stream holds)<#else> (a new durable skips what the stream held before it, and what arrives while it is deleted and made again)</#if> |
| ack wait | ${s.ackWaitText()} from delivery to the client |
| max deliver | ${s.maxDeliver}, then a dead letter |
| max ack pending | ${s.maxAckPending}<#if s.slow()>: the cap on messages in flight for the whole durable, whatever the processes reading it; <#if s.perInstance()>each instance reads its own durable, so it is that instance's `concurrency`<#if s.concurrency == 1>: one message at a time; the durable hands out the next once the last is acknowledged (or its ack wait ran out)</#if><#else>${s.instances} instance<#if (s.instances > 1)>s</#if> x ${s.concurrency} handler<#if (s.concurrency > 1)>s</#if> (`instances` x `concurrency`)</#if></#if> |
| handlers | <#if s.slow()>${s.concurrency} at once <#if s.perInstance()>per instance<#else>in each of ${s.instances} instance<#if (s.instances > 1)>s</#if></#if>, each taking one message with `next()`; a failure in the loop is reported and the loop carries on<#else>`consume()`: handling is fast</#if><#if s.claims()>; each claims the message's id in `${s.claim}`, acks it, then works: a redelivered message whose id is claimed starts nothing<#elseif s.heartbeat??>; an in-progress ack every ${s.heartbeatText()} while one works, for at most ${s.maxWorkText()} (`maxWork`, 10 x ack wait unless set): a hung handler's message then comes back</#if> |
<#if s.claims()>
| claims | KV bucket `${s.claim}`: a key per message id, kept ${s.claimAgeText()} (no redelivery outlives the stream's max age); a claim whose work recorded no state is a start that died, for a sweeper to restart |
</#if>
| failed message | <#if s.claims()>before the claim, it comes back after the ack wait (${s.maxDeliver} deliveries in all); after the claim and ack, the work's own state retries it<#else>again after ${s.retryDelayText()} (`nakWithDelay`); `term()` when it can never succeed</#if> |
| dead letters | stream `${s.deadLetterStream()}` keeps the max-deliveries announcements ${s.deadLetterAgeText()}; durable `${s.deadLetterDurable()}` reads them |

With the nats CLI:

```sh
<@streamCli s=s />
```

With jnats (`io.nats:jnats` 2.26):

```java
<@streamJava s=s />
```
</#list>
</#if>
</#macro>
