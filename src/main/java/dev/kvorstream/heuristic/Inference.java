package dev.kvorstream.heuristic;

import dev.kvorstream.model.Answer;
import dev.kvorstream.model.Question;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Infers omitted answers from a design's words, in two steps.
 *
 * <p>First the cue phrases of {@code cues.yaml} are found in the text (per test, each answer
 * has its phrases; longer phrases claim their words first, and phrases under {@code ignore}
 * claim words without voting). Then the learned {@link Model} weighs the text's
 * {@link Features} (its words, word pairs, sentence openings, negated words, those cue
 * phrases and the word classes of {@code cues.yaml}) into a verdict score and one score per
 * test.
 *
 * <p>When the verdict score does not {@link #decides decide} (it is within the model's
 * margin, or short of {@link #STRONG} when nothing of the hand-written vocabulary or a
 * sentence opening weighs on its side, or the text is a terse phrase naming a kind of
 * message, {@link #vague}), nothing is inferred:
 * the evidence is weak and an honest "undecided" beats a wrong verdict. Otherwise each test
 * whose own score agrees with the verdict by at least its margin is answered, and the others
 * are left open (their question settles them); when no test passes its margin, the test that
 * agrees most is answered. An inferred answer never disagrees with the verdict score, and it
 * names the words of the text that weighed most for it.
 */
public final class Inference {

  /** An inferred answer and the words of the text that led to it. */
  public record Inferred(Answer answer, String cue) {}

  /**
   * Words that weigh but say nothing to a reader on their own ("the", "want", "not"); a phrase
   * of only these and single letters (the "e" of "e-filing") is not named.
   */
  static final Set<String> FUNCTION_WORDS = Set.of(
      "a", "an", "the", "of", "from", "to", "for", "in", "on", "at", "by", "with", "and", "or", "it", "its",
      "is", "are", "be", "was", "as", "that", "this", "we", "our", "s", "t", "i", "my", "so", "if", "when",
      "want", "wants", "need", "needs", "not", "no", "nor");

  /** How many phrases of the text an inferred answer names at most. */
  static final int PHRASES = 2;

  private final Map<Question, Cues.Index<Answer>> cues = new EnumMap<>(Question.class);
  private final Cues.Index<String> classes;
  private final Model model;

  Inference(Map<String, Object> cueData, Model model) {
    loadCues(cueData).forEach((q, list) -> this.cues.put(q, new Cues.Index<>(list)));
    this.classes = new Cues.Index<>(loadClasses(cueData));
    this.model = model;
  }

  static Inference load() {
    return new Inference(DataFiles.read("cues.yaml"), Model.load());
  }

  /** The word classes of {@code cues.yaml}, each phrase owned by its class name. */
  static List<Cues.Owned<String>> loadClasses(Map<String, Object> data) {
    List<Cues.Owned<String>> owned = new ArrayList<>();
    DataFiles.map(data.get("classes")).forEach((name, phrases) -> {
      for (Object phrase : DataFiles.list(phrases)) {
        owned.add(new Cues.Owned<>(name, Cues.Cue.of((String) phrase)));
      }
    });
    return owned;
  }

  static Map<Question, List<Cues.Owned<Answer>>> loadCues(Map<String, Object> data) {
    Map<Question, List<Cues.Owned<Answer>>> cues = new EnumMap<>(Question.class);
    for (Question q : Question.values()) {
      List<Cues.Owned<Answer>> owned = new ArrayList<>();
      Map<String, Object> byWord = DataFiles.map(data.get(q.key()));
      for (Answer a : q.answers()) {
        for (Object phrase : DataFiles.list(byWord.get(a.word()))) {
          owned.add(new Cues.Owned<>(a, Cues.Cue.of((String) phrase)));
        }
      }
      for (Object phrase : DataFiles.list(byWord.get("ignore"))) {
        owned.add(new Cues.Owned<>(null, Cues.Cue.of((String) phrase)));
      }
      if (owned.isEmpty()) {
        throw new IllegalStateException("cues.yaml has no cues for " + q.key());
      }
      cues.put(q, List.copyOf(owned));
    }
    return cues;
  }

  /** The features the model reads in a text. */
  List<Features.Found> features(List<String> tokens) {
    Map<Question, List<Cues.Match<Answer>>> matches = new EnumMap<>(Question.class);
    Map<Question, Cues.Match<Answer>> votes = new EnumMap<>(Question.class);
    for (Question q : Question.values()) {
      List<Cues.Match<Answer>> found = cues.get(q).select(tokens);
      matches.put(q, found);
      Cues.Match<Answer> vote = cueVote(q, found);
      if (vote != null) {
        votes.put(q, vote);
      }
    }
    return Features.of(tokens, matches, votes, classes.select(tokens));
  }

  /**
   * The answer the cue phrases alone give a test (the answer whose phrases weigh more; none on
   * a tie), as the strongest phrase of that answer.
   */
  private static Cues.Match<Answer> cueVote(Question question, List<Cues.Match<Answer>> matches) {
    Map<Answer, Integer> weight = new EnumMap<>(Answer.class);
    Map<Answer, Cues.Match<Answer>> strongest = new EnumMap<>(Answer.class);
    for (Cues.Match<Answer> m : matches) {
      if (m.owner() == null) {
        continue;
      }
      weight.merge(m.owner(), m.cue().weight(), Integer::sum);
      Cues.Match<Answer> best = strongest.get(m.owner());
      if (best == null || m.cue().weight() > best.cue().weight()) {
        strongest.put(m.owner(), m);
      }
    }
    List<Answer> answers = question.answers();
    int kv = weight.getOrDefault(answers.get(0), 0);
    int stream = weight.getOrDefault(answers.get(1), 0);
    if (kv == stream) {
      return null;
    }
    return strongest.get(kv > stream ? answers.get(0) : answers.get(1));
  }

  /**
   * Whether a verdict score decides: the text is not {@link #vague}, the score passes the
   * margin, and if no {@link Features#telling} feature (a cue phrase, a word class, a
   * sentence opening) weighs toward the same side ({@code telling} is their weight toward the
   * score's side), it passes {@link #STRONG} as well. A verdict that rests only on plain
   * words or pairs needs strong evidence; a bare or terse phrase is never decided.
   */
  static boolean decides(double score, double telling, double margin, boolean vague) {
    return !vague && Math.abs(score) >= (telling == 0 ? Math.max(margin, STRONG) : margin);
  }

  /** The weight of the telling features toward a score's side. */
  private static double telling(Model.Score score) {
    double sum = 0;
    for (Model.Contribution c : score.parts()) {
      if (Features.telling(c.feature().name()) && (c.value() > 0) == (score.value() > 0)) {
        sum += c.value();
      }
    }
    return sum;
  }

  /** Word classes any of which makes a short phrase naming a kind of message say what it is. */
  private static final List<String> SAYS_WHAT = List.of(
      "k:entity", "k:current", "k:reader", "k:once", "k:worker", "k:replay", "k:slow", "k:job");

  /**
   * Whether a text is too terse to tell: a short phrase (at most {@link #TERSE} words) that
   * names a kind of message ("Patient appointment changes", "Order events for the analytics
   * pipeline", "Price changes from the ERP") and says nothing of who reads it, of one value
   * per thing, of doing work once, of workers, of cost or of schedules, and does not open
   * with a verb; or a bare phrase of at most {@link #BARE} words that names no value. Such a
   * path may be either, and only its answers can tell.
   */
  static boolean vague(List<String> tokens, List<Features.Found> features) {
    long words = tokens.stream().filter(t -> !t.equals(Cues.SENTENCE)).count();
    if (words <= BARE) {
      return features.stream().noneMatch(f -> NAMES_A_VALUE.contains(f.name()));
    }
    if (words > TERSE) {
      return false;
    }
    boolean event = false;
    for (Features.Found f : features) {
      if (SAYS_WHAT.contains(f.name()) || (f.name().equals("k:action") && f.start() == 0)) {
        return false;
      }
      event |= f.name().equals("k:event");
    }
    return event;
  }

  static final int TERSE = 8;

  /**
   * The verdict score a text needs when no telling feature weighs toward its side: about
   * three times the margin. Such texts used to be left undecided whatever their score; left
   * out one writer's set at a time, most of those with a score this large were right
   * (docs/inference.md).
   */
  static final double STRONG = 1.5;

  /**
   * A bare phrase of at most this many words ("order placed", "Stripe webhooks", "meter
   * reading") is not inferred unless a word of it names a value: one per thing, a current
   * value, a state, a lock or lease, or a schedule ("hub online", "email templates").
   */
  static final int BARE = 2;

  private static final List<String> NAMES_A_VALUE = List.of("k:state", "k:entity", "k:current", "k:lease", "k:job");

  /** The answers the words suggest, per test; a test without a clear answer is absent. */
  public Map<Question, Inferred> infer(List<String> tokens) {
    Map<Question, Inferred> out = new EnumMap<>(Question.class);
    List<Features.Found> features = features(tokens);
    Model.Score verdict = model.score(Model.Target.VERDICT, features);
    if (!decides(verdict.value(), telling(verdict), model.margin(Model.Target.VERDICT), vague(tokens, features))) {
      return out;
    }
    boolean kv = verdict.value() > 0;
    Question best = null;
    double bestAgreement = 0;
    Map<Question, Model.Score> scores = new EnumMap<>(Question.class);
    for (Question q : Question.values()) {
      Model.Score s = model.score(Model.Target.of(q), features);
      scores.put(q, s);
      double agreement = kv ? s.value() : -s.value();
      Inferred i = agreement > 0 && agreement >= model.margin(Model.Target.of(q))
          ? inferred(q, kv, s, verdict, tokens) : null;
      if (i != null) {
        out.put(q, i);
      }
      if (agreement > bestAgreement) {
        best = q;
        bestAgreement = agreement;
      }
    }
    Inferred fallback = out.isEmpty() && best != null ? inferred(best, kv, scores.get(best), verdict, tokens) : null;
    if (fallback != null) {
      out.put(best, fallback);
    }
    return out;
  }

  private static Inferred inferred(Question q, boolean kv, Model.Score own, Model.Score verdict, List<String> tokens) {
    Answer answer = q.answers().get(kv ? 0 : 1);
    String cue = phrases(own, kv, tokens);
    if (cue.isEmpty()) {
      cue = phrases(verdict, kv, tokens);
    }
    return cue.isEmpty() ? null : new Inferred(answer, cue);
  }

  /**
   * The words of the strongest contributions toward one side, at most {@link #PHRASES}, none
   * overlapping another and none of function words alone, strongest first, separated by
   * commas.
   */
  static String phrases(Model.Score score, boolean kv, List<String> tokens) {
    List<int[]> spans = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (Model.Contribution c : Model.strongestFirst(score)) {
      if (words.size() == PHRASES) {
        break;
      }
      if ((c.value() > 0) != kv) {
        continue;
      }
      int start = c.feature().start();
      int end = c.feature().end();
      if (tokens.subList(start, end).stream().allMatch(w -> FUNCTION_WORDS.contains(w) || w.length() == 1)) {
        continue;
      }
      boolean overlaps = false;
      for (int[] s : spans) {
        overlaps |= start < s[1] && s[0] < end;
      }
      if (!overlaps) {
        spans.add(new int[] {start, end});
        words.add(Cues.words(tokens, start, end));
      }
    }
    return String.join(", ", words);
  }
}
