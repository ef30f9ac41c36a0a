package dev.kvorstream.problem;

/** The exit codes of the contract, by meaning (never by enum order). */
public final class ExitCode {
  /** Done. */
  public static final int OK = 0;
  /** {@code generate --check} found drift, or {@code check} found a problem. */
  public static final int FINDINGS = 1;
  /** Bad usage or bad input. */
  public static final int BAD_INPUT = 2;
  /** Something failed while running (I/O, a broken template). */
  public static final int FAILED = 3;

  private ExitCode() {}
}
