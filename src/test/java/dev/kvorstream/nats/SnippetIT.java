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
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jnats code the ADRs print, cut out of ADRs rendered by the real {@code generate},
 * compiled against jnats and run on a real nats-server: slow work is handled once per
 * message and acknowledged; the old {@code consume()} pattern fails the same check; dead
 * letters are kept and fetched; each loop gets its own tool results; a lease keeps its
 * expiry; a silent sensor is noticed.
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
    assertThat(snippet).contains("consumer.next(").doesNotContain(".consume(msg");
    SnippetHarness h = runFourSlowJobs(Snippets.compile(snippet, dir), Duration.ofSeconds(30));
    assertThat(counts(h)).containsOnlyKeys("m0", "m1", "m2", "m3").allSatisfy((m, n) -> assertThat(n).isOne());
    assertThat(handledOnceAndAcked(h)).isTrue();
    // workqueue retention: every acknowledged message has left the stream
    assertThat(nc.jetStreamManagement().getStreamInfo("SLOW_JOBS").getStreamState().getMsgCount()).isZero();
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
    SnippetHarness h = Snippets.instance(Snippets.compile(streamSnippet(Snippets.render(dir, "slow-jobs", SLOW_JOBS)), dir));
    harness = h;
    h.run(nc);
    nc.jetStream().publish("jobs.run", "poison-1".getBytes(StandardCharsets.UTF_8));
    nc.jetStream().publish("jobs.run", "bad-1".getBytes(StandardCharsets.UTF_8));
    await(() -> h.deadLetters.size() >= 2 && streamEmpty(), Duration.ofSeconds(20));
    // nakWithDelay: the poison message came back after a pause, 3 deliveries in all, then
    // the announcement reached the dead-letter stream and the reader fetched the message
    assertThat(counts(h)).containsEntry("poison-1", 3).containsEntry("bad-1", 1).containsEntry("m0", 1);
    assertThat(h.deadLetters).containsExactlyInAnyOrder("message jobs.run bad-1", "fetched jobs.run poison-1");
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
    Class<? extends SnippetHarness> type = Snippets.compile(streamSnippet(Snippets.render(dir, "tool-results", design)), dir);
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
    SnippetHarness h = Snippets.instance(Snippets.compile(snippet, dir));
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
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("nats kv add (\\S+)").matcher(adr);
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
    SnippetHarness h = Snippets.instance(Snippets.compile(Snippets.javaBlocks(adr).get(0), dir));
    harness = h;
    h.run(nc);                              // puts sensor.reading.room-1 once, then watches
    await(() -> h.events.contains("silent sensor.reading.room-1"), Duration.ofSeconds(10));
    assertThat(h.events).containsSubsequence("rebuild sensor.reading.room-1", "ready",
        "silent sensor.reading.room-1");
    assertThat(nc.keyValue(bucketOf(adr)).get("sensor.reading.room-1")).as("expired from the bucket").isNull();
    // on 2.9 the expiry reaches no watcher: the age check is what noticed the silence
    assertThat(h.events).doesNotContain("forget sensor.reading.room-1");
    assertThat(List.copyOf(h.events)).filteredOn(e -> e.startsWith("apply")).isEmpty();
  }
}
