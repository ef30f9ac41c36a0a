package dev.kvorstream.design;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check warns about a design that still holds the example context that new wrote. */
class UnfinishedDesignTest {

  @TempDir Path work;

  String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]),
        Clock.systemUTC(), work);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void checkWarnsUntilTheContextIsWritten() throws IOException {
    assertThat(run("new", "Price updates")[0]).isEqualTo("0");
    String[] generated = run("generate");
    assertThat(generated[0]).isEqualTo("0");
    assertThat(generated[2]).as("generate warns too").contains("decisions/0001-price-updates.yaml:8:3: warning:");
    String[] fresh = run("check");
    assertThat(fresh[0]).as("a warning is not a problem").isEqualTo("0");
    assertThat(fresh[2]).startsWith("decisions/0001-price-updates.yaml:8:3: warning: 'context' is still the"
        + " example that kv-or-stream new wrote");
    Path design = work.resolve("decisions/0001-price-updates.yaml");
    String text = Files.readString(design);
    int start = text.indexOf("context: |\n") + "context: |\n".length();
    int end = text.indexOf('\n', start);
    Files.writeString(design, text.substring(0, start)
        + "  The price service publishes the current price of each item for the shop pages."
        + text.substring(end));
    String[] regenerated = run("generate");
    assertThat(regenerated[0]).isEqualTo("0");
    assertThat(regenerated[2]).isEmpty();
    String[] written = run("check");
    assertThat(written[0]).isEqualTo("0");
    assertThat(written[2]).isEmpty();
  }
}
