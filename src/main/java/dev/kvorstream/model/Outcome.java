package dev.kvorstream.model;

/**
 * One test's result: the answer (null when unanswered), where it came from, and for an
 * inferred answer the words that led to it.
 */
public record Outcome(Question question, Answer answer, AnswerOrigin origin, String cue) {

  public Outcome {
    if (question == null || origin == null) {
      throw new IllegalArgumentException("an outcome needs its question and origin");
    }
    if ((answer == null) != (origin == AnswerOrigin.UNKNOWN)) {
      throw new IllegalArgumentException("an answer is unknown exactly when it is missing");
    }
    if (answer != null && answer.question() != question) {
      throw new IllegalArgumentException(answer + " does not answer " + question);
    }
    if ((cue != null) != (origin == AnswerOrigin.INFERRED)) {
      throw new IllegalArgumentException("only an inferred answer names its cue");
    }
  }

  public static Outcome unknown(Question question) {
    return new Outcome(question, null, AnswerOrigin.UNKNOWN, null);
  }

  public boolean answered() {
    return answer != null;
  }

  /** The primitive this test votes for, or null when unanswered. */
  public Primitive vote() {
    return answer == null ? null : answer.vote();
  }
}
