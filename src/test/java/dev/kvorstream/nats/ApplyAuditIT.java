package dev.kvorstream.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.cli.Cli;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.StreamConfiguration;
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
    assertThat(first.out()).contains("apply: 15 created",
        "created      stream TOOL_EXECUTION_REQUESTS (decision 6)",
        "created      consumer TOOL_EXECUTION_REQUESTS/tool-runner (decision 6)");
    try (Connection nc = Nats.connect(server.url())) {
      assertThat(nc.jetStreamManagement().getStreamNames()).contains("KV_entity-state-changes",
          "TOOL_EXECUTION_REQUESTS", "KV_sensor-telemetry", "WORKFLOW_TRIGGERS");
      assertThat(nc.keyValueManagement().getStatus("sensor-telemetry").getMaxHistoryPerKey()).isEqualTo(1);
      var consumer = nc.jetStreamManagement().getConsumerInfo("TOOL_EXECUTION_REQUESTS", "tool-runner")
          .getConsumerConfiguration();
      assertThat(consumer.getAckWait()).isEqualTo(Duration.ofSeconds(30));
      assertThat(consumer.getMaxDeliver()).isEqualTo(5);
    }

    Run second = run("apply");
    assertThat(second.code()).isZero();
    assertThat(second.out()).contains("apply: 15 same").doesNotContain("created");
    assertThat(run("audit", "--strict").code()).isZero();
  }

  @Test
  void auditFindsADeletedStreamAChangedSettingAndAnExtraBucket() throws Exception {
    assertThat(run("apply").code()).isZero();
    try (Connection nc = Nats.connect(server.url())) {
      var jsm = nc.jetStreamManagement();
      jsm.deleteStream("TOOL_EXECUTION_REQUESTS");
      StreamConfiguration llm = jsm.getStreamInfo("LLM_COMPLETION_CALLS").getConfiguration();
      jsm.updateStream(StreamConfiguration.builder(llm).duplicateWindow(Duration.ofMinutes(5)).build());
      nc.keyValueManagement().create(io.nats.client.api.KeyValueConfiguration.builder().name("stray").build());
    }
    Run audit = run("audit");
    assertThat(audit.code()).isEqualTo(1);
    assertThat(audit.err()).contains("missing      stream TOOL_EXECUTION_REQUESTS (decision 6): no such stream",
        "differs      stream LLM_COMPLETION_CALLS (decision 4): duplicate window is 5m on the server, 2m in the decision");
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
