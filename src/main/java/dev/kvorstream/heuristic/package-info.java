/**
 * The four-test heuristic: the questions and their answer words, the verdict with its
 * conflict check, the common-case catalogue, and inference of omitted answers from a
 * design's words. Knows nothing of files, YAML or templates; its data (cue words, the
 * catalogue) lives in resources beside it.
 */
package dev.kvorstream.heuristic;
