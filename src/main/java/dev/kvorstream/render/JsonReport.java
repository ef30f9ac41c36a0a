package dev.kvorstream.render;

import dev.kvorstream.heuristic.Assessment;
import dev.kvorstream.heuristic.Evaluation;
import dev.kvorstream.heuristic.NearestCase;
import dev.kvorstream.heuristic.Outcome;
import java.util.List;

/** The JSON printed by {@code decide --format json}: the contract's shape, keys in fixed order. */
public final class JsonReport {

  private JsonReport() {}

  public static String of(String title, Assessment a) {
    StringBuilder out = new StringBuilder();
    out.append("{\n");
    field(out, 1, "title", str(title), true);
    field(out, 1, "verdict", str(a.verdict().id()), true);
    Evaluation whole = a.whole();
    field(out, 1, "decidedBy", whole == null || whole.decidedBy() == null ? "null"
        : String.valueOf(whole.decidedBy().number()), true);
    field(out, 1, "conflict", String.valueOf(whole != null && whole.conflict()), true);
    field(out, 1, "conflictingTests", whole == null ? "[]" : numbers(whole), true);
    field(out, 1, "tests", whole == null ? "[]" : tests(whole, 1), true);
    field(out, 1, "nearestCase", whole == null ? "null" : nearest(whole.nearest()), true);
    StringBuilder parts = new StringBuilder("[");
    for (int i = 0; i < a.parts().size(); i++) {
      Assessment.PartResult p = a.parts().get(i);
      Evaluation e = p.evaluation();
      parts.append(i == 0 ? "\n" : ",\n").append(indent(2)).append("{\n");
      field(parts, 3, "name", str(p.name()), true);
      field(parts, 3, "verdict", str(e.verdict().id()), true);
      field(parts, 3, "decidedBy", e.decidedBy() == null ? "null"
          : String.valueOf(e.decidedBy().number()), true);
      field(parts, 3, "conflict", String.valueOf(e.conflict()), true);
      field(parts, 3, "conflictingTests", numbers(e), true);
      field(parts, 3, "tests", tests(e, 3), true);
      field(parts, 3, "nearestCase", nearest(e.nearest()), false);
      parts.append(indent(2)).append('}');
    }
    parts.append(a.parts().isEmpty() ? "]" : "\n" + indent(1) + "]");
    field(out, 1, "parts", parts.toString(), false);
    out.append("}\n");
    return out.toString();
  }

  private static String tests(Evaluation e, int level) {
    StringBuilder out = new StringBuilder("[\n");
    List<Outcome> outcomes = e.outcomes();
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      out.append(indent(level + 1)).append("{\"test\": ").append(o.question().number())
          .append(", \"key\": ").append(str(o.question().key()))
          .append(", \"answer\": ").append(o.answer() == null ? "null" : str(o.answer().word()))
          .append(", \"vote\": ").append(o.vote() == null ? "null" : str(o.vote().id()))
          .append(", \"source\": ").append(str(o.source().id()));
      if (o.cue() != null) {
        out.append(", \"cue\": ").append(str(o.cue()));
      }
      out.append('}').append(i + 1 < outcomes.size() ? ",\n" : "\n");
    }
    return out.append(indent(level)).append(']').toString();
  }

  private static String nearest(NearestCase n) {
    if (n == null) {
      return "null";
    }
    return "{\"id\": " + str(n.commonCase().id()) + ", \"primitive\": "
        + str(n.commonCase().primitive().id()) + ", \"agrees\": " + n.agrees()
        + ", \"declared\": " + n.declared() + "}";
  }

  private static String numbers(Evaluation e) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < e.conflicting().size(); i++) {
      out.append(i == 0 ? "" : ", ").append(e.conflicting().get(i).number());
    }
    return out.append(']').toString();
  }

  private static void field(StringBuilder out, int level, String key, String value, boolean comma) {
    out.append(indent(level)).append(str(key)).append(": ").append(value)
        .append(comma ? ",\n" : "\n");
  }

  private static String indent(int level) {
    return "  ".repeat(level);
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
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
