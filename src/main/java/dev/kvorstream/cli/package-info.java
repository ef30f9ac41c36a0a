/**
 * The command line: picocli commands that parse options and call the steps (load, decide,
 * log, render, write). {@link dev.kvorstream.cli.Main#run} returns the exit code; only
 * {@code main} exits.
 */
package dev.kvorstream.cli;
