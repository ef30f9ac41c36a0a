package dev.kvorstream.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.design.DesignLoader;
import dev.kvorstream.heuristic.Heuristic;
import dev.kvorstream.model.Design;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The context that {@code new --context} or {@code new --ask} takes is written into the new
 * design so that loading the design gives it back: leading spaces, blank lines, YAML
 * characters and all.
 */
class NewDesignContextPropertiesTest {

  static final Heuristic HEURISTIC = Heuristic.standard();
  static final DesignLoader LOADER = new DesignLoader(HEURISTIC.catalogue().ids());
  static final Renderer RENDERER = new Renderer(Templates.builtIn(), HEURISTIC.catalogue(), "nygard", true);

  static String roundTrip(String context) {
    String yaml = RENDERER.newDesign("A path", "2026-11-26", Map.of(), Map.of(), Map.of(),
        Map.of("context", context));
    Design d = LOADER.load("d.yaml", null, yaml.getBytes(StandardCharsets.UTF_8));
    return d.context();
  }

  @Provide
  Arbitrary<String> contexts() {
    Arbitrary<String> line = Arbitraries.oneOf(
        Arbitraries.strings().withChars("abc XYZ:#-|>'\"[]{}&*!%@`,?").ofMaxLength(30),
        Arbitraries.of("", "  indented", "- a list item", "key: value", "# not a comment", "|", "..."));
    return line.list().ofMinSize(1).ofMaxSize(5).map(lines -> String.join("\n", lines).stripTrailing())
        .filter(s -> !s.isBlank());
  }

  @Property(tries = 300)
  void aContextComesBackAsItWasGiven(@ForAll("contexts") String context) {
    assertThat(roundTrip(context).stripTrailing()).isEqualTo(context);
  }

  @Example
  void aPlainContextIsALiteralBlockWithoutAnIndentationIndicator() {
    String yaml = RENDERER.newDesign("A path", "2026-11-26", Map.of(), Map.of(), Map.of(),
        Map.of("context", "Orders flow from checkout to billing"));
    assertThat(yaml).contains("context: |\n  Orders flow from checkout to billing\n");
    assertThat(List.of(roundTrip("  starts indented\nthen not"))).containsExactly("  starts indented\nthen not\n");
  }
}
