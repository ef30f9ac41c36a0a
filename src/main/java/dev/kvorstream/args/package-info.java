/**
 * The command line's grammar: what each command accepts ({@link dev.kvorstream.args.Syntax}),
 * the parse of one command line ({@link dev.kvorstream.args.Parsed}) and the help text.
 * Declared in plain code, without reflection, so that a short run starts fast.
 */
package dev.kvorstream.args;
