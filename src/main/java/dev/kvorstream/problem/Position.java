package dev.kvorstream.problem;

/**
 * A place in a source file: the path as the user named it, a 1-based line and column, and
 * the text of that line (without its line end) for the caret display; {@code line} 0 means
 * the file as a whole.
 */
public record Position(String path, int line, int column, String sourceLine) {

  public Position {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("a position needs a path");
    }
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column are 1-based (0 for the whole file)");
    }
  }

  /** The whole file, with no line to show. */
  public static Position ofFile(String path) {
    return new Position(path, 0, 0, null);
  }

  /** A 1-based line and column inside {@code text}; the column is clamped to the line. */
  public static Position at(String path, String text, int line, int column) {
    String source = SourceLines.line(text, line);
    return new Position(path, line, column, source);
  }

  /** {@code path:line:col} or just {@code path} for the whole file. */
  public String label() {
    return line == 0 ? path : path + ":" + line + ":" + Math.max(column, 1);
  }
}
