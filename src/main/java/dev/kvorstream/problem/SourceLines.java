package dev.kvorstream.problem;

/** Picks one line out of a text, whatever its line ends (LF, CRLF or CR). */
final class SourceLines {

  private SourceLines() {}

  static String line(String text, int line) {
    if (text == null || line < 1) {
      return null;
    }
    int current = 1;
    int start = 0;
    int length = text.length();
    for (int i = 0; i < length && current < line; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
          i++;
        }
        current++;
        start = i + 1;
      }
    }
    if (current != line) {
      return null;
    }
    int end = start;
    while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return text.substring(start, end);
  }
}
