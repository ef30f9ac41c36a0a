package dev.kvorstream.design;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.cli.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad designs in {@code src/test/resources/bad}: each file with its exit code
 * and the exact first line of its error, as listed in {@code expected.tsv}.
 */
class BadDesignsTest {

  static final Path BAD = Path.of("src/test/resources/bad");

  static Stream<Arguments> corpus() throws Exception {
    return Files.readAllLines(BAD.resolve("expected.tsv"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.startsWith("#") && !l.isBlank())
        .map(l -> l.split("\t", 3))
        .map(p -> Arguments.of(p[0], Integer.parseInt(p[1]), p[2]));
  }

  @org.junit.jupiter.api.Test
  void aHugeFileIsRefusedBeforeItIsParsed(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("huge.yaml"), "title: " + "x".repeat(2_000_000) + "\n");
    Cli.Result r = Cli.run(tmp, "decide", "huge.yaml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("huge.yaml: error: file is 2000008 bytes; a design may be at most 1048576 bytes");
  }

  @org.junit.jupiter.api.Test
  void theCorpusHoldsAtLeastFortyBadInputsAndEveryFileIsListed() throws Exception {
    List<String> listed = corpus().map(a -> (String) a.get()[0]).toList();
    assertThat(listed).hasSizeGreaterThanOrEqualTo(40);
    try (Stream<Path> files = Files.list(BAD)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")))
          .containsExactlyInAnyOrderElementsOf(listed);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachBadDesignGetsItsExitCodeAndPositionedMessage(String file, int exit, String firstLine) {
    Cli.Result r = Cli.run(BAD.toAbsolutePath(), "decide", file);
    assertThat(r.code()).isEqualTo(exit);
    assertThat(r.out()).isEmpty();
    String[] lines = r.err().split("\n");
    assertThat(lines[0]).isEqualTo(firstLine);
    assertThat(lines[0]).matches("\\Q" + file + "\\E(:\\d+:\\d+)?: error: .+");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    if (lines[0].matches("[^:]+:\\d+:\\d+: .*")) {
      int column = Integer.parseInt(lines[0].split(":")[2]);
      assertThat(lines).as("source line and caret").hasSizeGreaterThanOrEqualTo(3);
      assertThat(lines[2].indexOf('^')).isEqualTo(column - 1);
    }
  }
}
