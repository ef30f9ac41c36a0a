/**
 * The design file: its YAML model (records) and the loader that builds it from
 * snakeyaml-engine's node tree, keeping the position of every value so each problem is
 * reported as {@code path:line:col}, all problems of a file in one run.
 */
package dev.kvorstream.design;
