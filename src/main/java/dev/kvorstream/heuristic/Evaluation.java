package dev.kvorstream.heuristic;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The heuristic applied to one concern: the four outcomes in test order, the verdict, the
 * deciding test (null when undecided), the tests that vote against it, and the nearest
 * common case (null when nothing resembles one).
 */
public record Evaluation(
    List<Outcome> outcomes,
    Verdict verdict,
    Question decidedBy,
    List<Question> conflicting,
    NearestCase nearest) {

  public Evaluation {
    outcomes = List.copyOf(outcomes);
    conflicting = List.copyOf(conflicting);
    if (outcomes.size() != Question.values().length) {
      throw new IllegalArgumentException("an evaluation has one outcome per test");
    }
    if ((decidedBy == null) != (verdict == Verdict.UNDECIDED)) {
      throw new IllegalArgumentException("a verdict is decided exactly when a test decided it");
    }
  }

  public boolean conflict() {
    return !conflicting.isEmpty();
  }

  public Outcome outcome(Question question) {
    return outcomes.get(question.ordinal());
  }

  /** Answered tests that vote with the deciding one, the deciding test excluded. */
  public List<Question> agreeing() {
    return outcomes.stream()
        .filter(o -> o.answered() && o.question() != decidedBy && verdict.primitive() == o.vote())
        .map(Outcome::question)
        .toList();
  }

  /**
   * Whether the nearest case explains the conflict (an audit trail's facts kept on a stream,
   * say), so that its pattern is the advice rather than a split.
   */
  public boolean conflictSettled() {
    if (!conflict() || nearest == null) {
      return false;
    }
    Map<Question, Answer> disagreeing = new EnumMap<>(Question.class);
    for (Question q : conflicting) {
      disagreeing.put(q, outcome(q).answer());
    }
    return nearest.commonCase().settles(verdict.primitive(), disagreeing);
  }

  /** Tests left unanswered, neither given nor inferred. */
  public List<Question> unanswered() {
    return outcomes.stream().filter(o -> !o.answered()).map(Outcome::question).toList();
  }
}
