<#-- NATS implementation sketches. The CLI lines and the jnats code read the same spec, so
     they cannot disagree; a test parses the CLI lines and compares every flag with it. -->

<#macro kvCli s>
nats kv add ${s.bucket} --history ${s.history}<#if s.ttl??> --ttl ${s.ttlText()}</#if><#if (s.maxValueSize > 0)> --max-value-size ${s.maxValueSize?c}</#if> --replicas ${s.replicas}
nats kv watch ${s.bucket} '${s.keys}'
</#macro>

<#macro kvJava s>
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
kv.put(key, value);                // the owner writes the current value of each key

kv.watch("${s.keys}", new KeyValueWatcher() {
  private volatile boolean live;   // false while the initial values arrive

  @Override
  public void watch(KeyValueEntry entry) {
    if (entry.getOperation() != KeyValueOperation.PUT) {
      forget(entry.getKey());      // deleted or purged
    } else if (!live) {
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
</#macro>

<#macro streamCli s>
nats stream add ${s.stream} --subjects '${s.subjects?join(",")}' --retention ${s.retentionCli()} --dupe-window ${s.duplicateWindowText()} --storage file --replicas ${s.replicas} --defaults
nats consumer add ${s.stream} ${s.durable} --pull --deliver ${s.deliver} --ack explicit --wait ${s.ackWaitText()} --max-deliver ${s.maxDeliver} --max-pending ${s.maxAckPending} --defaults
nats sub '$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${s.stream}.${s.durable}'
</#macro>

<#macro streamJava s>
JetStreamManagement jsm = connection.jetStreamManagement();
jsm.addStream(StreamConfiguration.builder()
    .name("${s.stream}")
    .subjects(<#list s.subjects as subject>"${subject}"<#sep>, </#list>)
    .retentionPolicy(RetentionPolicy.${s.retentionJava()})
    .storageType(StorageType.File)
    .replicas(${s.replicas})
    .duplicateWindow(${s.duplicateWindowJava()})
    .build());
jsm.addOrUpdateConsumer("${s.stream}", ConsumerConfiguration.builder()
    .durable("${s.durable}")
    .deliverPolicy(DeliverPolicy.${s.deliverJava()})
    .ackPolicy(AckPolicy.Explicit)
    .ackWait(${s.ackWaitJava()})
    .maxDeliver(${s.maxDeliver})
    .maxAckPending(${s.maxAckPending})
    .build());

// Publish with an idempotency key: a publish retried within the duplicate window is dropped.
connection.jetStream().publish(NatsMessage.builder()
    .subject("${s.exampleSubject()}")
    .headers(new Headers().put("Nats-Msg-Id", requestId))
    .data(payload)
    .build());

// Handle each message once, in one handler; ack when the work is done.
ConsumerContext consumer = connection.getConsumerContext("${s.stream}", "${s.durable}");
MessageConsumer running = consumer.consume(msg -> {
  if (alreadyDone(msg)) {          // delivery is at least once: skip work already done
    msg.ack();
    return;
  }
<#if s.heartbeat??>
  ScheduledFuture<?> progress =    // slow work: tell the server it is still running
      timer.scheduleAtFixedRate(msg::inProgress, ${s.heartbeat.toMillis()?c}, ${s.heartbeat.toMillis()?c}, TimeUnit.MILLISECONDS);
</#if>
  try {
    handle(msg);
    msg.ack();
  } catch (Exception e) {
    msg.nak();                     // redelivered, at most ${s.maxDeliver} times in all
<#if s.heartbeat??>
  } finally {
    progress.cancel(false);
</#if>
  }
});

// Dead letters: a message delivered ${s.maxDeliver} times without an ack is announced here.
connection.createDispatcher(advisory -> deadLetter(advisory))
    .subscribe("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${s.stream}.${s.durable}");
</#macro>

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
| time to live | <#if s.ttl??>${s.ttlText()}<#else>none: values stay until deleted</#if> |
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
</#list>
<#list streams as s>

${level}# Stream `${s.stream}` and durable consumer `${s.durable}`<#if s.part??> (${inline(s.part)})</#if>

| Setting | Value |
| --- | --- |
| stream | `${s.stream}` |
| subjects | <#list s.subjects as subject>`${subject}`<#sep>, </#list> |
| retention | ${s.retention} |
| duplicate window | ${s.duplicateWindowText()} |
| replicas | ${s.replicas} |
| durable consumer | `${s.durable}`: pull, explicit acks |
| deliver policy | ${s.deliver}<#if s.deliver == "new"> (a brand-new consumer skips what the stream held before it)<#else> (required on a workqueue stream)</#if> |
| ack wait | ${s.ackWaitText()} |
| max deliver | ${s.maxDeliver}, then a dead-letter advisory |
| max ack pending | ${s.maxAckPending} |
| in-progress ack | <#if s.heartbeat??>every ${s.heartbeatText()} while a message is being handled<#else>not needed: handling is fast</#if> |

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
