package dev.kvorstream.render;

import dev.kvorstream.design.DesignLoader;
import dev.kvorstream.ledger.Decision;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.model.Design;
import dev.kvorstream.problem.Position;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Designs that still hold what {@code new} wrote as an example: {@code check} warns about
 * them (a warning, not a problem: a fresh design is allowed, but its ADR would say nothing).
 * The placeholder is read from the design template itself, so it follows the template.
 */
public final class Unfinished {

  private Unfinished() {}

  /** One warning line, {@code path:line:col: warning: ...}, per design still holding the placeholder context. */
  public static List<String> warnings(DecisionLog log, Renderer renderer, DesignLoader loader) {
    String placeholder = placeholderContext(renderer, loader);
    List<String> out = new ArrayList<>();
    if (placeholder == null || placeholder.isBlank()) {
      return out;
    }
    for (Decision e : log.entries()) {
      Design d = e.design();   // null for an ADR written by hand: it has no design to finish
      if (d != null && d.context() != null && d.context().strip().equals(placeholder.strip())) {
        out.add(where(log, d, placeholder).label() + ": warning: 'context' is still the example that"
            + " kv-or-stream new wrote; say what flows over this path, between which components,"
            + " and why (the ADR's context and the inferred answers come from it)");
      }
    }
    return out;
  }

  /** The context of a design as {@code new} writes it, from the design template in use. */
  static String placeholderContext(Renderer renderer, DesignLoader loader) {
    String fresh = renderer.newDesign("Placeholder", "2000-01-01", Map.of(), Map.of());
    return loader.load("design.yaml.ftl", null, fresh.getBytes(StandardCharsets.UTF_8)).context();
  }

  /** The line where the placeholder starts in the design file, else the file. */
  private static Position where(DecisionLog log, Design d, String placeholder) {
    String first = placeholder.strip().lines().findFirst().orElse("");
    try {
      Path file = log.folder().dir().resolve(d.name().fileName());
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int at = text.indexOf(first);
      if (at >= 0) {
        int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        int column = at - (text.lastIndexOf('\n', at - 1) + 1) + 1;
        return Position.at(d.path(), text, line, column);
      }
    } catch (IOException | RuntimeException e) {
      // the file as a whole
    }
    return Position.ofFile(d.path());
  }
}
