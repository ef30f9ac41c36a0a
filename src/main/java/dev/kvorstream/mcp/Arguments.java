package dev.kvorstream.mcp;

import dev.kvorstream.design.BidiControls;
import dev.kvorstream.problem.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tool call's arguments as the protocol delivered them (JSON values: maps, lists, strings,
 * numbers, booleans), read by field name. Each problem found is collected with the field's
 * name, so one call reports them all.
 */
final class Arguments {

  private final Map<String, Object> values;
  private final List<String> problems;

  Arguments(Map<String, Object> values, List<String> allowed) {
    this(values, allowed, "", new ArrayList<>());
  }

  private Arguments(Map<String, Object> values, List<String> allowed, String prefix, List<String> problems) {
    this.values = values == null ? Map.of() : values;
    this.problems = problems;
    for (String key : this.values.keySet()) {
      if (!allowed.contains(key)) {
        problems.add(prefix + key + ": unknown field; expected one of " + String.join(", ", allowed));
      }
    }
  }

  /** The object in {@code field}, read by its own field names; its problems are collected here. */
  Arguments nested(String field, List<String> allowed) {
    return new Arguments(object(field), allowed, field + ".", problems);
  }

  Object raw(String field) {
    return values.get(field);
  }

  boolean has(String field) {
    return values.get(field) != null;
  }

  void problem(String field, String message) {
    problems.add(field + ": " + message);
  }

  /** The text of a field, or null when it is absent; a problem when it is not text. */
  String text(String field) {
    return text(field, values.get(field));
  }

  String text(String field, Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      problem(field, "must be text, found " + kind(value));
      return null;
    }
    List<Diagnostic> bidi = BidiControls.find(field, s);
    if (!bidi.isEmpty()) {
      problem(field, bidi.get(0).message());
      return null;
    }
    return s;
  }

  /** One line of text, not blank, or null when absent. */
  String line(String field, Object value) {
    String s = text(field, value);
    if (s != null && (s.isBlank() || s.contains("\n") || s.contains("\r"))) {
      problem(field, "must be one line of text, not empty");
      return null;
    }
    return s == null ? null : s.strip();
  }

  /** A map of field names to values, or an empty map when absent. */
  Map<String, Object> object(String field) {
    return object(field, values.get(field));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> object(String field, Object value) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> m)) {
      problem(field, "must be an object, found " + kind(value));
      return Map.of();
    }
    return new LinkedHashMap<>((Map<String, Object>) m);
  }

  /** A list of one-line texts, or an empty list when absent. */
  List<String> lines(String field) {
    Object value = values.get(field);
    return lines(field, value);
  }

  List<String> lines(String field, Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      problem(field, "must be a list of texts, found " + kind(value));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String s = line(field + "[" + i + "]", list.get(i));
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** A list of decision numbers, or an empty list when absent. */
  List<Integer> numbers(String field) {
    Object value = values.get(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      problem(field, "must be a list of decision numbers, e.g. [3], found " + kind(value));
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Integer n = number(field + "[" + i + "]", list.get(i));
      if (n != null) {
        out.add(n);
      }
    }
    return out;
  }

  /** A whole number of at least 1, or null (with a problem when present but not one). */
  Integer number(String field, Object value) {
    if (value == null) {
      problem(field, "missing; give a decision number such as 3");
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && n.doubleValue() >= 1 && n.doubleValue() <= 999_999_999) {
      return n.intValue();
    }
    problem(field, "must be a decision number (a whole number from 1), found " + shown(value));
    return null;
  }

  Integer number(String field) {
    return number(field, values.get(field));
  }

  /** The problems found so far. */
  List<String> problems() {
    return List.copyOf(problems);
  }

  /** Throws the problems found so far, if any. */
  void done() {
    if (!problems.isEmpty()) {
      throw new ToolInputException(problems);
    }
  }

  static String kind(Object value) {
    if (value instanceof String) {
      return "text";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "true or false";
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof Map) {
      return "an object";
    }
    return "null";
  }

  private static String shown(Object value) {
    return value instanceof String s ? "'" + s + "'" : kind(value) + " " + value;
  }
}
