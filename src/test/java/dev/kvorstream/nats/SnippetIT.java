package dev.kvorstream.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.Nats;
import io.nats.client.api.ConsumerInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jnats code the ADRs print, cut out of ADRs rendered by the real {@code generate},
 * compiled against jnats and run on a real nats-server: in these runs slow work was handled
 * once per message and acknowledged; the old {@code consume()} pattern fails the same check;
 * a handler loop survives exceptions; a hung handler's message comes back after maxWork;
 * dead letters are kept and fetched; a claimed trigger whose claimant died still runs once, one
 * whose run exists runs no second time, a failed start comes back; each loop gets its own tool
 * results; a lease keeps its expiry; a silent sensor is noticed, also after a purge.
 */
class SnippetIT {

  static final String SLOW_JOBS = """
      title: Slow jobs
      status: accepted
      flow: {producer: api, consumers: [worker], subject: jobs.>}
      answers: {restart: resume, delivery: queue, processing: slow, nature: request}
      nats:
        stream: SLOW_JOBS
        ackWait: 2s
        heartbeat: 500ms
        concurrency: 2
        maxDeliver: 3
        retryDelay: 200ms
      """;

  NatsServer server;
  Connection nc;
  SnippetHarness harness;

  @BeforeEach
  void start() throws Exception {
    server = NatsServer.start();
    nc = Nats.connect(server.url());
  }

  @AfterEach
  void stop() throws Exception {
    if (harness != null) {
      harness.stop();
    }
    nc.close();
    server.close();
  }

  /**
   * The snippet compiled with the shared classes of the index that the same generate wrote
   * into {@code dir}: the code a user copies from the ADR and from the index.
   */
  static Class<? extends SnippetHarness> compiled(String snippet, Path dir) throws java.io.IOException {
    return Snippets.compile(snippet, Snippets.shared(Snippets.index(dir)), dir);
  }

  static String streamSnippet(String adr) {
    return Snippets.javaBlocks(adr).stream().filter(b -> b.contains("addStream")).findFirst().orElseThrow();
  }

  static void await(BooleanSupplier done, Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(50);
    }
  }

  /**
   * Runs a snippet against SLOW_JOBS: m0 from the snippet, m1..m3 published after it; each
   * takes 2.5 s of work, longer than the 2 s ack wait, so only in-progress acks keep a
   * message from being delivered again while it is handled.
   */
  SnippetHarness runFourSlowJobs(Class<? extends SnippetHarness> type, Duration limit) throws Exception {
    SnippetHarness h = Snippets.instance(type);
    harness = h;
    h.work = Duration.ofMillis(2500);
    h.run(nc);
    for (int i = 1; i <= 3; i++) {
      nc.jetStream().publish("jobs.run", ("m" + i).getBytes(StandardCharsets.UTF_8));
    }
    await(() -> h.handled.values().stream().anyMatch(n -> n.get() > 1) || handledOnceAndAcked(h), limit);
    return h;
  }

  boolean handledOnceAndAcked(SnippetHarness h) {
    try {
      ConsumerInfo info = nc.jetStreamManagement().getConsumerInfo("SLOW_JOBS", "worker");
      return h.handled.size() == 4 && h.handled.values().stream().allMatch(n -> n.get() == 1)
          && info.getNumAckPending() == 0 && info.getRedelivered() == 0 && info.getNumPending() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  static Map<String, Integer> counts(SnippetHarness h) {
    return h.handled.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
  }

  @Test
  void theSlowWorkSnippetOfARenderedAdrHandlesEachMessageOnceAndAcksIt(@TempDir Path dir) throws Exception {
    String adr = Snippets.render(dir, "slow-jobs", SLOW_JOBS);
    String snippet = streamSnippet(adr);
    assertThat(snippet).contains("work.handleWithNext(2)").doesNotContain(".consume(");
    assertThat(Snippets.shared(Snippets.index(dir))).anyMatch(c -> c.contains("consumer.next("));
    SnippetHarness h = runFourSlowJobs(compiled(snippet, dir), Duration.ofSeconds(30));
    assertThat(counts(h)).containsOnlyKeys("m0", "m1", "m2", "m3").allSatisfy((m, n) -> assertThat(n).isOne());
    assertThat(handledOnceAndAcked(h)).isTrue();
    // workqueue retention: every acknowledged message has left the stream
    assertThat(nc.jetStreamManagement().getStreamInfo("SLOW_JOBS").getStreamState().getMsgCount()).isZero();
  }

  @Test
  void aHandlerLoopThatHitsAnExceptionReportsItAndCarriesOn(@TempDir Path dir) throws Exception {
    SnippetHarness h = Snippets.instance(compiled(streamSnippet(Snippets.render(dir, "slow-jobs", SLOW_JOBS)), dir));
    harness = h;
    // both handler threads meet an exception outside handle(): without the catch around the
    // loop body each thread would end, and nothing would be handled after that
    h.failFirstCheck.addAll(List.of("crash-1", "crash-2", "crash-3"));
    h.run(nc);
    for (String body : List.of("crash-1", "crash-2", "crash-3", "m1", "m2")) {
      nc.jetStream().publish("jobs.run", body.getBytes(StandardCharsets.UTF_8));
    }
    await(() -> h.handled.size() == 6, Duration.ofSeconds(25));
    assertThat(counts(h)).containsOnlyKeys("m0", "crash-1", "crash-2", "crash-3", "m1", "m2");
    assertThat(h.events).filteredOn(e -> e.startsWith("report") && e.contains("unreachable")).hasSize(3);
  }

  @Test
  void aHungHandlerStopsItsInProgressAcksAfterMaxWorkSoItsMessageComesBack(@TempDir Path dir) throws Exception {
    String adr = Snippets.render(dir, "hung-jobs", SLOW_JOBS.replace("ackWait: 2s", "ackWait: 1s")
        .replace("heartbeat: 500ms", "heartbeat: 300ms\n  maxWork: 2s"));
    assertThat(adr).contains("for at most 2s (`maxWork`");
    SnippetHarness h = Snippets.instance(compiled(streamSnippet(adr), dir));
    harness = h;
    h.work = Duration.ofSeconds(5);       // hung, as far as a 2s maxWork is concerned
    h.run(nc);                            // publishes m0; one thread takes it, the other waits
    await(() -> h.handled.containsKey("m0") && h.handled.get("m0").get() > 1, Duration.ofSeconds(10));
    assertThat(counts(h)).as("delivered again to the idle handler once the in-progress acks stopped")
        .containsEntry("m0", 2);
  }

  @Test
  void aDeadLetterThatLeftTheStreamKeepsItsAnnouncementAndAnotherRefusalIsRetried(@TempDir Path dir)
      throws Exception {
    SnippetHarness h = Snippets.instance(compiled(streamSnippet(Snippets.render(dir, "slow-jobs", SLOW_JOBS)), dir));
    harness = h;
    h.run(nc);
    await(() -> h.handled.containsKey("m0"), Duration.ofSeconds(10));
    String subject = "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.SLOW_JOBS.worker";
    // sequence 99 was never in the stream: 10037, the announcement goes to deadLetterGone (not
    // to deadLetter(Message), which is for a work message) and is acked; one with no sequence too
    nc.jetStream().publish(subject, "{\"stream_seq\":99}".getBytes(StandardCharsets.UTF_8));
    await(() -> h.deadLetters.size() == 1, Duration.ofSeconds(10));
    nc.jetStream().publish(subject, "{}".getBytes(StandardCharsets.UTF_8));
    await(() -> h.deadLetters.size() == 2, Duration.ofSeconds(10));
    assertThat(h.deadLetters).containsExactly("gone 99 " + subject, "gone 0 " + subject);
    // the stream gone: another refusal (stream not found), so nothing is recorded and the
    // announcement stays unacknowledged for a later try
    nc.jetStreamManagement().deleteStream("SLOW_JOBS");
    nc.jetStream().publish(subject, "{\"stream_seq\":1}".getBytes(StandardCharsets.UTF_8));
    Thread.sleep(1500);
    assertThat(h.deadLetters).hasSize(2);
    ConsumerInfo reader = nc.jetStreamManagement().getConsumerInfo("SLOW_JOBS_DEAD_LETTERS", "dead-letters");
    assertThat(reader.getNumAckPending() + reader.getNumPending()).as("not acknowledged").isOne();
    assertThat(reader.getConsumerConfiguration().getMaxDeliver()).as("tried a bounded number of times").isEqualTo(10);
  }

  /** Decision 8 as committed, with a 1 s retry delay so a failed start comes back soon. */
  static String workflowTriggers(Path dir) throws java.io.IOException {
    String design = Files.readString(Path.of("decisions/0008-workflow-triggers.yaml"))
        .replaceAll("(?m)^related:.*\\n", "") + "  retryDelay: 1s\n";
    return Snippets.render(dir, "workflow-triggers", design);
  }

  void publishTrigger(String id, String body) throws Exception {
    io.nats.client.impl.Headers headers = new io.nats.client.impl.Headers();
    if (id != null) {
      headers.put("Nats-Msg-Id", id);
    }
    nc.jetStream().publish(io.nats.client.impl.NatsMessage.builder().subject("workflow.trigger.nightly")
        .headers(headers).data(body.getBytes(StandardCharsets.UTF_8)).build());
  }

  static String claimant(KeyValue claims, String id) throws Exception {
    return new String(claims.get(id).getValue(), StandardCharsets.UTF_8);
  }

  @Test
  void aTriggerWhoseClaimantDiedBeforeItsAckStillStartsOneRunAndOneWhoseRunExistsStartsNone(@TempDir Path dir)
      throws Exception {
    String adr = workflowTriggers(dir);
    String snippet = streamSnippet(adr);
    assertThat(snippet).contains("work.handleClaimed(4, connection.keyValue(\"workflow-trigger-claims\"), owner)");
    assertThat(Snippets.shared(Snippets.index(dir))).anyMatch(c -> c.contains("claims.update(id, owner, claim.getRevision())"));
    SnippetHarness h = Snippets.instance(compiled(snippet, dir));
    harness = h;
    h.run(nc);                            // claims and runs m0
    await(() -> h.handled.containsKey("m0"), Duration.ofSeconds(10));
    KeyValue claims = nc.keyValue("workflow-trigger-claims");
    // engine-2 claimed t1 and died before its run existed and before its ack: the crash
    // between claim and ack, whose message the server delivers again
    claims.create("t1", "engine-2".getBytes(StandardCharsets.UTF_8));
    // engine-2 claimed t2 and recorded its run, but its ack was lost
    claims.create("t2", "engine-2".getBytes(StandardCharsets.UTF_8));
    h.done.add("t2");
    for (String id : List.of("t1", "t2", "t3")) {
      publishTrigger(id, id);
    }
    await(() -> h.handled.containsKey("t1") && h.handled.containsKey("t3") && streamIsEmpty("WORKFLOW_TRIGGERS"),
        Duration.ofSeconds(10));
    Thread.sleep(500);
    assertThat(counts(h)).as("t1 taken over and run once, t2 acked without a second run")
        .containsOnlyKeys("m0", "t1", "t3").allSatisfy((m, n) -> assertThat(n).isOne());
    assertThat(streamIsEmpty("WORKFLOW_TRIGGERS")).isTrue();
    assertThat(claimant(claims, "t1")).isEqualTo("holder-1");
    assertThat(claimant(claims, "t2")).isEqualTo("engine-2");
    assertThat(claimant(claims, "t3")).isEqualTo("holder-1");
  }

  @Test
  void aStartThatFailsAfterTheClaimComesBackAndATriggerWithoutAValidIdIsADeadLetterAtOnce(@TempDir Path dir)
      throws Exception {
    SnippetHarness h = Snippets.instance(compiled(streamSnippet(workflowTriggers(dir)), dir));
    harness = h;
    h.failFirstHandle.add("t4");          // handle throws after the claim: the start failed
    h.run(nc);
    publishTrigger("t4", "t4");
    publishTrigger(null, "no-id");        // no Nats-Msg-Id: nothing to claim it by
    publishTrigger("call:42 x", "bad-id"); // not a valid KV key
    publishTrigger("", "empty-id");       // an empty id: no key either
    await(() -> h.handled.containsKey("t4") && h.handled.get("t4").get() == 2 && h.deadLetters.size() == 3
        && streamIsEmpty("WORKFLOW_TRIGGERS"), Duration.ofSeconds(15));
    assertThat(counts(h)).as("the failed start delivered again and run").containsEntry("t4", 2)
        .doesNotContainKeys("no-id", "bad-id", "empty-id");
    assertThat(h.deadLetters).containsExactlyInAnyOrder("message workflow.trigger.nightly no-id",
        "message workflow.trigger.nightly bad-id", "message workflow.trigger.nightly empty-id");
    assertThat(streamIsEmpty("WORKFLOW_TRIGGERS")).as("t4 acked after its run started; the others terminated").isTrue();
    assertThat(nc.jetStreamManagement().getConsumerInfo("WORKFLOW_TRIGGERS", "workflow-engine").getNumAckPending())
        .isZero();
  }

  @Test
  void twoEnginesOnOneTriggerStartOneRunAndTheOneWhoseCreateIsRefusedAcksWithoutADeadLetter(@TempDir Path dir)
      throws Exception {
    SnippetHarness h = Snippets.instance(compiled(streamSnippet(workflowTriggers(dir)), dir));
    harness = h;
    nc.keyValueManagement().create(io.nats.client.api.KeyValueConfiguration.builder()
        .name("workflow-execution-state").build());
    KeyValue runs = nc.keyValue("workflow-execution-state");
    h.runs = runs;                         // alreadyDone and handle use the run's key, never the claim
    h.apiErrorsNeverSucceed = true;        // a refusal that escaped handle would be a dead letter
    h.recordedMeanwhile.add("t5");         // engine-2 records t5's run after this engine's check
    h.requestId = "t0";
    h.payload = "t0".getBytes(StandardCharsets.UTF_8);
    h.run(nc);
    publishTrigger("t5", "t5");
    await(() -> h.handled.containsKey("t0") && streamIsEmpty("WORKFLOW_TRIGGERS"),
        Duration.ofSeconds(10));
    Thread.sleep(500);
    assertThat(new String(runs.get("workflow.state.t5").getValue(), StandardCharsets.UTF_8))
        .as("one run of t5, engine-2's").isEqualTo("engine-2");
    assertThat(counts(h)).as("this engine started t0 only").containsOnlyKeys("t0");
    assertThat(h.deadLetters).as("the run exists: no dead letter").isEmpty();
    assertThat(streamIsEmpty("WORKFLOW_TRIGGERS")).as("t5 acked at its first delivery").isTrue();
    assertThat(nc.jetStreamManagement().getConsumerInfo("WORKFLOW_TRIGGERS", "workflow-engine").getRedelivered())
        .isZero();
    assertThat(new String(runs.get("workflow.state.t0").getValue(), StandardCharsets.UTF_8)).isEqualTo("holder-1");
  }

  boolean streamIsEmpty(String stream) {
    try {
      return nc.jetStreamManagement().getStreamInfo(stream).getStreamState().getMsgCount() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void theOldConsumePatternFailsTheSameCheckSoTheHarnessCanFail(@TempDir Path dir) throws Exception {
    String old = Files.readString(Path.of("src/test/resources/nats/old-consume-snippet.java"));
    SnippetHarness h = runFourSlowJobs(Snippets.compile(old, dir), Duration.ofSeconds(20));
    assertThat(handledOnceAndAcked(h)).isFalse();
    assertThat(h.handled.values().stream().mapToInt(AtomicInteger::get).max().orElse(0))
        .as("some message handled twice: %s", counts(h)).isGreaterThan(1);
  }

  @Test
  void aMessageThatKeepsFailingBecomesAKeptDeadLetterAndAHopelessOneIsTerminated(@TempDir Path dir) throws Exception {
    SnippetHarness h = Snippets.instance(compiled(streamSnippet(Snippets.render(dir, "slow-jobs", SLOW_JOBS)), dir));
    harness = h;
    h.failFirstFetchedDeadLetter.set(true);   // the first keeping fails: reported, then tried again
    h.run(nc);
    nc.jetStream().publish("jobs.run", "poison-1".getBytes(StandardCharsets.UTF_8));
    nc.jetStream().publish("jobs.run", "bad-1".getBytes(StandardCharsets.UTF_8));
    await(() -> h.deadLetters.size() >= 2 && streamEmpty(), Duration.ofSeconds(20));
    // nakWithDelay: the poison message came back after a pause, 3 deliveries in all, then
    // the announcement reached the dead-letter stream and the reader fetched the message
    assertThat(counts(h)).containsEntry("poison-1", 3).containsEntry("bad-1", 1).containsEntry("m0", 1);
    assertThat(h.deadLetters).containsExactlyInAnyOrder("message jobs.run bad-1", "fetched jobs.run poison-1");
    assertThat(h.events).contains("report java.lang.IllegalStateException: the dead-letter store is down");
    assertThat(nc.jetStreamManagement().getStreamInfo("SLOW_JOBS_DEAD_LETTERS").getStreamState().getMsgCount()).isOne();
    assertThat(streamEmpty()).as("the reader removed the dead letter from the workqueue stream").isTrue();
  }

  boolean streamEmpty() {
    try {
      return nc.jetStreamManagement().getStreamInfo("SLOW_JOBS").getStreamState().getMsgCount() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void eachLoopOfTheToolResultsDecisionGetsOnlyItsOwnResults(@TempDir Path dir) throws Exception {
    String design = Files.readString(Path.of("decisions/0007-tool-results.yaml")).replaceAll("(?m)^related:.*\\n", "");
    String adr = Snippets.render(dir, "tool-results", design);
    String snippet = streamSnippet(adr);
    // the dead letters of every loop's durable are read in one operations component, not by
    // whichever loop pulls next: the block each loop copies does not read them, a block of its own does
    assertThat(snippet).doesNotContain("keepDeadLetters(");
    assertThat(Snippets.javaBlocks(adr)).anyMatch(b -> !b.contains("addStream")
        && b.contains("new StreamWork(connection, \"TOOL_RESULTS\", null, handler, timer).keepDeadLetters("));
    Class<? extends SnippetHarness> type = compiled(snippet, dir);
    SnippetHarness one = Snippets.instance(type);
    SnippetHarness two = Snippets.instance(type);
    harness = one;
    one.loopId = "loop-1";
    two.loopId = "loop-2";
    two.requestId = "m0-2";
    try {
      one.run(nc);
      two.run(nc);
      for (int i = 1; i <= 4; i++) {
        String loop = i % 2 == 0 ? "loop-2" : "loop-1";
        nc.jetStream().publish("tool.result." + loop + ".call-" + i, ("r" + i).getBytes(StandardCharsets.UTF_8));
      }
      await(() -> one.handledBy.size() + two.handledBy.size() >= 6, Duration.ofSeconds(20));
      assertThat(one.handledBy).containsExactlyInAnyOrder("loop-1:tool.result.loop-1.example",
          "loop-1:tool.result.loop-1.call-1", "loop-1:tool.result.loop-1.call-3");
      assertThat(two.handledBy).containsExactlyInAnyOrder("loop-2:tool.result.loop-2.example",
          "loop-2:tool.result.loop-2.call-2", "loop-2:tool.result.loop-2.call-4");
    } finally {
      two.stop();
    }
  }

  @Test
  void theLeaseSnippetKeepsItsExpiryRenewalsHoldItAndADeadHolderLosesIt(@TempDir Path dir) throws Exception {
    String adr = Snippets.render(dir, "job-lock", """
        title: Lock for the nightly export
        status: accepted
        flow: {producer: export-job, consumers: [export-job], subject: locks.>}
        answers: {restart: reprocess, delivery: fan-out, processing: fast, nature: fact}
        case: lock-or-lease
        nats: {ttl: 1s}
        """);
    String snippet = Snippets.javaBlocks(adr).get(0);
    assertThat(snippet).contains("kv.create(key, owner)", "kv.update(key, owner, revision.get())");
    SnippetHarness h = Snippets.instance(compiled(snippet, dir));
    harness = h;
    String bucket = bucketOf(adr);
    AtomicInteger refused = new AtomicInteger();
    h.leaseWork = () -> {
      try {
        Thread.sleep(2000);               // longer than the 1 s TTL: only the renewals keep it
        nc.keyValue(bucket).create("locks.example", "holder-2".getBytes(StandardCharsets.UTF_8));
      } catch (JetStreamApiException e) {
        refused.set(e.getApiErrorCode());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    h.run(nc);
    KeyValue locks = nc.keyValue(bucket);
    assertThat(refused.get()).as("another holder is refused while the lease is renewed").isEqualTo(10071);
    assertThat(h.events).doesNotContain("lost locks.example");
    // released: the next holder takes it at once
    long taken = locks.create("locks.example", "holder-2".getBytes(StandardCharsets.UTF_8));
    assertThat(taken).isPositive();
    // holder-2 dies without renewing: after the TTL the lease is free again
    assertThatThrownBy(() -> locks.create("locks.example", "holder-3".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(JetStreamApiException.class);
    Thread.sleep(2500);
    assertThat(locks.create("locks.example", "holder-3".getBytes(StandardCharsets.UTF_8))).isPositive();
  }

  static String bucketOf(String adr) {
    Matcher m = Pattern.compile("nats kv add (\\S+)").matcher(adr);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void aSensorThatFallsSilentIsNoticedByTheAgeCheckWhileTheWatcherGetsNoEntry(@TempDir Path dir) throws Exception {
    String adr = Snippets.render(dir, "room-temperature", """
        title: Room temperature readings
        status: accepted
        flow: {producer: sensor-gateway, consumers: [alerting, dashboard], subject: sensor.reading.>}
        answers: {restart: reprocess, delivery: fan-out, processing: fast, nature: fact}
        case: sensor-telemetry
        nats: {ttl: 2s}
        """);
    SnippetHarness h = Snippets.instance(compiled(Snippets.javaBlocks(adr).get(0), dir));
    harness = h;
    h.expectedKeys = List.of("sensor.reading.room-2");   // on the owner's list, never written
    h.run(nc);                              // puts sensor.reading.room-1 once, then watches
    KeyValue kv = nc.keyValue(bucketOf(adr));
    kv.put("sensor.reading.room-2", "5.0".getBytes(StandardCharsets.UTF_8));
    kv.delete("sensor.reading.room-2");     // expected: a delete does not take it off the list
    kv.put("sensor.reading.room-3", "5.0".getBytes(StandardCharsets.UTF_8));
    kv.purge("sensor.reading.room-3");      // a purge looks like a 2.11 expiry marker: still checked
    kv.put("sensor.reading.room-4", "5.0".getBytes(StandardCharsets.UTF_8));
    kv.delete("sensor.reading.room-4");     // not expected, deleted on purpose: no longer checked
    await(() -> h.events.containsAll(List.of("silent sensor.reading.room-1", "silent sensor.reading.room-2",
        "silent sensor.reading.room-3")), Duration.ofSeconds(10));
    Thread.sleep(1000);
    assertThat(h.events).contains("silent sensor.reading.room-2", "silent sensor.reading.room-3",
        "forget sensor.reading.room-2", "forget sensor.reading.room-3", "forget sensor.reading.room-4")
        .doesNotContain("silent sensor.reading.room-4");
    assertThat(h.events).containsSubsequence("rebuild sensor.reading.room-1", "ready",
        "silent sensor.reading.room-1");
    assertThat(h.events).as("a key that should be written but never was").contains("silent sensor.reading.room-2");
    assertThat(nc.keyValue(bucketOf(adr)).get("sensor.reading.room-1")).as("expired from the bucket").isNull();
    // on 2.9 the expiry reaches no watcher: the age check is what noticed the silence
    assertThat(h.events).doesNotContain("forget sensor.reading.room-1");
    assertThat(List.copyOf(h.events)).filteredOn(e -> e.startsWith("apply"))
        .allMatch(e -> !e.endsWith("room-1"));
  }

  @Test
  void aWriterThatStopsIsNoticedWithoutABucketTtlAndItsValueStays(@TempDir Path dir) throws Exception {
    String adr = Snippets.render(dir, "machine-status", """
        title: Machine status
        status: accepted
        flow: {producer: machine-agent, consumers: [supervisor, dashboard], subject: sensor.reading.>}
        answers: {restart: reprocess, delivery: fan-out, processing: fast, nature: fact}
        nats: {silenceAfter: 1s}
        """);
    assertThat(adr).contains("| time to live | none").doesNotContain(".ttl(");
    SnippetHarness h = Snippets.instance(compiled(Snippets.javaBlocks(adr).get(0), dir));
    harness = h;
    assertThat(adr).contains("List.of(), timer)");
    // a supervisor that listed its loops at start: the printed List.of() must not use the list
    h.expectedKeys = List.of("sensor.reading.room-1", "sensor.reading.room-5");
    h.run(nc);                              // puts sensor.reading.room-1 once, then watches
    KeyValue kv = nc.keyValue(bucketOf(adr));
    kv.put("sensor.reading.room-5", "ok".getBytes(StandardCharsets.UTF_8));
    kv.delete("sensor.reading.room-5");     // that loop ended as it should: no longer checked
    await(() -> h.events.contains("silent sensor.reading.room-1"), Duration.ofSeconds(10));
    Thread.sleep(1500);
    assertThat(h.events).containsSubsequence("rebuild sensor.reading.room-1", "ready", "silent sensor.reading.room-1")
        .as("a loop that ended and deleted its key is not stuck").doesNotContain("silent sensor.reading.room-5");
    assertThat(nc.keyValue(bucketOf(adr)).get("sensor.reading.room-1")).as("no TTL: the value stays").isNotNull();
  }
}
