package dev.kvorstream.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command that writes refuses a folder that holds no decision log, and writes nothing there. */
class NotADecisionLogTest {

  @TempDir Path work;

  record Result(int code, String out, String err) {}

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]),
        Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC), work);
    return new Result(code, out.toString(), err.toString());
  }

  static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void generateRefusesAFolderOfOtherFilesAndWritesNothingThere() throws IOException {
    Path docs = Files.createDirectories(work.resolve("docs"));
    Files.writeString(docs.resolve("guide.md"), "# Guide\n");
    Files.writeString(docs.resolve("README.md"), "# Our docs\n");
    Result r = run("generate", "--dir", "docs");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("docs: not a decision log").contains("start one with kv-or-stream new");
    assertThat(listing(docs)).containsExactly("README.md", "guide.md");
    assertThat(docs.resolve("README.md")).hasContent("# Our docs");
  }

  @Test
  void generateRefusesAnEmptyFolder() throws IOException {
    Files.createDirectories(work.resolve("decisions"));
    assertThat(run("generate").code()).isEqualTo(2);
    assertThat(listing(work.resolve("decisions"))).isEmpty();
  }

  @Test
  void newStartsALogInAnAbsentFolderAndGenerateThenWritesIt() throws IOException {
    Result made = run("new", "Price updates for the dashboards", "--dir", "adr");
    assertThat(made.code()).as(made.err()).isZero();
    Result r = run("generate", "--dir", "adr");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(work.resolve("adr/0001-price-updates-for-the-dashboards.md")).exists();
    assertThat(work.resolve("adr/README.md")).exists();
  }

  @Test
  void aFolderOfHandWrittenAdrsOrOurIndexAloneIsALog() throws IOException {
    Path adrs = Files.createDirectories(work.resolve("adrs"));
    Files.writeString(adrs.resolve("0001-record-architecture-decisions.md"),
        "# 1. Record architecture decisions\n\n## Status\n\nAccepted\n");
    assertThat(run("generate", "--dir", "adrs").code()).isZero();
    Files.delete(adrs.resolve("0001-record-architecture-decisions.md"));
    // only the index kv-or-stream wrote is left: still a log (every decision was removed)
    Result r = run("generate", "--dir", "adrs");
    assertThat(r.code()).as(r.err()).isZero();
  }
}
