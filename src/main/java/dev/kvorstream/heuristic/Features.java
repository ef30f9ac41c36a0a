package dev.kvorstream.heuristic;

import dev.kvorstream.model.Answer;
import dev.kvorstream.model.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the learned model reads in a text: named features, each with the words of the text it
 * stands for, so that an inferred answer can quote the words that weighed most.
 *
 * <p>The text is cut into the same tokens as the cue words ({@link Cues#tokens}), and each
 * word is reduced to a crude stem ("charges", "charged", "charging" become "charg"). Then:
 * <ul>
 *   <li>{@code w:STEM} a word; {@code n:STEM} a word within three words after a negation
 *       ("must <em>not</em> run twice"), which says the opposite of the plain word;</li>
 *   <li>{@code b:STEM_STEM} two words in a row ("read by", "latest value"), and
 *       {@code g:STEM_STEM} two words with one between ("shown on the dashboard" gives
 *       "shown_the" and "on_dashboard");</li>
 *   <li>{@code f:STEM} the first word of a sentence, where requests put their verb ("Charge
 *       the card") and facts their noun phrase ("The current price"), {@code f2:} its first
 *       two words, and {@code fs:SUFFIX} the ending of a first word ("Reconciliation of ..."
 *       ends in "tion": an action named as a noun);</li>
 *   <li>{@code c:TEST:ANSWER} a cue phrase of {@code cues.yaml} for that answer,
 *       {@code cv:TEST:ANSWER} the answer the cue words alone would give a test, and
 *       {@code k:CLASS} a phrase of a word class of {@code cues.yaml} ("read by" is a
 *       reader, "charge" an action, "twice" says once), and {@code fk:CLASS} one that opens a
 *       clause the way an imperative does ("Credit 500 points", "please re-run", "we need to
 *       rotate"): a verb of work there asks for work, which the same verb elsewhere may not;
 *       {@code nk:CLASS} a class phrase within three words after a negation ("no replay").</li>
 * </ul>
 * A feature found more than once counts once, with the words of its first occurrence.
 */
public final class Features {

  /** One feature of a text and the token range {@code [start, end)} it was found at. */
  public record Found(String name, int start, int end) {}

  /**
   * Nouns that name a domain, not what the path does: an order, a payment, a ticket or an
   * email can be state that others read or work that one handler does. They give no word
   * feature of their own, not even as a sentence's first word ("Order placed events" is not
   * an imperative); they still take part in pairs ("order placed", "capture the payment"),
   * so no verdict rests on them alone and no ADR names them alone as its reason.
   */
  static final Set<String> DOMAIN_NOUNS = Set.of("order", "orders", "payment", "payments", "ticket",
      "tickets", "email", "emails", "invoice", "invoices", "customer", "customers");

  private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "without", "nor", "cannot");

  private Features() {}

  /**
   * The features of a text given as tokens, in a fixed order (the order they are found), each
   * once.
   *
   * @param cueMatches the cue-phrase matches per test (from {@code cues.yaml}), may be empty
   * @param cueVotes per test, the strongest cue of the answer the cue words alone give
   * @param classes the word-class phrases found (the {@code classes} of {@code cues.yaml})
   */
  public static List<Found> of(List<String> tokens, Map<Question, List<Cues.Match<Answer>>> cueMatches,
      Map<Question, Cues.Match<Answer>> cueVotes, List<Cues.Match<String>> classes) {
    Map<String, Found> out = new LinkedHashMap<>();
    List<String> stems = new ArrayList<>(tokens.size());
    for (String t : tokens) {
      stems.add(t.equals(Cues.SENTENCE) ? t : stem(t));
    }
    int negatedUntil = -1;
    int negationAt = -1;
    boolean[] negated = new boolean[tokens.size()];
    boolean sentenceStart = true;
    for (int i = 0; i < tokens.size(); i++) {
      String s = stems.get(i);
      if (s.equals(Cues.SENTENCE)) {
        sentenceStart = true;
        negatedUntil = -1;
        continue;
      }
      String word = tokens.get(i);
      boolean negation = NEGATIONS.contains(word)
          || (word.equals("t") && i > 0 && tokens.get(i - 1).endsWith("n"));
      if (sentenceStart) {
        if (!DOMAIN_NOUNS.contains(word)) {
          add(out, "f:" + s, i, i + 1);
        }
        if (i + 1 < tokens.size() && !stems.get(i + 1).equals(Cues.SENTENCE)) {
          add(out, "f2:" + s + "_" + stems.get(i + 1), i, i + 2);
        }
        String suffix = suffix(word);
        if (suffix != null) {
          add(out, "fs:" + suffix, i, i + 1);
        }
        sentenceStart = false;
      }
      if (negation) {
        add(out, "w:" + s, i, i + 1);
        negationAt = i;
        negatedUntil = i + 3;
        continue;
      }
      if (i <= negatedUntil) {
        negated[i] = true;
        if (!DOMAIN_NOUNS.contains(word)) {
          add(out, "n:" + s, negationAt, i + 1);
        }
      } else if (!DOMAIN_NOUNS.contains(word)) {
        add(out, "w:" + s, i, i + 1);
      }
      if (i + 1 < tokens.size() && !stems.get(i + 1).equals(Cues.SENTENCE)) {
        add(out, "b:" + s + "_" + stems.get(i + 1), i, i + 2);
        if (i + 2 < tokens.size() && !stems.get(i + 2).equals(Cues.SENTENCE)) {
          add(out, "g:" + s + "_" + stems.get(i + 2), i, i + 3);
        }
      }
    }
    for (Map.Entry<Question, List<Cues.Match<Answer>>> e : cueMatches.entrySet()) {
      for (Cues.Match<Answer> m : e.getValue()) {
        if (m.owner() != null) {
          add(out, "c:" + e.getKey().key() + ":" + m.owner().word(), m.start(), m.end());
        }
      }
    }
    for (Map.Entry<Question, Cues.Match<Answer>> e : cueVotes.entrySet()) {
      Cues.Match<Answer> m = e.getValue();
      add(out, "cv:" + e.getKey().key() + ":" + m.owner().word(), m.start(), m.end());
    }
    for (Cues.Match<String> m : classes) {
      add(out, (negated[m.start()] ? "nk:" : "k:") + m.owner(), m.start(), m.end());
      if (opensClause(tokens, m.start())) {
        add(out, "fk:" + m.owner(), m.start(), m.end());
      }
    }
    return List.copyOf(out.values());
  }

  /** Words after which the next word opens what someone asks for: "please resend", "we need to re-run". */
  private static final Set<String> ASKING = Set.of("please", "pls", "plz");
  private static final Set<String> WANTING = Set.of("want", "wants", "need", "needs", "have", "has", "got");

  /**
   * Whether a word opens a clause the way an imperative does: it starts a sentence, or follows
   * "please", or follows "to" after "want", "need", "have" ("we need to rotate ...").
   */
  static boolean opensClause(List<String> tokens, int at) {
    if (at == 0 || tokens.get(at - 1).equals(Cues.SENTENCE) || ASKING.contains(tokens.get(at - 1))) {
      return true;
    }
    return at >= 2 && tokens.get(at - 1).equals("to") && WANTING.contains(tokens.get(at - 2));
  }

  /**
   * Whether a feature tells something by itself: a cue phrase or a word class of the
   * hand-written vocabulary, or the opening of a sentence (a verb there asks for work, a noun
   * phrase names a thing). A word alone, such as "not", "the" or "two", does not.
   */
  public static boolean telling(String name) {
    return name.startsWith("c:") || name.startsWith("cv:") || name.startsWith("k:") || name.startsWith("fk:")
        || name.startsWith("nk:")
        || name.startsWith("f:") || name.startsWith("f2:");
  }

  private static void add(Map<String, Found> out, String name, int start, int end) {
    out.putIfAbsent(name, new Found(name, start, end));
  }

  /**
   * A crude, fixed stem: plural and verb endings cut so that "charges", "charged" and
   * "charging" meet. Words of four letters or fewer are kept whole.
   */
  public static String stem(String word) {
    String w = word;
    if (w.length() <= 4) {
      return w;
    }
    if (w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("sses")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("ing") && w.length() > 5) {
      return trimE(w.substring(0, w.length() - 3));
    }
    if (w.endsWith("ed") && w.length() > 4) {
      return trimE(w.substring(0, w.length() - 2));
    }
    if (w.endsWith("es") && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes"))) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return trimE(w.substring(0, w.length() - 1));
    }
    return trimE(w);
  }

  private static String trimE(String w) {
    return w.length() > 4 && w.endsWith("e") ? w.substring(0, w.length() - 1) : w;
  }

  /** The telling ending of a word that opens a sentence, or null. */
  static String suffix(String word) {
    for (String s : new String[] {"tion", "sion", "ment", "ing", "ance", "ence", "ity", "ness", "al", "er", "or", "ize", "ise", "ate", "fy"}) {
      if (word.length() > s.length() + 2 && word.endsWith(s)) {
        return s;
      }
    }
    return null;
  }
}
