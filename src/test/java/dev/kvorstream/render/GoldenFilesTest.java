package dev.kvorstream.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: designs rendered and compared byte for byte with what is committed.
 * The project's own {@code decisions/} folder is one golden set (refresh it with
 * {@code java -jar target/kv-or-stream.jar generate}); each folder under
 * {@code src/test/resources/golden/} with {@code input/} and {@code expected/} is another
 * (refresh with {@code mvn test -Dtest=GoldenFilesTest -Dgolden.update=true}).
 */
class GoldenFilesTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<String> sets() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sets")
  void eachGoldenSetRendersToItsExpectedFiles(String set, @TempDir Path work) throws IOException {
    Path input = GOLDEN.resolve(set).resolve("input");
    Path expected = GOLDEN.resolve(set).resolve("expected");
    Set<String> inputs = copyAll(input, work);
    assertThat(generate(work)).isEqualTo(0);
    Set<String> produced = listing(work);
    produced.removeAll(inputs);
    if (UPDATE) {
      Files.createDirectories(expected);
      for (Path old : Files.list(expected).toList()) {
        Files.delete(old);
      }
      for (String name : produced) {
        Files.copy(work.resolve(name), expected.resolve(name));
      }
    }
    assertThat(produced).containsExactlyInAnyOrderElementsOf(listing(expected));
    for (String name : produced) {
      assertThat(Files.readString(work.resolve(name)))
          .as(name).isEqualTo(Files.readString(expected.resolve(name)));
    }
  }

  @Test
  void theProjectsOwnDecisionsAreExactlyWhatGenerateWrites(@TempDir Path work) throws IOException {
    Path decisions = Path.of("decisions");
    List<Path> designs = Files.list(decisions).filter(p -> p.toString().endsWith(".yaml")).toList();
    for (Path design : designs) {
      Files.copy(design, work.resolve(design.getFileName()));
    }
    assertThat(generate(work)).isEqualTo(0);
    Set<String> committed = new TreeSet<>(listing(decisions));
    committed.removeIf(n -> n.endsWith(".yaml"));
    Set<String> produced = new TreeSet<>(listing(work));
    produced.removeIf(n -> n.endsWith(".yaml"));
    assertThat(produced).containsExactlyElementsOf(committed);
    assertThat(produced).as("an ADR per design, and the index").hasSize(designs.size() + 1);
    for (String name : produced) {
      assertThat(Files.readString(work.resolve(name)))
          .as(name + " (run: java -jar target/kv-or-stream.jar generate)")
          .isEqualTo(Files.readString(decisions.resolve(name)));
    }
  }

  @Test
  void theSameInputsGiveTheSameBytesInAnotherFolder(@TempDir Path a, @TempDir Path b) throws IOException {
    Path input = GOLDEN.resolve("lifecycle").resolve("input");
    copyAll(input, a);
    copyAll(input, b.resolve("deeper/still"));
    assertThat(generate(a)).isEqualTo(0);
    assertThat(generate(b.resolve("deeper/still"))).isEqualTo(0);
    for (String name : listing(a)) {
      assertThat(Files.readAllBytes(b.resolve("deeper/still").resolve(name)))
          .as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
      assertThat(Files.readString(a.resolve(name))).doesNotContain(a.toString());
    }
  }

  static int generate(Path dir) {
    Cli.Result r = Cli.run("generate", "--dir", dir.toString());
    assertThat(r.err()).as("stderr of generate").isEmpty();
    return r.code();
  }

  static Set<String> copyAll(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    Set<String> names = new TreeSet<>();
    for (Path p : Files.list(from).toList()) {
      Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      names.add(p.getFileName().toString());
    }
    return names;
  }

  static Set<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      Set<String> names = new TreeSet<>();
      for (String n : files.map(p -> p.getFileName().toString()).toList()) {
        if (!n.startsWith(".")) {
          names.add(n);
        }
      }
      return names;
    }
  }

}
