package dev.kvorstream.args;

/** A command line that does not fit its command's syntax; the message says what is wrong. */
public final class ArgsException extends Exception {

  private static final long serialVersionUID = 1L;

  public ArgsException(String message) {
    super(message);
  }
}
