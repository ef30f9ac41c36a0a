package dev.kvorstream.design;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.heuristic.Heuristic;
import dev.kvorstream.model.Design;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever bytes it is given, the loader either returns a design or throws a ToolException
 * with exit code 2 and at least one diagnostic that names the file (and, where it has one,
 * a line and column inside it). Nothing else: no other exception, no error escaping.
 */
class LoaderPropertiesTest {

  static final DesignLoader LOADER = new DesignLoader(Heuristic.standard().catalogue().ids());
  static final List<String> SEEDS = seeds();

  static List<String> seeds() {
    List<String> out = new ArrayList<>();
    try {
      for (Path p : Files.list(Path.of("decisions")).filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        out.add(Files.readString(p));
      }
      for (Path p : Files.list(Path.of("src/test/resources/golden/lifecycle/input"))
          .filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        out.add(Files.readString(p));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static void loadsOrFailsWithAPositionedError(byte[] bytes) {
    String path = "fuzz.yaml";
    try {
      Design d = LOADER.load(path, null, bytes);
      assertThat(d.title()).isNotBlank();
    } catch (ToolException e) {
      assertThat(e.exitCode()).isEqualTo(2);
      assertThat(e.diagnostics()).isNotEmpty();
      for (Diagnostic diagnostic : e.diagnostics()) {
        assertThat(diagnostic.position().path()).isEqualTo(path);
        assertThat(diagnostic.format()).startsWith(path).contains(": error: ");
        int line = diagnostic.position().line();
        if (line > 0) {
          assertThat(diagnostic.position().column()).isPositive();
        }
      }
    }
  }

  @Property(tries = 400)
  void arbitraryTextLoadsOrFailsWithAPositionedError(@ForAll("yamlish") String text) {
    loadsOrFailsWithAPositionedError(text.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 400)
  void arbitraryBytesLoadOrFailWithAPositionedError(@ForAll byte[] bytes) {
    loadsOrFailsWithAPositionedError(bytes);
  }

  @Property(tries = 1000)
  void mutatedRealDesignsLoadOrFailWithAPositionedError(@ForAll("mutated") String text) {
    loadsOrFailsWithAPositionedError(text.getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> yamlish() {
    Arbitrary<String> pieces = Arbitraries.of("title: ", "answers:", "  restart: ", "resume",
        "reprocess", "parts:", "  - name: ", "- ", "[", "]", "{", "}", ": ", "\n", "\n  ", "\t",
        "&a ", "*a", "!!str ", "!tag ", "'", "\"", "#", "---\n", "|\n", ">\n", "? ", "%YAML 1.2\n",
        "yes", "null", "~", "12", "2026-03-03", "why:", "case: ", "llm-call", "supersedes: ",
        "\u00e9", "\uFEFF", "\r\n");
    return pieces.list().ofMaxSize(60).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<String> seed = Arbitraries.of(SEEDS);
    Arbitrary<Integer> where = Arbitraries.integers().between(0, 4000);
    Arbitrary<Integer> how = Arbitraries.integers().between(0, 5);
    Arbitrary<String> insert = Arbitraries.of(":", "-", " ", "\t", "\n", "[", "{", "'", "\"",
        "&x ", "*x", "!!binary ", "  ", "\n- ", ": yes", "#");
    return Combinators.combine(seed, where, how, insert).as((s, at, kind, text) -> {
      int i = Math.min(at, s.length());
      return switch (kind) {
        case 0 -> s.substring(0, i) + text + s.substring(i);
        case 1 -> s.substring(0, i) + s.substring(Math.min(s.length(), i + 3));
        case 2 -> s.substring(0, i);
        case 3 -> s.substring(i) + s.substring(0, i);
        case 4 -> s.replace("  ", text.isBlank() ? "   " : " ");
        default -> s.substring(0, i) + s.substring(0, i) + s.substring(i);
      };
    });
  }
}
