package dev.kvorstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A log that starts from adr-tools: hand-written ADRs beside generated ones. Every command
 * works on it (no internal error), and none touches the hand-written file.
 */
class HandWrittenLogTest extends FolderTest {

  static final String HAND_WRITTEN = "# 1. Use Kafka for clickstream\n\nDate: 2026-01-01\n\n"
      + "## Status\n\nAccepted\n\n## Context\n\nWritten by hand.\n";

  @BeforeEach
  void log() throws IOException {
    Files.writeString(decisions.resolve("0001-use-kafka-for-clickstream.md"), HAND_WRITTEN);
    design("0002-state.yaml", CommandsTest.STATE.replace("related: [1]", "related: [1]"));
    Cli.Result r = Cli.run(work, "generate");
    assertThat(r.code()).as(r.err()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"check", "generate --check", "list", "export", "graph", "accept 2", "new Another-path",
      "site --out site", "decide decisions/0002-state.yaml", "renumber --help"})
  void everyCommandWorksOnALogWithAHandWrittenAdr(String command) throws IOException {
    Cli.Result r = Cli.run(work, command.split(" "));
    assertThat(r.err()).as(command).doesNotContain("internal error");
    assertThat(r.code()).as(command + "\n" + r.err()).isIn(0, 1);
    assertThat(read("0001-use-kafka-for-clickstream.md")).isEqualTo(HAND_WRITTEN);
  }

  @Test
  void checkIsCleanAndCountsTheHandWrittenAdr() {
    Cli.Result r = Cli.run(work, "check");
    assertThat(r.code()).as(r.err()).isZero();
  }
}
