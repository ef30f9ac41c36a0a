package dev.kvorstream.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example ADRs stay short enough to be read, in both layouts: the code and reference
 * text every decision of a kind shares is printed once in the index, and each ADR links to
 * it, so every link from an ADR to a section of the index finds that section there.
 */
class AdrLengthTest {

  /** Issue 11, item 13: a typical ADR of at most 120 lines, none much longer. */
  static final int MEDIAN_AT_MOST = 120;
  static final int EACH_AT_MOST = 140;

  static final Pattern INDEX_LINK = Pattern.compile("\\]\\(README\\.md#([a-z0-9-]+)\\)");

  @ParameterizedTest
  @ValueSource(strings = {"nygard", "madr"})
  void theExampleAdrsAreShortInBothLayouts(String style, @TempDir Path dir) throws IOException {
    Map<String, String> adrs = generate(style, dir);
    assertThat(adrs).hasSizeGreaterThanOrEqualTo(10);
    List<Integer> lines = new ArrayList<>();
    adrs.forEach((name, text) -> lines.add((int) text.lines().count()));
    List<Integer> sorted = lines.stream().sorted().toList();
    double median = (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2.0;
    assertThat(median).as("median lines of the %s examples %s", style, lines).isLessThanOrEqualTo(MEDIAN_AT_MOST);
    adrs.forEach((name, text) -> assertThat(text.lines().count()).as(style + " " + name)
        .isLessThanOrEqualTo(EACH_AT_MOST));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nygard", "madr"})
  void everyLinkFromAnAdrToTheIndexFindsItsSection(String style, @TempDir Path dir) throws IOException {
    Map<String, String> adrs = generate(style, dir);
    String index = Files.readString(dir.resolve("README.md"));
    List<String> anchors = new ArrayList<>();
    for (String heading : index.lines().filter(l -> l.startsWith("## ") || l.startsWith("### ")).toList()) {
      anchors.add(heading.replaceFirst("^#+ ", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "")
          .replace(' ', '-'));
    }
    List<String> linked = new ArrayList<>();
    adrs.values().forEach(text -> {
      Matcher m = INDEX_LINK.matcher(text);
      while (m.find()) {
        linked.add(m.group(1));
      }
    });
    assertThat(linked).contains("streamwork", "kvfollow", "the-common-cases");
    assertThat(anchors).containsAll(linked);
    // each shared class is printed in the index once, as a Java block
    assertThat(index.split("```java\nimport ", -1)).hasSize(3);
  }

  static Map<String, String> generate(String style, Path dir) throws IOException {
    try (Stream<Path> designs = Files.list(Path.of("decisions"))) {
      for (Path design : designs.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Files.copy(design, dir.resolve(design.getFileName()));
      }
    }
    Cli.Result r = Cli.run("generate", "--style", style, "--dir", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, String> adrs = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().matches("\\d{4}-.*\\.md")).toList()) {
        adrs.put(p.getFileName().toString(), Files.readString(p));
      }
    }
    return adrs;
  }
}
