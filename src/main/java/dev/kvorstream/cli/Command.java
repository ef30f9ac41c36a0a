package dev.kvorstream.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * A subcommand: its grammar, built only when it runs (or for the program's help and shell
 * completion), and its work. The command keeps the parts of its grammar, reads their values
 * into its options record once the line is parsed, and runs.
 */
interface Command {

  /** The command's grammar, in picocli's programmatic model. */
  CommandSpec spec();

  /**
   * Runs the command on the values the parse of {@link #spec()} gave.
   *
   * @throws UsageException when the options do not fit together (exit 2, with the help hint)
   * @throws Exception anything else, reported by {@link Main#report}
   */
  int run(Session session) throws Exception;
}
