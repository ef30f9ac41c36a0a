package dev.kvorstream.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.heuristic.Heuristic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ADR the suite produces reads true: the nearest-case sentence agrees with the cases
 * table, a conflict the case explains is not also told to split, and no sentence promises
 * more than the server gives. Read: the committed examples, the golden files, and a log of
 * generated designs covering every answer combination and every common case.
 */
class AdrConsistencyTest {

  private static final String[] KEYS = {"restart", "delivery", "processing", "nature"};
  private static final String[][] WORDS = {
      {"reprocess", "resume"}, {"fan-out", "queue"}, {"fast", "slow"}, {"fact", "request"}};

  @Test
  void theCommittedExamplesAndGoldenFilesReadTrue() throws IOException {
    Map<String, String> adrs = new TreeMap<>();
    adrs.putAll(markdown(Path.of("decisions")));
    try (Stream<Path> sets = Files.list(GoldenFilesTest.GOLDEN)) {
      for (Path set : sets.toList()) {
        adrs.putAll(markdown(set.resolve("expected")));
      }
    }
    assertThat(adrs).hasSizeGreaterThan(10);
    assertThat(problems(adrs)).isEmpty();
  }

  @Test
  void everyAnswerCombinationAndEveryCaseReadsTrue(@TempDir Path dir) throws IOException {
    List<String> cases = Heuristic.standard().catalogue().ids();
    int n = 0;
    for (int code = 0; code < 81; code++) {
      // each of the 81 combinations, once with no case and once per case in turn
      String answers = answers(code);
      write(dir, ++n, answers, null);
      write(dir, ++n, answers, cases.get(code % cases.size()));
      write(dir, ++n, answers, null, "flow: {producer: a, consumers: [shipping, billing, email], subject: p" + n + ".>}\n");
    }
    for (String id : cases) {
      // the case named with no answers, and with each answer of its own profile
      write(dir, ++n, "", id);
      write(dir, ++n, "  restart: resume\n  delivery: fan-out\n  processing: fast\n  nature: fact\n", id);
      write(dir, ++n, "  restart: resume\n  delivery: fan-out\n  processing: slow\n  nature: request\n", id);
    }
    assertThat(GoldenFilesTest.generate(dir)).isEqualTo(0);
    Map<String, String> adrs = markdown(dir);
    assertThat(adrs).hasSize(n + 1);
    assertThat(problems(adrs)).isEmpty();
  }

  @Test
  void theCheckCatchesTheContradictionsItIsFor() {
    String nearestInTable = "| KV watch | **Entity state changed** (nearest, agrees), Index update |";
    assertThat(AdrSentences.problems(
        "No common case resembles entity updates closely; the verdict rests on the tests alone.\n\n"
            + nearestInTable))
        .anyMatch(p -> p.contains("no common case"));
    assertThat(AdrSentences.problems(
        "Nearest case: **Entity state changed** (named in the design), for which the table gives"
            + " KV watch. This decision agrees with it: a fact.\n\n" + nearestInTable))
        .isEmpty();
    assertThat(AdrSentences.problems(
        "Nearest case: **Index update** (named in the design), for which the table gives"
            + " KV watch. This decision agrees with it: a fact.\n\n" + nearestInTable))
        .hasSize(2);
    assertThat(AdrSentences.problems("the handler must never handle one twice"))
        .anyMatch(p -> p.startsWith("overclaims"));
    assertThat(AdrSentences.problems("**Conflict, explained by the case.** x. Split the design into parts"))
        .hasSize(1);
  }

  @Test
  void anAuditTrailConflictGetsTheCasePatternNotASplit(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("0001-audit-log.yaml"), """
        title: Audit log of account changes
        answers: {restart: resume, delivery: fan-out, processing: fast, nature: fact}
        case: audit-trail
        """);
    assertThat(GoldenFilesTest.generate(dir)).isEqualTo(0);
    String adr = Files.readString(dir.resolve("0001-audit-log.md"));
    assertThat(adr).contains("**Conflict, explained by the case.**")
        .contains("`limits` retention").doesNotContain("Split the design")
        .doesNotContain("may be two concerns in one");
    assertThat(AdrSentences.problems(adr)).isEmpty();
  }

  private static String answers(int code) {
    StringBuilder s = new StringBuilder();
    for (int t = 0; t < 4; t++) {
      int v = code % 3;
      code /= 3;
      if (v > 0) {
        s.append("  ").append(KEYS[t]).append(": ").append(WORDS[t][v - 1]).append('\n');
      }
    }
    return s.toString();
  }

  private static void write(Path dir, int n, String answers, String caseId) throws IOException {
    write(dir, n, answers, caseId, "");
  }

  private static void write(Path dir, int n, String answers, String caseId, String more) throws IOException {
    StringBuilder yaml = new StringBuilder("title: Path number ").append(n).append('\n')
        .append("context: A path between two components.\n").append(more);
    if (!answers.isEmpty()) {
      yaml.append("answers:\n").append(answers);
    }
    if (caseId != null) {
      yaml.append("case: ").append(caseId).append('\n');
    }
    Files.writeString(dir.resolve(String.format(Locale.ROOT, "%04d-path-%d.yaml", n, n)), yaml);
  }

  private static Map<String, String> markdown(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        out.put(dir.getFileName() + "/" + p.getFileName(), Files.readString(p));
      }
    }
    return out;
  }

  private static List<String> problems(Map<String, String> adrs) {
    List<String> all = new ArrayList<>();
    adrs.forEach((name, text) -> AdrSentences.problems(text).forEach(p -> all.add(name + ": " + p)));
    return all;
  }
}
