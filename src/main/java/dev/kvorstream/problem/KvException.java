package dev.kvorstream.problem;

import java.util.List;

/**
 * The one exception that leaves a step for the command line: it carries the exit code and,
 * for bad input, every diagnostic found (not just the first).
 */
public final class KvException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final transient List<Diagnostic> diagnostics;

  private KvException(int exitCode, String message, List<Diagnostic> diagnostics, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Bad input: exit code 2, one diagnostic per problem. */
  public static KvException badInput(List<Diagnostic> diagnostics) {
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("bad input needs at least one diagnostic");
    }
    return new KvException(ExitCode.BAD_INPUT, diagnostics.get(0).headline(), diagnostics, null);
  }

  public static KvException badInput(Diagnostic diagnostic) {
    return badInput(List.of(diagnostic));
  }

  /** Bad usage without a position: exit code 2. */
  public static KvException usage(String message) {
    return new KvException(ExitCode.BAD_INPUT, message, List.of(), null);
  }

  /** A failure while running (I/O, template): exit code 3. */
  public static KvException failed(String message, Throwable cause) {
    return new KvException(ExitCode.FAILED, message, List.of(), cause);
  }

  public int exitCode() {
    return exitCode;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
