package dev.kvorstream.mcp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The field a line of a block-style YAML text belongs to, such as {@code answers.restart}. */
final class Fields {

  private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z][\\w-]*):(?:\\s|$)");

  private Fields() {}

  /** The dotted path of keys enclosing {@code line} (1-based), or {@code design} when none. */
  static String at(String text, int line) {
    String[] lines = text.split("\n", -1);
    Deque<String> path = new ArrayDeque<>();
    int indent = Integer.MAX_VALUE;
    for (int i = Math.min(line, lines.length) - 1; i >= 0 && indent > 0; i--) {
      Matcher m = KEY.matcher(lines[i]);
      if (m.find() && m.group(1).length() < indent) {
        indent = m.group(1).length();
        path.push(m.group(2));
      }
    }
    return path.isEmpty() ? "design" : String.join(".", path);
  }
}
