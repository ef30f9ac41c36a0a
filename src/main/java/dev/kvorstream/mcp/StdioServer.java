package dev.kvorstream.mcp;

import dev.kvorstream.problem.ToolException;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * {@code kv-or-stream mcp}: the tools of {@link DecisionTools} served over stdio with the
 * official MCP Java SDK. Protocol messages alone go to the output stream; the SDK's log lines
 * (slf4j-simple) and anything else printed go to standard error. Runs until the client closes
 * the server's standard input.
 */
public final class StdioServer {

  private StdioServer() {}

  /**
   * Serves until {@code in} ends.
   *
   * @param version the program's version, for the protocol's server info
   * @return the exit code: 0
   */
  public static int serve(McpSettings settings, String version, InputStream in, PrintWriter out,
      PrintWriter err) throws InterruptedException {
    quietLogging();
    // whatever a library prints to System.out would corrupt the protocol: send it to stderr
    PrintStream stdout = System.out;
    System.setOut(System.err);
    try {
      CountDownLatch closed = new CountDownLatch(1);
      McpJsonMapper json = McpJsonDefaults.getMapper();
      StdioServerTransportProvider transport = new StdioServerTransportProvider(json,
          new WatchedInput(in, closed), new WriterOutput(out));
      DecisionTools tools = new DecisionTools(settings);
      McpSyncServer server = McpServer.sync(transport)
          .serverInfo("kv-or-stream", version)
          .instructions("Decides between a NATS KV watch and a JetStream stream for a communication"
              + " path with a deterministic four-test heuristic, and keeps the decisions as numbered"
              + " ADRs in " + settings.display() + ". Call decide first; ask the user the questions it"
              + " returns; then new_decision with the answers.")
          .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
          // our own checks name the field and the values it takes, in the words of the CLI
          .validateToolInputs(false)
          // each call runs on the thread that reads stdin, one after the other: two calls never
          // write at once, and the end of input is seen only after the last call finished
          .immediateExecution(true)
          .tools(specifications(tools, json, err))
          .build();
      err.println("kv-or-stream mcp: serving " + settings.display() + " on stdio");
      err.flush();
      closed.await();
      server.closeGracefully();
      return 0;
    } finally {
      System.setOut(stdout);
    }
  }

  /** slf4j-simple to stderr, warnings and worse only, unless the user set it otherwise. */
  private static void quietLogging() {
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  private static List<SyncToolSpecification> specifications(DecisionTools tools, McpJsonMapper json,
      PrintWriter err) {
    Map<String, Function<Map<String, Object>, DecisionTools.Result>> work = Map.of(
        "decide", tools::decide,
        "new_decision", tools::newDecision,
        "list_decisions", tools::listDecisions,
        "get_decision", tools::getDecision,
        "check", tools::check);
    List<SyncToolSpecification> specs = new ArrayList<>();
    for (ToolCatalog.Tool t : ToolCatalog.load()) {
      Function<Map<String, Object>, DecisionTools.Result> handler = work.get(t.name());
      if (handler == null) {
        throw new IllegalStateException("tools.json names a tool with no handler: " + t.name());
      }
      McpSchema.Tool tool = McpSchema.Tool.builder()
          .name(t.name())
          .title(t.title())
          .description(t.description())
          .inputSchema(t.inputSchema())
          .outputSchema(t.outputSchema())
          .annotations(json.convertValue(t.annotations(), McpSchema.ToolAnnotations.class))
          .build();
      specs.add(SyncToolSpecification.builder()
          .tool(tool)
          .callHandler((exchange, request) -> call(t.name(), handler, request.arguments(), err))
          .build());
    }
    return specs;
  }

  /** One call: the result, or a tool error (isError) whose text names every problem. */
  static McpSchema.CallToolResult call(String name, Function<Map<String, Object>, DecisionTools.Result> handler,
      Map<String, Object> arguments, PrintWriter err) {
    try {
      DecisionTools.Result result = handler.apply(arguments == null ? Map.of() : arguments);
      return McpSchema.CallToolResult.builder()
          .addTextContent(result.text())
          .structuredContent(result.structured())
          .isError(false)
          .build();
    } catch (ToolInputException e) {
      return error(name + (name.equals("new_decision") ? ": refused; nothing was written.\n" : ": refused.\n")
          + String.join("\n", e.problems()));
    } catch (ToolException e) {
      List<String> lines = new ArrayList<>();
      e.diagnostics().forEach(d -> lines.add(d.format()));
      if (lines.isEmpty()) {
        lines.add(e.getMessage());
      }
      return error(name + ": " + String.join("\n", lines));
    } catch (RuntimeException | LinkageError | AssertionError e) {
      synchronized (err) {
        err.println("kv-or-stream mcp: " + name + " failed: " + e);
        e.printStackTrace(err);
        err.flush();
      }
      return error(name + ": internal error: " + e);
    }
  }

  private static McpSchema.CallToolResult error(String text) {
    return McpSchema.CallToolResult.builder().addTextContent(text).isError(true).build();
  }

  /** Standard input that counts down {@code closed} when it ends or fails. */
  private static final class WatchedInput extends FilterInputStream {

    private final CountDownLatch closed;

    WatchedInput(InputStream in, CountDownLatch closed) {
      super(in);
      this.closed = closed;
    }

    @Override
    public int read() throws IOException {
      return seen(() -> super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return seen(() -> super.read(b, off, len));
    }

    private interface Read {
      int run() throws IOException;
    }

    private int seen(Read read) throws IOException {
      try {
        int n = read.run();
        if (n < 0) {
          closed.countDown();
        }
        return n;
      } catch (IOException e) {
        closed.countDown();
        throw e;
      }
    }
  }
}
