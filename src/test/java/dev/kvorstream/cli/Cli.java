package dev.kvorstream.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs the program in-process, as the tests' user: a working folder, a fixed clock. */
final class Cli {

  record Result(int code, String out, String err) {}

  static final Clock NOV_26 = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

  private Cli() {}

  static Result run(Path workingDir, String... args) {
    return runWithInput(workingDir, "", args);
  }

  static Result runWithInput(Path workingDir, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), NOV_26, workingDir);
    return new Result(code, out.toString(), err.toString());
  }
}
