package dev.kvorstream.cli;

import java.io.PrintWriter;
import java.time.Instant;

/**
 * Phase timings for profiling, printed to stderr when the system property
 * {@code kvorstream.timing} is set ({@code java -Dkvorstream.timing -jar ...}); silent
 * otherwise, so output stays deterministic.
 */
final class Timing {

  private final PrintWriter err;
  private final boolean on = System.getProperty("kvorstream.timing") != null;
  private long last = System.nanoTime();
  private static final long STARTED = ProcessHandle.current().info().startInstant()
      .map(Instant::toEpochMilli).orElse(System.currentTimeMillis());

  Timing(PrintWriter err) {
    this.err = err;
  }

  void phase(String name) {
    long now = System.nanoTime();
    if (on) {
      err.printf(java.util.Locale.ROOT, "timing: %-10s %6d ms  (%d ms since the process started)%n", name,
          (now - last) / 1_000_000, System.currentTimeMillis() - STARTED);
    }
    last = now;
  }
}
