package dev.kvorstream.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kv-or-stream mcp} as an agent runs it: the packaged jar in a process of its own,
 * driven over stdio by the MCP Java SDK's client.
 */
class McpServerIT {

  static final Path JAR = Path.of("target/kv-or-stream.jar").toAbsolutePath();

  @TempDir Path work;

  static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> structured(McpSchema.CallToolResult result) {
    return (Map<String, Object>) result.structuredContent();
  }

  List<String> files() throws IOException {
    Path dir = work.resolve("decisions");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void anAgentDecidesRecordsListsAndChecksThroughTheSdkClient() throws IOException {
    Path dir = work.resolve("decisions");
    ServerParameters server = ServerParameters.builder("java")
        .args("-jar", JAR.toString(), "mcp", "--dir", dir.toString())
        .build();
    StdioClientTransport transport = new StdioClientTransport(server, McpJsonDefaults.getMapper());
    ConcurrentLinkedQueue<String> stderr = new ConcurrentLinkedQueue<>();
    transport.setStdErrorHandler(stderr::add);
    try (McpSyncClient client = McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(60))
        .initializationTimeout(Duration.ofSeconds(60))
        .build()) {
      McpSchema.InitializeResult init = client.initialize();
      assertThat(init.serverInfo().name()).isEqualTo("kv-or-stream");

      List<McpSchema.Tool> tools = client.listTools().tools();
      assertThat(tools).extracting(McpSchema.Tool::name)
          .containsExactly("decide", "new_decision", "list_decisions", "get_decision", "check");
      McpSchema.Tool newDecision = tools.get(1);
      assertThat(newDecision.inputSchema().get("required")).isEqualTo(List.of("title"));
      assertThat(newDecision.inputSchema().get("properties")).asString().contains("answers=", "flow=", "supersedes=");
      assertThat(newDecision.outputSchema()).containsKey("properties");

      McpSchema.CallToolResult decided = client.callTool(new McpSchema.CallToolRequest("decide",
          Map.of("description", "Order history of each customer, read by the support tool")));
      assertThat(decided.isError()).isFalse();
      assertThat(structured(decided).get("verdict")).isEqualTo("kv-watch");
      long unknown = ((List<?>) structured(decided).get("tests")).stream()
          .filter(t -> ((Map<?, ?>) t).get("source").equals("unknown")).count();
      assertThat(unknown).isPositive();
      assertThat(structured(decided).get("questions")).asList().hasSize((int) unknown);
      assertThat(text(decided)).contains("Verdict: KV watch", "Ask the user");

      McpSchema.CallToolResult refused = client.callTool(new McpSchema.CallToolRequest("new_decision",
          Map.of("title", "Sensor readings", "answers", Map.of("restart", "again"))));
      assertThat(refused.isError()).isTrue();
      assertThat(text(refused)).contains("answers.restart", "'reprocess' or 'resume'", "nothing was written");
      assertThat(files()).isEmpty();

      McpSchema.CallToolResult written = client.callTool(new McpSchema.CallToolRequest("new_decision",
          Map.of("title", "Sensor readings", "context", "Each sensor publishes its latest reading.",
              "answers", Map.of("restart", "reprocess", "delivery", "fan-out"),
              "flow", Map.of("producer", "sensor", "consumers", List.of("dashboard"), "subject", "sensors.>"))));
      assertThat(written.isError()).as(text(written)).isFalse();
      assertThat(structured(written).get("adr")).asString().endsWith("0001-sensor-readings.md");
      assertThat(files()).contains("0001-sensor-readings.yaml", "0001-sensor-readings.md", "README.md");
      assertThat(structured(written).get("adrText"))
          .isEqualTo(Files.readString(dir.resolve("0001-sensor-readings.md"), StandardCharsets.UTF_8));

      McpSchema.CallToolResult listed = client.callTool(new McpSchema.CallToolRequest("list_decisions", Map.of()));
      assertThat(text(listed)).isEqualTo("0001  proposed    kv-watch          Sensor readings\n");
      McpSchema.CallToolResult got = client.callTool(new McpSchema.CallToolRequest("get_decision", Map.of("number", 1)));
      assertThat(structured(got).get("designText")).asString().contains("  restart: reprocess");

      McpSchema.CallToolResult checked = client.callTool(new McpSchema.CallToolRequest("check", Map.of()));
      assertThat(structured(checked).get("ok")).isEqualTo(true);
      assertThat(text(checked)).isEqualTo("check: 1 decisions, no problems\n");
    }
    // nothing outside the decisions folder; nothing on stderr but the server's greeting
    try (Stream<Path> all = Files.list(work)) {
      assertThat(all.map(p -> p.getFileName().toString()).toList()).containsExactly("decisions");
    }
    assertThat(String.join("\n", stderr)).doesNotContain("Exception", "WARN", "ERROR", "SLF4J");
  }

  @Test
  void otherCommandsDoNotLoadTheSdk() throws IOException, InterruptedException {
    for (List<String> args : List.of(List.of("decide", "--format", "json", "--text", "tool execution requests"),
        List.of("--help"))) {
      List<String> command = new java.util.ArrayList<>(List.of("java", "-Xlog:class+load=info", "-jar", JAR.toString()));
      command.addAll(args);
      Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
      List<String> loaded = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> l.contains(" source: ")).toList();
      assertThat(p.waitFor()).isZero();
      assertThat(loaded).anyMatch(l -> l.contains("dev.kvorstream.cli.Main "));
      assertThat(loaded.stream().filter(l -> l.contains("io.modelcontextprotocol.") || l.contains("reactor.core.")
          || l.contains("tools.jackson.") || l.contains("org.slf4j.") || l.contains("dev.kvorstream.mcp.")))
          .as(String.join(" ", args)).isEmpty();
    }
  }
}
