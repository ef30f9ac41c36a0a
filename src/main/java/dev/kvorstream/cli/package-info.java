/**
 * The command line: each command declares its syntax ({@link dev.kvorstream.args.Syntax}),
 * reads its parsed options and calls the steps (load, decide, log, render, write).
 * {@link dev.kvorstream.cli.Main#run} returns the exit code; only {@code main} exits.
 */
package dev.kvorstream.cli;
