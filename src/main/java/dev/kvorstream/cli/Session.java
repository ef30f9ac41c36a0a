package dev.kvorstream.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What a run of the program works with, so tests can supply their own: the writers, standard
 * input, the clock for "today", and the folder relative paths start from.
 */
public record Session(PrintWriter out, PrintWriter err, InputStream in, Clock clock, Path workingDir) {

  /** A path the user typed, resolved against the working folder. */
  public Path resolve(String path) {
    return workingDir.resolve(path).normalize();
  }
}
