package dev.kvorstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way: load, decide, work out the NATS settings, number and link, render,
 * write; the commands sit on top. Each package may use only the packages listed for it here,
 * read from the import lines (and any written-out class name) of the main sources.
 */
class ArchitectureTest {

  static final Path SOURCES = Path.of("src/main/java/dev/kvorstream");

  /** The packages each package may use, besides itself. */
  static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("problem", Set.of()),
      Map.entry("model", Set.of("problem")),
      Map.entry("design", Set.of("problem", "model")),
      Map.entry("heuristic", Set.of("problem", "model")),
      Map.entry("nats", Set.of("problem", "model", "design", "heuristic")),
      Map.entry("ledger", Set.of("problem", "model", "design", "heuristic", "nats")),
      Map.entry("render", Set.of("problem", "model", "design", "heuristic", "nats", "ledger")),
      Map.entry("site", Set.of("problem", "model", "design", "heuristic", "nats", "ledger", "render")),
      Map.entry("write", Set.of("problem", "model")),
      Map.entry("preview", Set.of("problem", "model", "design", "heuristic", "nats", "ledger",
          "render", "site", "write")),
      Map.entry("check", Set.of("problem", "model", "design", "heuristic", "nats", "ledger",
          "render", "write")),
      Map.entry("mcp", Set.of("problem", "model", "design", "heuristic", "nats", "ledger",
          "render", "site", "write", "check")),
      Map.entry("cli", Set.of("problem", "model", "design", "heuristic", "nats", "ledger",
          "render", "site", "write", "check", "preview", "mcp")));

  static final Pattern USE = Pattern.compile("\\bdev\\.kvorstream\\.([a-z]+)\\.");

  /** Every package that a main source of {@code pkg} names, one line per use. */
  static Set<String> edges(Path dir) throws IOException {
    String pkg = dir.getFileName().toString();
    Set<String> found = new TreeSet<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    for (Path f : files) {
      for (String line : Files.readAllLines(f)) {
        if (line.startsWith("package ")) {
          continue;
        }
        Matcher m = USE.matcher(line);
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            found.add(pkg + " -> " + m.group(1) + " (" + f.getFileName() + ")");
          }
        }
      }
    }
    return found;
  }

  static List<Path> packages() throws IOException {
    try (Stream<Path> s = Files.list(SOURCES)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  @Test
  void everyPackageIsInTheTable() throws IOException {
    for (Path dir : packages()) {
      assertThat(ALLOWED).as("the allowed table names package %s", dir.getFileName())
          .containsKey(dir.getFileName().toString());
    }
  }

  @Test
  void noPackageUsesALaterStage() throws IOException {
    Set<String> forbidden = new TreeSet<>();
    for (Path dir : packages()) {
      Set<String> allowed = ALLOWED.getOrDefault(dir.getFileName().toString(), Set.of());
      for (String edge : edges(dir)) {
        String target = edge.substring(edge.indexOf("-> ") + 3, edge.indexOf(" ("));
        if (!allowed.contains(target)) {
          forbidden.add(edge);
        }
      }
    }
    assertThat(forbidden).as("uses of a later stage").isEmpty();
  }

  @Test
  void theTableItselfPointsOnlyDownward() {
    for (var e : ALLOWED.entrySet()) {
      for (String below : e.getValue()) {
        assertThat(ALLOWED.get(below)).as("%s may use %s, which may not use it back", e.getKey(), below)
            .doesNotContain(e.getKey());
      }
    }
  }

  static List<Path> mainSources() throws IOException {
    try (Stream<Path> s = Files.walk(SOURCES)) {
      return s.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  @Test
  void noClassIsOverFourHundredLines() throws IOException {
    Set<String> tooLong = new TreeSet<>();
    for (Path f : mainSources()) {
      int lines = Files.readAllLines(f).size();
      if (lines > 400) {
        tooLong.add(SOURCES.relativize(f) + " (" + lines + " lines)");
      }
    }
    assertThat(tooLong).as("classes over 400 lines").isEmpty();
  }

  static final Pattern QUALIFIED = Pattern.compile("\\b(?:java|javax|dev\\.kvorstream)(?:\\.[a-z]\\w*)+\\.[A-Z]");

  @Test
  void codeNamesClassesByTheirImportsNotInline() throws IOException {
    Set<String> inline = new TreeSet<>();
    for (Path f : mainSources()) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.startsWith("import ") || line.startsWith("package ") || line.startsWith("*")
            || line.startsWith("/*") || line.startsWith("//")) {
          continue;
        }
        String code = line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        if (QUALIFIED.matcher(code).find()) {
          inline.add(SOURCES.relativize(f) + ":" + (i + 1) + ": " + line);
        }
      }
    }
    assertThat(inline).as("fully-qualified names in code").isEmpty();
  }
}
