package dev.kvorstream.ledger;

import dev.kvorstream.model.Design;
import dev.kvorstream.model.Ref;
import dev.kvorstream.model.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits of design files that keep everything else as it was: comments, order, quoting,
 * line ends. Each edit works on the text and touches only the characters it must.
 */
public final class Edits {

  private static final Pattern STATUS = Pattern.compile("(?m)^status:([ \\t]*)([^#\\r\\n]*?)([ \\t]*(#[^\\r\\n]*)?)$");
  private static final Pattern TITLE = Pattern.compile("(?m)^title:[^\\r\\n]*(\\r?\\n)");

  private Edits() {}

  /** The design text with its top-level status set to {@code status}. */
  public static String setStatus(String text, Status status) {
    Matcher m = STATUS.matcher(text);
    if (m.find()) {
      String gap = m.group(1).isEmpty() ? " " : m.group(1);
      return text.substring(0, m.start()) + "status:" + gap + status.word() + m.group(3)
          + text.substring(m.end());
    }
    Matcher t = TITLE.matcher(text);
    String newline = text.contains("\r\n") ? "\r\n" : "\n";
    if (t.find()) {
      return text.substring(0, t.end()) + "status: " + status.word() + t.group(1) + text.substring(t.end());
    }
    return "status: " + status.word() + newline + text;
  }

  /**
   * The design text with each reference to {@code from} (in supersedes, related, amends)
   * changed to {@code to}, at the positions the loader recorded.
   */
  public static String renumberReferences(String text, Design design, int from, int to) {
    List<Ref> refs = new ArrayList<>();
    for (Ref r : design.supersedes()) {
      if (r.number() == from) {
        refs.add(r);
      }
    }
    for (Ref r : design.related()) {
      if (r.number() == from) {
        refs.add(r);
      }
    }
    for (Ref r : design.amends()) {
      if (r.number() == from) {
        refs.add(r);
      }
    }
    refs.sort(Comparator.comparingInt((Ref r) -> r.at().line()).thenComparingInt(r -> r.at().column()).reversed());
    String[] lines = text.split("(?<=\\n)", -1);
    for (Ref r : refs) {
      int index = r.at().line() - 1;
      String line = lines[index];
      int col = r.at().column() - 1;
      int end = col;
      while (end < line.length() && (Character.isDigit(line.charAt(end)) || line.charAt(end) == '_')) {
        end++;
      }
      lines[index] = line.substring(0, col) + to + line.substring(end);
    }
    return String.join("", lines);
  }
}
