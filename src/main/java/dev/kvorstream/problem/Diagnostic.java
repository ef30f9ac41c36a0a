package dev.kvorstream.problem;

/**
 * One problem at one place. {@link #format()} gives the contract's shape: the
 * {@code path:line:col: error: message} line, then the source line and a caret under the
 * column where there is one.
 */
public record Diagnostic(Position position, String message) implements Comparable<Diagnostic> {

  public Diagnostic {
    if (position == null || message == null || message.isBlank()) {
      throw new IllegalArgumentException("a diagnostic needs a position and a message");
    }
  }

  public static Diagnostic of(Position position, String message) {
    return new Diagnostic(position, message);
  }

  /** The one-line form, without the source excerpt. */
  public String headline() {
    return position.label() + ": error: " + message;
  }

  /** The headline, then the source line and a caret (tabs kept so the caret lines up). */
  public String format() {
    StringBuilder out = new StringBuilder(headline());
    String source = position.sourceLine();
    if (source != null && position.line() > 0) {
      out.append('\n').append(source.stripTrailing()).append('\n');
      int column = Math.max(1, Math.min(position.column(), source.length() + 1));
      for (int i = 0; i < column - 1; i++) {
        out.append(source.charAt(i) == '\t' ? '\t' : ' ');
      }
      out.append('^');
    }
    return out.toString();
  }

  @Override
  public int compareTo(Diagnostic other) {
    int byPath = position.path().compareTo(other.position.path());
    if (byPath != 0) {
      return byPath;
    }
    int byLine = Integer.compare(position.line(), other.position.line());
    if (byLine != 0) {
      return byLine;
    }
    return Integer.compare(position.column(), other.position.column());
  }
}
