package dev.kvorstream.cli;

/**
 * Options that each parse but do not fit together (FILE and --text, say): reported like any
 * other usage error, with the command's help hint, exit 2.
 */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
