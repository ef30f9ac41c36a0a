package dev.kvorstream.cli;

import dev.kvorstream.args.Parsed;

/** A subcommand's work: given its parsed line and the session, returns the exit code. */
interface Command {

  /**
   * Runs the command.
   *
   * @throws dev.kvorstream.args.ArgsException when a value does not fit (exit 2, with the
   *     command's help hint)
   * @throws Exception anything else, reported by {@link Main#report}
   */
  int run(Parsed args, Session session) throws Exception;
}
