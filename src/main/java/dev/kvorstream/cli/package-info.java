/**
 * The command line, on picocli's programmatic model: each command builds its own grammar
 * ({@link dev.kvorstream.cli.Command#spec}) from the parts in {@link dev.kvorstream.cli.Grammar},
 * reads the parse into one immutable options record, checks the options against each other
 * there, and calls the steps (load, decide, log, render, write) through a
 * {@link dev.kvorstream.cli.Workspace}. Only the command that runs is built; the whole
 * grammar only for the program's help and shell completion.
 * {@link dev.kvorstream.cli.Main#run} returns the exit code; only {@code main} exits.
 */
package dev.kvorstream.cli;
