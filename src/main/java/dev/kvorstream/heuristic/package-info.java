/**
 * The four-test heuristic (its questions, answers and verdicts are in {@code model}): the
 * verdict with its conflict check, the common-case catalogue, and inference of omitted answers from a
 * design's words. Knows nothing of files, YAML or templates; its data (cue words, the
 * catalogue) lives in resources beside it.
 */
package dev.kvorstream.heuristic;
