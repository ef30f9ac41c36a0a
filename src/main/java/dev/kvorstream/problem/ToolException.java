package dev.kvorstream.problem;

import java.util.List;

/**
 * The one exception that leaves a step for the command line: it carries the exit code and,
 * for bad input, every diagnostic found (not just the first).
 */
public final class ToolException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final transient List<Diagnostic> diagnostics;

  private ToolException(int exitCode, String message, List<Diagnostic> diagnostics, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Bad input: exit code 2, one diagnostic per problem. */
  public static ToolException badInput(List<Diagnostic> diagnostics) {
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("bad input needs at least one diagnostic");
    }
    return new ToolException(ExitCode.BAD_INPUT, diagnostics.get(0).headline(), diagnostics, null);
  }

  public static ToolException badInput(Diagnostic diagnostic) {
    return badInput(List.of(diagnostic));
  }

  /** Bad usage without a position: exit code 2. */
  public static ToolException usage(String message) {
    return new ToolException(ExitCode.BAD_INPUT, message, List.of(), null);
  }

  /** A failure while running (I/O, template): exit code 3. */
  public static ToolException failed(String message, Throwable cause) {
    return new ToolException(ExitCode.FAILED, message, List.of(), cause);
  }

  public int exitCode() {
    return exitCode;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
