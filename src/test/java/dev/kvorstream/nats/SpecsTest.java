package dev.kvorstream.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.cli.Main;
import dev.kvorstream.design.DesignLoader;
import dev.kvorstream.heuristic.Heuristic;
import dev.kvorstream.ledger.Assessor;
import dev.kvorstream.ledger.Decision;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.ledger.Folder;
import dev.kvorstream.model.Spec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings a design gets: defaults by delivery, by named case, and the growth warning. */
class SpecsTest {

  @TempDir
  Path dir;

  List<Spec> specs(String design) throws IOException {
    Files.writeString(dir.resolve("0001-path.yaml"), "title: A path\nstatus: accepted\n" + design);
    Heuristic h = Heuristic.standard();
    DecisionLog log = DecisionLog.build(Folder.read(dir, "decisions",
        new DesignLoader(h.catalogue().ids())), new Assessor(h, true));
    assertThat(log.blocking()).isEmpty();
    Decision e = log.entries().get(0);
    return e.specs();
  }

  Spec.Stream stream(String design) throws IOException {
    return (Spec.Stream) specs(design).get(0);
  }

  @Test
  void aQueuePathGetsAWorkQueueStreamDeliverAllAndSlowWorkOneMessagePerHandler() throws IOException {
    Spec.Stream st = stream("""
        flow: {consumers: [worker], subject: jobs.>}
        answers: {restart: resume, delivery: queue, processing: slow}
        """);
    assertThat(st.retention()).isEqualTo("workqueue");
    assertThat(st.deliver()).isEqualTo("all");
    // a workqueue stream keeps what nobody acknowledged: a week bounds it
    assertThat(st.maxAge()).isEqualTo(Duration.ofDays(7));
    assertThat(st.unbounded()).isFalse();
    assertThat(st.concurrency()).isEqualTo(4);
    assertThat(st.instances()).isEqualTo(1);
    assertThat(st.maxAckPending()).isEqualTo(4);
    assertThat(st.heartbeat()).isEqualTo(Duration.ofSeconds(10));
    assertThat(st.maxWork()).isEqualTo(Duration.ofMinutes(5));
    assertThat(st.claim()).isNull();
    assertThat(st.consumers()).extracting(Spec.Consumer::durable).containsExactly("worker");
  }

  @Test
  void maxAckPendingIsPerDurableSoItCoversEveryInstanceThatReadsIt() throws IOException {
    Spec.Stream shared = stream("""
        flow: {consumers: [gateway], subject: llm.complete}
        answers: {restart: resume, delivery: queue, processing: slow}
        nats: {instances: 3, concurrency: 2, maxWork: 2m, claim: llm-calls}
        """);
    assertThat(shared.maxAckPending()).isEqualTo(6);
    assertThat(shared.maxWork()).isEqualTo(Duration.ofMinutes(2));
    assertThat(shared.claim()).isEqualTo("llm-calls");
    // a durable each instance makes for itself serves that instance alone
    Spec.Stream own = stream("""
        flow: {consumers: [agentic-loop], subject: tool.result.>}
        answers: {restart: resume, delivery: queue, processing: slow}
        nats: {durable: 'agentic-loop-{loop-id}', filter: 'tool.result.{loop-id}.>', instances: 5, concurrency: 1}
        """);
    assertThat(own.maxAckPending()).isEqualTo(1);
  }

  @Test
  void aMaxWorkNotLongerThanTheAckWaitAndABadClaimBucketAreRefused() throws IOException {
    Files.writeString(dir.resolve("0001-path.yaml"), """
        title: A path
        status: accepted
        answers: {restart: resume, delivery: queue, processing: slow}
        nats:
          ackWait: 30s
          maxWork: 20s
          claim: bad.bucket
        """);
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"check", "--dir", dir.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(err), new ByteArrayInputStream(new byte[0]), Clock.systemUTC(), Path.of(""));
    assertThat(code).isOne();                // check: problems found
    assertThat(err.toString()).contains("0001-path.yaml:6:12: error: maxWork 20s is not longer than ackWait 30s")
        .contains("0001-path.yaml:7:10: error: claim name 'bad.bucket' is not allowed");
    Files.writeString(dir.resolve("0001-path.yaml"), """
        title: A path
        status: accepted
        answers: {restart: resume, delivery: queue, processing: fast}
        nats: {maxWork: 5m}
        """);
    StringWriter fast = new StringWriter();
    assertThat(Main.run(new String[] {"check", "--dir", dir.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(fast), new ByteArrayInputStream(new byte[0]), Clock.systemUTC(), Path.of(""))).isOne();
    assertThat(fast.toString()).contains("0001-path.yaml:4:17: error: maxWork caps the in-progress acks of slow work");
  }

  @Test
  void aSilenceCheckDefaultsToTheTtlWorksWithoutOneAndALeaseRefusesIt() throws IOException {
    Spec.Kv telemetry = (Spec.Kv) specs("answers: {restart: reprocess, delivery: fan-out, processing: fast,"
        + " nature: fact}\ncase: sensor-telemetry\n").get(0);
    assertThat(telemetry.silence()).isEqualTo(telemetry.ttl()).isNotNull();
    Spec.Kv stuck = (Spec.Kv) specs("answers: {restart: reprocess, delivery: fan-out, processing: fast,"
        + " nature: fact}\nnats: {silenceAfter: 10m, pattern: shared}\n").get(0);
    assertThat(stuck.ttl()).isNull();
    assertThat(stuck.silence()).isEqualTo(Duration.ofMinutes(10));
    assertThat(stuck.pattern()).isEqualTo("shared");
    Spec.Kv plain = (Spec.Kv) specs("answers: {restart: reprocess}\n").get(0);
    assertThat(plain.silence()).as("no TTL, no setting: no check").isNull();
    Files.writeString(dir.resolve("0001-path.yaml"), """
        title: A path
        status: accepted
        answers: {restart: reprocess}
        nats: {ttl: 30s, pattern: lease, silenceAfter: 1m}
        """);
    StringWriter err = new StringWriter();
    assertThat(Main.run(new String[] {"check", "--dir", dir.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(err), new ByteArrayInputStream(new byte[0]), Clock.systemUTC(), Path.of(""))).isOne();
    assertThat(err.toString()).contains("0001-path.yaml:4:48: error: a lease has no silence check");
  }

  @Test
  void fastWorkKeepsConsumeAndTheServersMaxAckPending() throws IOException {
    Spec.Stream st = stream("answers: {restart: resume, delivery: queue, processing: fast}\n");
    assertThat(st.slow()).isFalse();
    assertThat(st.maxAckPending()).isEqualTo(1000);
    assertThat(st.heartbeat()).isNull();
    // a heartbeat asks for in-progress acks, which only the one-message-per-handler loop sends
    Spec.Stream beating = stream("answers: {restart: resume, processing: fast}\nnats: {heartbeat: 5s}\n");
    assertThat(beating.slow()).isTrue();
    assertThat(beating.heartbeat()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aFanOutStreamGetsADurablePerConsumerAndAWeekOfRetention() throws IOException {
    Spec.Stream st = stream("""
        flow: {consumers: [accounting, carrier, marketplace], subject: order.shipped.>}
        answers: {restart: resume, delivery: fan-out, processing: slow}
        """);
    assertThat(st.retention()).isEqualTo("limits");
    assertThat(st.maxAge()).isEqualTo(Duration.ofDays(7));
    assertThat(st.consumers()).extracting(Spec.Consumer::durable).containsExactly("accounting", "carrier", "marketplace");
  }

  @Test
  void namedCasesBringTheirDefaultsAndTheBlockOverridesThem() throws IOException {
    Spec.Kv telemetry = (Spec.Kv) specs("""
        answers: {restart: reprocess, delivery: fan-out}
        case: sensor-telemetry
        """).get(0);
    assertThat(telemetry.ttl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(telemetry.pattern()).isEqualTo("state");
    Spec.Kv lease = (Spec.Kv) specs("""
        answers: {restart: reprocess, delivery: fan-out}
        case: lock-or-lease
        nats: {ttl: 1m}
        """).get(0);
    assertThat(lease.ttl()).isEqualTo(Duration.ofMinutes(1));
    assertThat(lease.pattern()).isEqualTo("lease");
    Spec.Kv plain = (Spec.Kv) specs("answers: {restart: reprocess}\n").get(0);
    assertThat(plain.ttl()).isNull();
  }

  @Test
  void aPerInstanceDurableIsNamedInJavaAndShellWithItsPlaceholder() throws IOException {
    Spec.Stream st = stream("""
        flow: {consumers: [agentic-loop], subject: tool.result.>}
        answers: {restart: resume, delivery: queue, processing: slow}
        nats: {durable: 'agentic-loop-{loop-id}', filter: 'tool.result.{loop-id}.>'}
        """);
    Spec.Consumer c = st.consumers().get(0);
    assertThat(c.perInstance()).isTrue();
    assertThat(st.fixedConsumers()).isEmpty();
    assertThat(c.durableJava()).isEqualTo("\"agentic-loop-\" + loopId");
    assertThat(c.filterJava()).isEqualTo("\"tool.result.\" + loopId + \".>\"");
    assertThat(c.durableShell()).isEqualTo("'agentic-loop-'\"$LOOP_ID\"");
    assertThat(st.exampleSubjectJava()).isEqualTo("\"tool.result.\" + loopId + \".example\"");
  }

  @Test
  void checkWarnsAboutALimitsStreamWithoutLimitsAndStillPasses() throws IOException {
    Files.writeString(dir.resolve("0001-audit-log.yaml"), """
        title: Audit log of admin actions
        status: accepted
        answers: {restart: resume, delivery: queue}
        nats:
          retention: limits
        """);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(Main.run(new String[] {"generate", "--dir", dir.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), new ByteArrayInputStream(new byte[0]), Clock.systemUTC(), Path.of("")))
        .isZero();
    int code = Main.run(new String[] {"check", "--dir", dir.toString()}, new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(new byte[0]), Clock.systemUTC(), Path.of(""));
    assertThat(code).isZero();
    assertThat(err.toString()).contains("0001-audit-log.yaml:5:14: warning: stream AUDIT_LOG has limits retention"
        + " with no maxAge, maxMsgs or maxBytes: it keeps every message for ever; set one under nats:");
    assertThat(Files.readString(dir.resolve("0001-audit-log.md")))
        .contains("**none: every message stays for ever and the stream grows without end**");
  }
}
