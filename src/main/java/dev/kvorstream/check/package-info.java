/**
 * What {@code check} finds in a decision log: the problems of the designs, the numbering and
 * the links, and the drift of the generated files on disk. It stands on every stage (it
 * renders, then compares with what the writer would leave), and both the command line and
 * the MCP server report it.
 */
package dev.kvorstream.check;
