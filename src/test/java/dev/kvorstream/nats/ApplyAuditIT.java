package dev.kvorstream.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.cli.Cli;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.StreamConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code apply} and {@code audit} on the project's own decisions against a real server. */
class ApplyAuditIT {

  NatsServer server;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void start() throws Exception {
    server = NatsServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  Run run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--server";
    all[args.length + 1] = server.url();
    return local(all);
  }

  /** A command that takes no server. */
  Run local(String... all) {
    Cli.Result r = Cli.run(all);
    return new Run(r.code(), r.out(), r.err());
  }

  @Test
  void applyCreatesWhatTheAdrsDescribeAndASecondApplyChangesNothing() throws Exception {
    Run dry = run("apply", "--dry-run");
    assertThat(dry.code()).isZero();
    assertThat(dry.out()).contains("would create KV bucket entity-state-changes (decision 1)");
    try (Connection nc = Nats.connect(server.url())) {
      assertThat(nc.jetStreamManagement().getStreamNames()).isEmpty();
    }

    Run first = run("apply");
    assertThat(first.code()).as(first.err()).isZero();
    // decisions 1-9 are accepted: 4 buckets; 5 streams, each with its dead-letter stream and
    // reader, and a durable each except decision 7's, which each loop makes for itself; and
    // decision 8's claims bucket
    assertThat(first.out()).contains("apply: 24 created",
        "created      KV bucket workflow-trigger-claims (decision 8)",
        "created      stream TOOL_EXECUTION_REQUESTS (decision 6)",
        "created      consumer TOOL_EXECUTION_REQUESTS/tool-runner (decision 6)",
        "created      stream TOOL_EXECUTION_REQUESTS_DEAD_LETTERS (decision 6)",
        "created      consumer TOOL_EXECUTION_REQUESTS_DEAD_LETTERS/dead-letters (decision 6)");
    assertThat(first.out()).doesNotContain("sensor-telemetry");   // decision 10 is proposed
    try (Connection nc = Nats.connect(server.url())) {
      var jsm = nc.jetStreamManagement();
      assertThat(jsm.getStreamNames()).contains("KV_entity-state-changes", "TOOL_EXECUTION_REQUESTS",
          "WORKFLOW_TRIGGERS", "TOOL_RESULTS").doesNotContain("KV_sensor-telemetry");
      assertThat(jsm.getStreamInfo("TOOL_EXECUTION_REQUESTS").getConfiguration().getRetentionPolicy())
          .isEqualTo(io.nats.client.api.RetentionPolicy.WorkQueue);
      var consumer = jsm.getConsumerInfo("TOOL_EXECUTION_REQUESTS", "tool-runner").getConsumerConfiguration();
      assertThat(consumer.getAckWait()).isEqualTo(Duration.ofSeconds(30));
      assertThat(consumer.getMaxDeliver()).isEqualTo(5);
      assertThat(consumer.getMaxAckPending()).isEqualTo(4);
      assertThat(consumer.getDeliverPolicy()).isEqualTo(io.nats.client.api.DeliverPolicy.All);
      assertThat(jsm.getConsumerNames("TOOL_RESULTS")).isEmpty();
    }

    Run second = run("apply");
    assertThat(second.code()).isZero();
    assertThat(second.out()).contains("apply: 24 same").doesNotContain("created");
    assertThat(run("audit", "--strict").code()).isZero();

    Run proposed = run("apply", "--include-proposed");
    assertThat(proposed.out()).contains("created      KV bucket sensor-telemetry (decision 10)", "apply: 1 created, 24 same");
    try (Connection nc = Nats.connect(server.url())) {
      assertThat(nc.keyValueManagement().getStatus("sensor-telemetry").getTtl()).isEqualTo(Duration.ofMinutes(5));
    }
    // an instance's own durable, made as decision 7 prints it, is checked by audit too
    try (Connection nc = Nats.connect(server.url())) {
      nc.jetStreamManagement().addOrUpdateConsumer("TOOL_RESULTS", io.nats.client.api.ConsumerConfiguration.builder()
          .durable("agentic-loop-7f3a").filterSubject("tool.result.7f3a.>").ackWait(Duration.ofSeconds(5))
          .inactiveThreshold(Duration.ofHours(24))
          .maxDeliver(5).maxAckPending(4).build());
    }
    assertThat(run("audit").err()).contains("differs      consumer TOOL_RESULTS/agentic-loop-7f3a (decision 7):"
        + " ack wait is 5s on the server, 30s in the decision");
  }

  @Test
  void auditFindsADeletedStreamAChangedSettingAndAnExtraBucket() throws Exception {
    assertThat(run("apply").code()).isZero();
    try (Connection nc = Nats.connect(server.url())) {
      var jsm = nc.jetStreamManagement();
      jsm.deleteStream("TOOL_EXECUTION_REQUESTS");
      jsm.deleteStream("TOOL_EXECUTION_REQUESTS_DEAD_LETTERS");
      StreamConfiguration llm = jsm.getStreamInfo("LLM_COMPLETION_CALLS").getConfiguration();
      jsm.updateStream(StreamConfiguration.builder(llm).duplicateWindow(Duration.ofMinutes(5)).build());
      nc.keyValueManagement().create(io.nats.client.api.KeyValueConfiguration.builder().name("stray").build());
    }
    Run audit = run("audit");
    assertThat(audit.code()).isEqualTo(1);
    assertThat(audit.err()).contains("missing      stream TOOL_EXECUTION_REQUESTS (decision 6): no such stream",
        "differs      stream LLM_COMPLETION_CALLS (decision 4): duplicate window is 5m on the server, 2m in the decision",
        "missing      stream TOOL_EXECUTION_REQUESTS_DEAD_LETTERS (decision 6): no such stream");
    assertThat(audit.err()).doesNotContain("stray");
    assertThat(run("audit", "--strict").err()).contains("extra        KV bucket stray: on the server, but no decision names it");

    Run apply = run("apply");
    assertThat(apply.code()).isEqualTo(1);
    assertThat(apply.out()).contains("created      stream TOOL_EXECUTION_REQUESTS");
    assertThat(apply.err()).contains("differs      stream LLM_COMPLETION_CALLS");
    Run update = run("apply", "--update");
    assertThat(update.code()).isZero();
    assertThat(update.out()).contains("updated      stream LLM_COMPLETION_CALLS (decision 4): duplicate window is 5m on the server, 2m in the decision");
    assertThat(run("audit").code()).isZero();
  }

  @Test
  void retiredDecisionsAreNotCreatedAndWhatIsLeftOfThemFailsTheAuditOnlyWhenStrict(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    for (Path design : Files.list(Path.of("decisions")).filter(p -> p.toString().endsWith(".yaml")).toList()) {
      Files.copy(design, dir.resolve(design.getFileName()));
    }
    String folder = dir.toString();
    assertThat(run("apply", "--dir", folder).code()).isZero();
    // decision 4 is rejected; decision 8 is superseded by a new decision 11; 12 is a fan-out
    assertThat(local("reject", "4", "--dir", folder).code()).isZero();
    Files.writeString(dir.resolve("0011-workflow-starts.yaml"), """
        title: Workflow starts from schedules and webhooks
        status: accepted
        flow: {producer: trigger-service, consumers: [workflow-engine], subject: workflow.start.>}
        answers: {restart: resume, delivery: queue, processing: slow, nature: request}
        supersedes: [8]
        """);
    Files.writeString(dir.resolve("0012-order-shipped.yaml"), """
        title: Order shipped, to every partner system
        status: accepted
        flow: {producer: shipping, consumers: [accounting, carrier, marketplace], subject: order.shipped.>}
        answers: {restart: resume, delivery: fan-out, processing: slow, nature: fact}
        """);
    Path eight = dir.resolve("0008-workflow-triggers.yaml");
    Files.writeString(eight, Files.readString(eight)
        .replace("status: accepted", "status: superseded"));
    assertThat(local("generate", "--dir", folder).code()).as(local("check", "--dir", folder).err()).isZero();

    Run apply = run("apply", "--dir", folder);
    assertThat(apply.code()).as(apply.err()).isZero();
    assertThat(apply.out()).contains("created      stream WORKFLOW_STARTS (decision 11)",
        "created      consumer ORDER_SHIPPED/accounting (decision 12)",
        "created      consumer ORDER_SHIPPED/carrier (decision 12)",
        "created      consumer ORDER_SHIPPED/marketplace (decision 12)")
        .doesNotContain("decision 4)", "decision 8)");

    Run audit = run("audit", "--dir", folder);
    assertThat(audit.code()).as(audit.err()).isZero();
    assertThat(audit.out()).contains(
        "retired      stream LLM_COMPLETION_CALLS (decision 4): decision 4 is rejected, but this is still on the server",
        "retired      stream WORKFLOW_TRIGGERS (decision 8): decision 8 is superseded, but this is still on the server");
    Run strict = run("audit", "--strict", "--dir", folder);
    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.err()).contains("retired      stream WORKFLOW_TRIGGERS_DEAD_LETTERS (decision 8)",
            "retired      KV bucket workflow-trigger-claims (decision 8)")
        .doesNotContain("extra");

    try (Connection nc = Nats.connect(server.url())) {
      var jsm = nc.jetStreamManagement();
      assertThat(jsm.getStreamInfo("ORDER_SHIPPED").getConfiguration().getMaxAge()).isEqualTo(Duration.ofDays(7));
      jsm.deleteConsumer("ORDER_SHIPPED", "carrier");
      jsm.deleteStream("LLM_COMPLETION_CALLS");
      jsm.deleteStream("LLM_COMPLETION_CALLS_DEAD_LETTERS");
      jsm.deleteStream("WORKFLOW_TRIGGERS");
      jsm.deleteStream("WORKFLOW_TRIGGERS_DEAD_LETTERS");
      jsm.deleteStream("KV_workflow-trigger-claims");
    }
    Run after = run("audit", "--strict", "--dir", folder);
    assertThat(after.code()).isEqualTo(1);
    assertThat(after.err()).contains("missing      consumer ORDER_SHIPPED/carrier (decision 12): no such durable consumer")
        .doesNotContain("retired");
    assertThat(after.out()).contains("same         consumer ORDER_SHIPPED/accounting (decision 12)");
  }

  @Test
  void aKvBucketWhereTheDecisionSaysStreamIsNamedAsSuch() throws Exception {
    try (Connection nc = Nats.connect(server.url())) {
      nc.keyValueManagement().create(io.nats.client.api.KeyValueConfiguration.builder()
          .name("tool-execution-requests").build());
    }
    Run audit = run("audit");
    assertThat(audit.code()).isEqualTo(1);
    assertThat(audit.err()).contains("wrong kind   stream TOOL_EXECUTION_REQUESTS (decision 6): the decision says"
        + " JetStream stream, but the server has KV bucket tool-execution-requests for it");
  }

  @Test
  void aServerThatIsNotThereIsAClearFailure() {
    Cli.Result r = Cli.run("audit", "--server", "nats://127.0.0.1:1");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).startsWith("kv-or-stream: error: cannot connect to nats://127.0.0.1:1");
  }
}
