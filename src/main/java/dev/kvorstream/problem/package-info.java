/**
 * Problems found in the user's input or while running: positioned diagnostics in the
 * {@code path:line:col: error: message} form, and the one exception type that carries an
 * exit code to the command line's edge.
 */
package dev.kvorstream.problem;
