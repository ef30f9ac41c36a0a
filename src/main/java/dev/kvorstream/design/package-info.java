/**
 * Loading a design file: the loader that builds the records of {@code model} from
 * snakeyaml-engine's node tree, keeping the position of every value so each problem is
 * reported as {@code path:line:col}, all problems of a file in one run.
 */
package dev.kvorstream.design;
