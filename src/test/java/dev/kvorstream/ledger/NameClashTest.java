package dev.kvorstream.ledger;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two decisions may not ask for one server resource: a stream, a bucket, and also the
 * streams a stream decision brings along (its dead-letter stream, its claims bucket).
 */
class NameClashTest {

  @TempDir Path work;

  private static final String WORK = """
      title: Report exports
      status: accepted
      date: 2026-03-09
      context: Each export request runs for an hour and must run once.
      flow: {producer: ui, consumers: [exporter], subject: reports.export.>}
      answers: {restart: resume, delivery: queue, processing: slow, nature: request}
      nats:
        stream: EXPORTS
        claim: export-runs
      """;

  /** A KV decision whose bucket is named {@code bucket}. */
  private static String exportState(String bucket) {
    return """
        title: Export state
        status: accepted
        date: 2026-03-10
        context: The current state of each export, shown on the dashboard.
        flow: {producer: exporter, consumers: [dashboard], subject: reports.state.>}
        answers: {restart: reprocess, delivery: fan-out, processing: fast, nature: fact}
        nats:
          bucket: %s
        """.formatted(bucket);
  }

  /** generate refuses a log with clashing names: exit 2, nothing written. */
  private int generate(StringWriter err) {
    return Main.run(new String[] {"generate"}, new PrintWriter(new StringWriter()), new PrintWriter(err),
        new ByteArrayInputStream(new byte[0]),
        Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC), work);
  }

  private void write(String name, String text) throws IOException {
    Files.createDirectories(work.resolve("decisions"));
    Files.writeString(work.resolve("decisions").resolve(name), text);
  }

  @Test
  void aBucketNamedLikeAnotherDecisionsClaimsBucketIsAClash() throws IOException {
    write("0001-report-exports.yaml", WORK);
    write("0002-export-state.yaml", exportState("export-runs"));
    StringWriter err = new StringWriter();
    assertThat(generate(err)).isEqualTo(2);
    assertThat(work.resolve("decisions/README.md")).doesNotExist();
    assertThat(err.toString()).contains("0002-export-state.yaml")
        .contains("decision 2 uses KV bucket 'export-runs', which decision 1 uses already");
  }

  @Test
  void aStreamNamedLikeAnotherDecisionsDeadLetterStreamIsAClash() throws IOException {
    write("0001-report-exports.yaml", WORK);
    write("0002-export-failures.yaml", """
        title: Export failures
        status: accepted
        date: 2026-03-10
        context: Each failed export must be looked at by one person, once.
        flow: {producer: exporter, consumers: [triage], subject: reports.failed.>}
        answers: {restart: resume, delivery: queue, processing: slow, nature: request}
        nats:
          stream: EXPORTS_DEAD_LETTERS
        """);
    StringWriter err = new StringWriter();
    assertThat(generate(err)).isEqualTo(2);
    assertThat(work.resolve("decisions/README.md")).doesNotExist();
    assertThat(err.toString()).contains("decision 2 uses stream 'EXPORTS_DEAD_LETTERS', which decision 1 uses already");
  }

  @Test
  void distinctNamesDoNotClash() throws IOException {
    write("0001-report-exports.yaml", WORK);
    write("0002-export-state.yaml", exportState("export-state"));
    StringWriter err = new StringWriter();
    assertThat(generate(err)).as(err.toString()).isZero();
  }
}
