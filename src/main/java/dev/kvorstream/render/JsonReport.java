package dev.kvorstream.render;

import dev.kvorstream.heuristic.Assessment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON printed by {@code decide --format json}: the contract's shape, keys in fixed
 * order, each evaluation in the same form as in {@code export}.
 */
public final class JsonReport {

  private JsonReport() {}

  public static String of(String title, Assessment a) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("title", title);
    if (a.isSplit()) {
      root.put("verdict", a.verdict().id());
      root.put("decidedBy", null);
      root.put("conflict", false);
      root.put("conflictingTests", List.of());
      root.put("tests", List.of());
      root.put("nearestCase", null);
    } else {
      root.putAll(Export.evaluation(a.whole()));
    }
    root.put("parts", a.parts().stream().map(p -> {
      Map<String, Object> part = new LinkedHashMap<>();
      part.put("name", p.name());
      part.putAll(Export.evaluation(p.evaluation()));
      return (Object) part;
    }).toList());
    return Json.write(root);
  }

  /** A JSON string literal. */
  public static String str(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
