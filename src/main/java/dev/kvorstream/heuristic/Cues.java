package dev.kvorstream.heuristic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cue phrases and how they are found in text. Text and cues are cut into the same lowercase
 * word tokens (anything but a letter or digit separates words), so "fan-out" in a cue
 * matches "fan out" and "Fan-Out" in a description. A cue word ending in {@code *} matches
 * any word starting with the rest ("execut*" finds "executes" and "execution"); a cue word
 * {@code ?} matches any one word ("every ? node" finds "every router node"). A cue that
 * starts with {@code ^} matches only at the start of the text or of a sentence, where a
 * request is usually an imperative ("^issue" finds "Issue a certificate ..."). A cue that
 * starts with {@code ~} is weak: it counts half, so it only settles a tie.
 */
public final class Cues {

  private Cues() {}

  /** What separates the words of a cue phrase (compiled once: there are hundreds of phrases). */
  private static final Pattern NOT_A_CUE_WORD = Pattern.compile("[^a-z0-9*?]+");

  /** A cue phrase as written and its tokens. */
  public record Cue(String phrase, List<String> tokens, boolean anchored, boolean weak) {
    public Cue {
      tokens = List.copyOf(tokens);
      if (tokens.isEmpty() || tokens.stream().allMatch(t -> t.equals("?"))) {
        throw new IllegalArgumentException("a cue needs at least one word: '" + phrase + "'");
      }
    }

    public static Cue of(String phrase) {
      String text = phrase.strip();
      boolean weak = text.startsWith("~");
      if (weak) {
        text = text.substring(1);
      }
      boolean anchored = text.startsWith("^");
      List<String> words = new ArrayList<>();
      for (String part : NOT_A_CUE_WORD.split(text.toLowerCase(Locale.ROOT))) {
        if (!part.isEmpty()) {
          words.add(part);
        }
      }
      return new Cue(phrase, words, anchored, weak);
    }

    /** How many words of the text this cue covers. */
    public int length() {
      return tokens.size();
    }

    /**
     * How much this cue counts: two per word, so a longer phrase beats its parts; a weak
     * cue counts one per word.
     */
    public int weight() {
      return weak ? tokens.size() : 2 * tokens.size();
    }

    boolean matchesAt(List<String> text, int start) {
      if (start + tokens.size() > text.size()) {
        return false;
      }
      if (anchored && start != 0 && !text.get(start - 1).equals(SENTENCE)) {
        return false;
      }
      for (int i = 0; i < tokens.size(); i++) {
        String want = tokens.get(i);
        String have = text.get(start + i);
        boolean ok = want.equals("?") || (want.endsWith("*")
            ? have.startsWith(want.substring(0, want.length() - 1))
            : have.equals(want));
        if (!ok) {
          return false;
        }
      }
      return true;
    }
  }

  /** One place where a cue was found: the token range {@code [start, end)}. */
  public record Match<T>(T owner, Cue cue, int start, int end) {}

  /** The token that stands for a sentence end or a line break; no cue word matches it. */
  static final String SENTENCE = ".";

  /**
   * Lowercase word tokens of a text, with a {@link #SENTENCE} token at each sentence end
   * (., !, ?, ;, :), line break, arrow ("ready -> notify"), em dash and dash between spaces
   * ("excursion - open a deviation"), so cues never match across sentences and {@code ^} cues
   * find sentence starts.
   */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : '\n';
      boolean word = Character.isLetterOrDigit(c);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(lower.substring(start, i));
        start = -1;
      }
      boolean end = c == '\n' || c == ';' || c == '!' || c == '?' || c == '>' || c == '\u2014'
          || ((c == '.' || c == ':') && (i + 1 >= lower.length() || Character.isWhitespace(lower.charAt(i + 1))))
          || ((c == '-' || c == '\u2013') && i > 0 && Character.isWhitespace(lower.charAt(i - 1))
              && i + 1 < lower.length() && Character.isWhitespace(lower.charAt(i + 1)));
      if (end && i < lower.length() && !out.isEmpty() && !out.get(out.size() - 1).equals(SENTENCE)) {
        out.add(SENTENCE);
      }
    }
    return out;
  }

  /** The words of a token range, sentence marks left out. */
  public static String words(List<String> tokens, int start, int end) {
    return String.join(" ", tokens.subList(start, end));
  }

  /**
   * Cues compiled for matching: indexed by their first word, so each position of a text is
   * tried only against the cues that can start there (those whose first word is that word,
   * a prefix of it, or {@code ?}).
   */
  public static final class Index<T> {
    private final Map<String, List<Owned<T>>> exact = new HashMap<>();
    private final List<Owned<T>> prefixed = new ArrayList<>();
    private final List<Owned<T>> any = new ArrayList<>();

    public Index(List<Owned<T>> cues) {
      for (Owned<T> owned : cues) {
        String first = owned.cue().tokens().get(0);
        if (first.equals("?")) {
          any.add(owned);
        } else if (first.endsWith("*")) {
          prefixed.add(owned);
        } else {
          exact.computeIfAbsent(first, k -> new ArrayList<>()).add(owned);
        }
      }
    }

    /**
     * Every occurrence of the cues in {@code text}, then a non-overlapping selection:
     * longer cues first, then earlier ones, so "must not be repeated" claims its words
     * before "repeated" can.
     */
    public List<Match<T>> select(List<String> text) {
      List<Match<T>> all = new ArrayList<>();
      for (int i = 0; i < text.size(); i++) {
        String word = text.get(i);
        collect(exact.getOrDefault(word, List.of()), text, i, all);
        for (Owned<T> owned : prefixed) {
          String first = owned.cue().tokens().get(0);
          if (word.startsWith(first.substring(0, first.length() - 1))) {
            collect(List.of(owned), text, i, all);
          }
        }
        collect(any, text, i, all);
      }
      all.sort(Comparator.<Match<T>>comparingInt(m -> -(m.end() - m.start()))
          .thenComparingInt(Match::start));
      boolean[] taken = new boolean[text.size()];
      List<Match<T>> chosen = new ArrayList<>();
      for (Match<T> m : all) {
        boolean free = true;
        for (int i = m.start(); i < m.end(); i++) {
          free &= !taken[i];
        }
        if (free) {
          for (int i = m.start(); i < m.end(); i++) {
            taken[i] = true;
          }
          chosen.add(m);
        }
      }
      chosen.sort(Comparator.comparingInt(Match::start));
      return chosen;
    }

    private void collect(List<Owned<T>> candidates, List<String> text, int at, List<Match<T>> into) {
      for (Owned<T> owned : candidates) {
        if (owned.cue().matchesAt(text, at)) {
          into.add(new Match<>(owned.owner(), owned.cue(), at, at + owned.cue().length()));
        }
      }
    }
  }

  /** A cue and what it stands for (an answer, a case). */
  public record Owned<T>(T owner, Cue cue) {}
}
