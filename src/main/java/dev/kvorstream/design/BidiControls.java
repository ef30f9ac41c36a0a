package dev.kvorstream.design;

import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.KvException;
import dev.kvorstream.problem.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refuses the invisible characters that reorder text on screen (U+202A to U+202E, U+2066
 * to U+2069): in a title or a context they make an ADR or a page read differently from
 * what it says. Every way text enters calls this: design and configuration files when they
 * are decoded, and text given on the command line ({@code new}'s title,
 * {@code decide --text}).
 */
public final class BidiControls {

  private BidiControls() {}

  /** Whether {@code c} is one of the refused characters. */
  public static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }

  /** One problem per refused character in {@code text}, at its line and column. */
  public static List<Diagnostic> find(String path, String text) {
    List<Diagnostic> found = new ArrayList<>();
    if (text.chars().noneMatch(BidiControls::isBidiControl)) {
      return found;
    }
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
        continue;
      }
      if (isBidiControl(c)) {
        // the line is shown under the message: with the character made visible, so that it
        // does not reorder the terminal's display of it
        String shown = Position.at(path, text, line, column).sourceLine();
        found.add(Diagnostic.of(new Position(path, line, column, shown == null ? null : visible(shown)),
            message(c)));
      }
      column++;
    }
    return found;
  }

  /**
   * Refuses text given on the command line.
   *
   * @param what how the message names the text, e.g. {@code <title>}
   * @throws KvException exit 2, each character at its column, when there is one
   */
  public static void refuse(String what, String text) {
    List<Diagnostic> found = find(what, text);
    if (!found.isEmpty()) {
      throw KvException.badInput(found);
    }
  }

  private static String visible(String line) {
    StringBuilder out = new StringBuilder(line.length());
    line.chars().forEach(c -> out.append(isBidiControl(c) ? '\uFFFD' : (char) c));
    return out.toString();
  }

  private static String message(char c) {
    return String.format(Locale.ROOT, "invisible character U+%04X (%s) reorders the text on screen, so"
        + " it would read differently from what it says; remove it", (int) c,
        Character.getName(c).toLowerCase(Locale.ROOT));
  }
}
