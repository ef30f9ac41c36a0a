package dev.kvorstream.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility engine, run inside the page the browser shows: its own
 * {@code axe.min.js}, installed from the npm registry into {@code test-tools/node_modules}
 * by {@code npm ci --prefix test-tools} ({@code .ci/run} does it), injected and run with
 * its default rules. Missing, it fails the test: it is never skipped.
 */
public final class Axe {

  /** The engine, as npm installs it. */
  public static final Path SCRIPT = Path.of("test-tools/node_modules/axe-core/axe.min.js");

  private static String source;

  private Axe() {}

  private static synchronized String source() throws IOException {
    if (source == null) {
      assertThat(SCRIPT).as("axe-core is missing: run 'npm ci --prefix test-tools' (.ci/run does)")
          .exists();
      source = Files.readString(SCRIPT);
    }
    return source;
  }

  /**
   * The violations of the page the driver shows, one line each: rule, impact, and the
   * elements it found (empty when the page passes).
   */
  public static List<String> violations(WebDriver driver) throws IOException {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(source());
    Object result = js.executeAsyncScript("""
        var done = arguments[arguments.length - 1];
        axe.run(document).then(function (r) {
          done(r.violations.map(function (v) {
            return {id: v.id, impact: v.impact,
                    nodes: v.nodes.map(function (n) { return n.target.join(' '); })};
          }));
        }, function (e) { done([{id: 'axe failed', impact: String(e), nodes: []}]); });
        """);
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) result) {
      Map<?, ?> v = (Map<?, ?>) o;
      out.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("nodes"));
    }
    return out;
  }
}
