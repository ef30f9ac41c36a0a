package dev.kvorstream.render;

import dev.kvorstream.heuristic.Assessment;
import dev.kvorstream.heuristic.Evaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON printed by {@code decide --format json}: the contract's shape, keys in fixed
 * order, each evaluation in the same form as in {@code export}, and for each test neither
 * given nor inferred, the question that would settle it ({@code "question"}, worded as in
 * the text report, {@code templates/lib/words.ftl}).
 */
public final class JsonReport {

  /** The four questions, by test key: the wording of {@code question} in {@code lib/words.ftl}. */
  static final Map<String, String> QUESTIONS = Map.of(
      "restart", "If the processor restarted, should it handle again what it had already handled?",
      "delivery", "Should every interested processor react to each message, or exactly one handle it?",
      "processing", "Is handling a message fast and idempotent, or slow with real side effects?",
      "nature", "Is the message a fact about the world, or a request to do something?");

  private JsonReport() {}

  private static Map<String, Object> evaluation(Evaluation e) {
    Map<String, Object> m = Export.evaluation(e);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tests = (List<Map<String, Object>>) (List<?>) m.get("tests");
    for (Map<String, Object> t : tests) {
      if ("unknown".equals(t.get("source"))) {
        t.put("question", QUESTIONS.get((String) t.get("key")));
      }
    }
    return m;
  }

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
      root.putAll(evaluation(a.whole()));
    }
    root.put("parts", a.parts().stream().map(p -> {
      Map<String, Object> part = new LinkedHashMap<>();
      part.put("name", p.name());
      part.putAll(evaluation(p.evaluation()));
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
