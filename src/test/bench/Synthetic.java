import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes N synthetic designs into a folder, for the benchmark: half KV watches and half
 * streams, with flows, reasons, cases, tags, some links and some omitted answers (so
 * inference runs). Deterministic: the same N gives the same files.
 *
 * <p>java src/test/bench/Synthetic.java N DIR
 */
public class Synthetic {
  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[0]);
    Path dir = Files.createDirectories(Path.of(args[1]));
    String[] kvCases = {"entity-state-changed", "index-update", "sensor-telemetry", "configuration"};
    String[] streamCases = {"new-task", "llm-call", "tool-execution-request", "workflow-trigger"};
    int width = Math.max(4, String.valueOf(n).length());
    for (int i = 1; i <= n; i++) {
      boolean kv = i % 2 == 0;
      StringBuilder y = new StringBuilder();
      y.append("title: Path ").append(i).append(" from service ").append(i % 37).append(" to service ").append((i * 7) % 41).append('\n');
      y.append("status: ").append(i % 9 == 0 ? "proposed" : "accepted").append('\n');
      y.append("date: 2026-").append(String.format("%02d-%02d", 1 + i % 12, 1 + i % 28)).append('\n');
      y.append("deciders: [team ").append(i % 5).append("]\n");
      y.append("tags: [").append(kv ? "state" : "work").append(", area-").append(i % 11).append("]\n");
      y.append("context: |\n  Service ").append(i % 37).append(kv
          ? " keeps the current state of item " + i + " for every dashboard that shows it.\n"
          : " asks a worker to process order " + i + "; processing charges the customer.\n");
      y.append("flow:\n  producer: svc-").append(i % 37).append("\n  consumers: [svc-").append((i * 7) % 41)
          .append("]\n  subject: items.p").append(i).append(".>\n");
      y.append("answers:\n  restart: ").append(kv ? "reprocess" : "resume").append('\n');
      if (i % 4 != 0) {
        y.append("  delivery: ").append(kv ? "fan-out" : "queue").append('\n');
      }
      y.append("  processing: ").append(kv ? "fast" : "slow").append('\n');
      y.append("why:\n  restart: ").append(kv ? "the state is rebuilt from the bucket" : "a repeat would charge twice").append('\n');
      y.append("case: ").append((kv ? kvCases : streamCases)[i % 4]).append('\n');
      if (i > 10 && i % 10 == 0) {
        y.append("related: [").append(i - 7).append("]\n");
      }
      Files.writeString(dir.resolve(String.format("%0" + width + "d-path-%d.yaml", i, i)), y.toString());
    }
  }
}
