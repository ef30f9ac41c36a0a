package dev.kvorstream.render;

import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers, booleans and nulls as indented JSON, keys in map
 * order. A list of plain values, and a map whose values are all plain, stay on one line.
 */
public final class Json {

  private Json() {}

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0);
    return out.append('\n').toString();
  }

  private static boolean plain(Object x) {
    return x == null || x instanceof String || x instanceof Number || x instanceof Boolean;
  }

  private static void write(StringBuilder out, Object value, int level) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      out.append(JsonReport.str(s));
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      if (map.values().stream().allMatch(Json::plain)) {
        out.append('{');
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.append(JsonReport.str(String.valueOf(e.getKey()))).append(": ");
          write(out, e.getValue(), level);
          out.append(++i < map.size() ? ", " : "");
        }
        out.append('}');
        return;
      }
      out.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append("  ".repeat(level + 1)).append(JsonReport.str(String.valueOf(e.getKey()))).append(": ");
        write(out, e.getValue(), level + 1);
        out.append(++i < map.size() ? ",\n" : "\n");
      }
      out.append("  ".repeat(level)).append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      boolean flat = list.stream().allMatch(Json::plain);
      if (flat) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          write(out, list.get(i), level);
          out.append(i + 1 < list.size() ? ", " : "");
        }
        out.append(']');
        return;
      }
      out.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        out.append("  ".repeat(level + 1));
        write(out, list.get(i), level + 1);
        out.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      out.append("  ".repeat(level)).append(']');
    } else {
      throw new IllegalArgumentException("not JSON: " + value.getClass());
    }
  }
}
