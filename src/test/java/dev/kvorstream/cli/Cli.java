package dev.kvorstream.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The one way the tests run the program in-process, as its user: a working folder, standard
 * input, a fixed clock, and what it printed on each stream with its exit code.
 */
public final class Cli {

  /** What a run printed and its exit code. */
  public record Result(int code, String out, String err) {}

  /** "Today" in every test: 2026-11-26. */
  public static final Clock NOV_26 = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

  private Cli() {}

  /** Runs the program in {@code workingDir} with empty standard input. */
  public static Result run(Path workingDir, String... args) {
    return runWithInput(workingDir, "", args);
  }

  /** Runs the program in the current folder (the project's root under Maven). */
  public static Result run(String... args) {
    return run(Path.of(""), args);
  }

  /** Runs the program in {@code workingDir} with {@code stdin} as its standard input. */
  public static Result runWithInput(Path workingDir, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), NOV_26, workingDir);
    return new Result(code, out.toString(), err.toString());
  }
}
