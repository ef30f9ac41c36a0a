package dev.kvorstream.heuristic;

import dev.kvorstream.model.Answer;
import dev.kvorstream.model.AnswerOrigin;
import dev.kvorstream.model.Outcome;
import dev.kvorstream.model.Primitive;
import dev.kvorstream.model.Question;
import dev.kvorstream.model.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The engine: applies the four tests in order. The first answered test decides; any other
 * answered test that votes differently is a conflict. Omitted answers may be inferred from
 * the design's words first; inferred answers count like given ones.
 */
public final class Heuristic {

  private static volatile Heuristic standard;

  private final Supplier<Inference> loadInference;
  private volatile Inference inference;
  private final Catalogue catalogue;

  /** The cue words are read on first use: a design that answers all four tests needs none. */
  Heuristic(Supplier<Inference> loadInference, Catalogue catalogue) {
    this.loadInference = loadInference;
    this.catalogue = catalogue;
  }

  private Inference inference() {
    Inference i = inference;
    if (i == null) {
      synchronized (this) {
        i = inference;
        if (i == null) {
          i = loadInference.get();
          inference = i;
        }
      }
    }
    return i;
  }

  /** The heuristic with the built-in cue words and catalogue, loaded once. */
  public static Heuristic standard() {
    Heuristic h = standard;
    if (h == null) {
      synchronized (Heuristic.class) {
        h = standard;
        if (h == null) {
          h = new Heuristic(Inference::load, Catalogue.load());
          standard = h;
        }
      }
    }
    return h;
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  /**
   * Evaluates one concern.
   *
   * @param given the answers the design states
   * @param words the design's words (title, context, flow) for inference and case matching
   * @param infer whether omitted answers may be inferred from {@code words}
   * @param declaredCase the case id the design names, or null to search for the nearest
   */
  public Evaluation evaluate(
      Map<Question, Answer> given, String words, boolean infer, String declaredCase) {
    return evaluate(given, words, infer, declaredCase, List.of());
  }

  /**
   * Evaluates one concern whose flow names its consumers: two or more different components
   * consuming one path is fan-out, inferred for test 2 when the design does not answer it
   * (before the words are read for it).
   *
   * @param consumers the consumers the design's flow names
   */
  public Evaluation evaluate(Map<Question, Answer> given, String words, boolean infer,
      String declaredCase, List<String> consumers) {
    List<String> distinct = consumers.stream().distinct().toList();
    String flowCue = infer && !given.containsKey(Question.DELIVERY) && distinct.size() > 1
        ? FLOW_CUE + String.join(", ", distinct) : null;
    List<String> tokens = Cues.tokens(words);
    Map<Question, Inference.Inferred> inferred =
        infer && given.size() < Question.values().length ? inference().infer(tokens) : Map.of();
    // a case the words name outright ("audit trail", "heartbeat") is the nearest case when the
    // verdict agrees, and (with inference) answers its profile's tests when the design's
    // answers and the model leave the verdict open. It never overturns a verdict.
    Catalogue.Named named = declaredCase == null ? catalogue.named(tokens) : null;
    if (flowCue != null) {
      Map<Question, Inference.Inferred> withFanOut = new EnumMap<>(Question.class);
      withFanOut.putAll(inferred);
      withFanOut.put(Question.DELIVERY, new Inference.Inferred(Answer.FAN_OUT, flowCue));
      inferred = withFanOut;
    }
    Evaluation e = decide(given, inferred, named, false, tokens, declaredCase);
    if (infer && named != null && e.verdict() == Verdict.UNDECIDED) {
      e = decide(given, inferred, named, true, tokens, declaredCase);
    }
    return e;
  }

  /** How the cue of an answer inferred from the flow's consumers starts; the consumers follow. */
  public static final String FLOW_CUE = "flow.consumers: ";

  /**
   * The outcomes, verdict and nearest case of one set of answers.
   *
   * @param named the case the words name outright, or null
   * @param caseAnswers whether that case's profile answers the tests the design leaves open
   */
  private Evaluation decide(Map<Question, Answer> given, Map<Question, Inference.Inferred> inferred,
      Catalogue.Named named, boolean caseAnswers, List<String> tokens, String declaredCase) {
    List<Outcome> outcomes = new ArrayList<>(4);
    Map<Question, Answer> answered = new EnumMap<>(Question.class);
    for (Question q : Question.values()) {
      Answer a = given.get(q);
      Answer fromCase = caseAnswers ? named.commonCase().expected(q) : null;
      if (a != null) {
        outcomes.add(new Outcome(q, a, AnswerOrigin.GIVEN, null));
        answered.put(q, a);
      } else if (fromCase != null) {
        outcomes.add(new Outcome(q, fromCase, AnswerOrigin.INFERRED, named.phrase()));
        answered.put(q, fromCase);
      } else if (inferred.containsKey(q)) {
        Inference.Inferred i = inferred.get(q);
        outcomes.add(new Outcome(q, i.answer(), AnswerOrigin.INFERRED, i.cue()));
        answered.put(q, i.answer());
      } else {
        outcomes.add(Outcome.unknown(q));
      }
    }
    Question decidedBy = null;
    for (Outcome o : outcomes) {
      if (o.answered()) {
        decidedBy = o.question();
        break;
      }
    }
    Verdict verdict = Verdict.UNDECIDED;
    List<Question> conflicting = new ArrayList<>();
    if (decidedBy != null) {
      Primitive vote = outcomes.get(decidedBy.ordinal()).vote();
      verdict = Verdict.of(vote);
      for (Outcome o : outcomes) {
        if (o.answered() && o.vote() != vote) {
          conflicting.add(o.question());
        }
      }
    }
    NearestCase nearest = named != null && verdict.primitive() == named.commonCase().primitive()
        ? new NearestCase(named.commonCase(), false, true)
        : nearest(answered, tokens, declaredCase, verdict);
    return new Evaluation(outcomes, verdict, decidedBy, conflicting, nearest);
  }

  private NearestCase nearest(
      Map<Question, Answer> answered, List<String> tokens, String declared, Verdict verdict) {
    CommonCase found;
    if (declared != null) {
      found = catalogue.byId(declared);
      if (found == null) {
        throw new IllegalArgumentException("unknown case '" + declared + "'");
      }
    } else {
      found = catalogue.nearest(answered, tokens);
    }
    if (found == null) {
      return null;
    }
    return new NearestCase(found, declared != null, verdict.primitive() == found.primitive());
  }

  /**
   * A split design's verdict: the parts' common verdict; {@code both} when the parts use
   * both primitives; {@code undecided} when there are no parts, or some part is undecided
   * and the rest agree.
   */
  public static Verdict combine(Collection<Verdict> parts) {
    Set<Verdict> distinct = parts.isEmpty() ? EnumSet.noneOf(Verdict.class) : EnumSet.copyOf(parts);
    if (distinct.size() == 1) {
      return distinct.iterator().next();
    }
    if (distinct.contains(Verdict.KV_WATCH) && distinct.contains(Verdict.JETSTREAM_STREAM)) {
      return Verdict.BOTH;
    }
    if (distinct.contains(Verdict.BOTH)) {
      return Verdict.BOTH;
    }
    return Verdict.UNDECIDED;
  }
}
