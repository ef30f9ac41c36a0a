package dev.kvorstream.heuristic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The folds of the cross-validation, grouped so that near-duplicates never sit on both sides
 * of a fold: two texts whose content words (stems, function words left out) overlap by at
 * least half of their union are one group, and so is everything linked through such pairs.
 * Groups are numbered in the order of their first text and dealt round the folds, so the
 * folds mix every labelled set and style.
 */
final class InferenceFolds {

  /** Words that say nothing about the path: left out before texts are compared. */
  private static final Set<String> FUNCTION_WORDS = Set.of(
      "a", "an", "the", "of", "from", "to", "for", "in", "on", "at", "by", "with", "and", "or", "it", "its",
      "is", "are", "be", "was", "as", "that", "this", "we", "our", "s", "t", "i", "my", "so", "if", "when",
      "each", "per", "every", "all", "can", "should", "do", "does", "need", "want", "must", "will");

  /** The overlap (shared content stems over all of them) from which two texts are near-duplicates. */
  static final double NEAR = 0.5;

  private InferenceFolds() {}

  /** The fold, in {@code [0, k)}, of each example. */
  static int[] grouped(List<InferenceData.Example> examples, int k) {
    int n = examples.size();
    // Each text's content stems as sorted ids, and per stem the texts that have it, so that
    // only pairs sharing a stem are compared (the same pairs join as comparing every pair).
    Map<String, Integer> ids = new HashMap<>();
    int[][] words = new int[n][];
    List<List<Integer>> having = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Set<String> content = content(examples.get(i).text());
      words[i] = new int[content.size()];
      int at = 0;
      for (String w : content) {
        int id = ids.computeIfAbsent(w, x -> ids.size());
        if (id == having.size()) {
          having.add(new ArrayList<>());
        }
        having.get(id).add(i);
        words[i][at++] = id;
      }
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    int[] shared = new int[n];
    List<Integer> met = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int w : words[i]) {
        for (int j : having.get(w)) {
          if (j > i && shared[j]++ == 0) {
            met.add(j);
          }
        }
      }
      for (int j : met) {
        if ((double) shared[j] / (words[i].length + words[j].length - shared[j]) >= NEAR) {
          parent[root(parent, j)] = root(parent, i);
        }
        shared[j] = 0;
      }
      met.clear();
    }
    Map<Integer, Integer> groupNumber = new HashMap<>();
    int[] fold = new int[n];
    for (int i = 0; i < n; i++) {
      int g = groupNumber.computeIfAbsent(root(parent, i), r -> groupNumber.size());
      fold[i] = g % k;
    }
    return fold;
  }

  /** How many groups of more than one text there are (for the report). */
  static int sharedGroups(List<InferenceData.Example> examples) {
    int[] one = grouped(examples, Integer.MAX_VALUE);
    Map<Integer, Integer> size = new HashMap<>();
    for (int g : one) {
      size.merge(g, 1, Integer::sum);
    }
    return (int) size.values().stream().filter(s -> s > 1).count();
  }

  static Set<String> content(String text) {
    Set<String> out = new TreeSet<>();
    for (String t : Cues.tokens(text)) {
      if (!t.equals(Cues.SENTENCE) && !FUNCTION_WORDS.contains(t)) {
        out.add(Features.stem(t));
      }
    }
    return out;
  }

  static double overlap(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int shared = 0;
    for (String w : a) {
      shared += b.contains(w) ? 1 : 0;
    }
    return (double) shared / (a.size() + b.size() - shared);
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
