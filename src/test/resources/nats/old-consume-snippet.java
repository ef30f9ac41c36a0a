// imports: io.nats.client.*, io.nats.client.api.*, io.nats.client.impl.*, java.time.*, java.util.concurrent.*
// The stream snippet the ADRs printed before issue 11, for the design SnippetIT renders
// (ack wait 2s, in-progress every 500ms): consume() pre-fetches, so buffered messages run out
// their ack wait before a handler takes them. SnippetIT shows this pattern handles a
// message twice, which proves the harness can fail.
JetStreamManagement jsm = connection.jetStreamManagement();
jsm.addStream(StreamConfiguration.builder()
    .name("SLOW_JOBS")
    .subjects("jobs.>")
    .retentionPolicy(RetentionPolicy.Limits)
    .storageType(StorageType.File)
    .replicas(1)
    .duplicateWindow(Duration.ofMinutes(2))
    .build());
jsm.addOrUpdateConsumer("SLOW_JOBS", ConsumerConfiguration.builder()
    .durable("worker")
    .deliverPolicy(DeliverPolicy.New)
    .ackPolicy(AckPolicy.Explicit)
    .ackWait(Duration.ofSeconds(2))
    .maxDeliver(5)
    .maxAckPending(1000)
    .build());

// Publish with an idempotency key: a publish retried within the duplicate window is dropped.
connection.jetStream().publish(NatsMessage.builder()
    .subject("jobs.example")
    .headers(new Headers().put("Nats-Msg-Id", requestId))
    .data(payload)
    .build());

// Handle each message once, in one handler; ack when the work is done.
ConsumerContext consumer = connection.getConsumerContext("SLOW_JOBS", "worker");
MessageConsumer running = consumer.consume(msg -> {
  if (alreadyDone(msg)) {          // delivery is at least once: skip work already done
    msg.ack();
    return;
  }
  ScheduledFuture<?> progress =    // slow work: tell the server it is still running
      timer.scheduleAtFixedRate(msg::inProgress, 500, 500, TimeUnit.MILLISECONDS);
  try {
    handle(msg);
    msg.ack();
  } catch (Exception e) {
    msg.nak();                     // redelivered, at most 5 times in all
  } finally {
    progress.cancel(false);
  }
});

// Dead letters: a message delivered 5 times without an ack is announced here.
connection.createDispatcher(advisory -> deadLetter(advisory))
    .subscribe("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.SLOW_JOBS.worker");
