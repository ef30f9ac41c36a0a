package dev.kvorstream.design;

import java.util.Collection;
import java.util.Locale;

/** Finds the valid word nearest to a misspelt one, for "did you mean" hints. */
public final class Suggest {

  private Suggest() {}

  /** The nearest candidate within a small edit distance, or null. */
  public static String nearest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = word.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      int d = distance(lower, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, word.length() / 3);
    if (bestDistance <= allowed) {
      return best;
    }
    if (lower.length() >= 4) {
      for (String c : candidates) {
        if (c.startsWith(lower)) {
          return c;
        }
      }
    }
    return null;
  }

  /** ", did you mean 'x'?" or the empty string. */
  public static String hint(String word, Collection<String> candidates) {
    String near = nearest(word, candidates);
    return near == null ? "" : "; did you mean '" + near + "'?";
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
