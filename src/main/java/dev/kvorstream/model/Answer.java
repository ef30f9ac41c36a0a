package dev.kvorstream.model;

import java.util.ArrayList;
import java.util.List;

/** The eight answer words, two per question, each with the primitive it votes for. */
public enum Answer {
  REPROCESS(Question.RESTART, "reprocess", Primitive.KV_WATCH),
  RESUME(Question.RESTART, "resume", Primitive.JETSTREAM_STREAM),
  FAN_OUT(Question.DELIVERY, "fan-out", Primitive.KV_WATCH),
  QUEUE(Question.DELIVERY, "queue", Primitive.JETSTREAM_STREAM),
  FAST(Question.PROCESSING, "fast", Primitive.KV_WATCH),
  SLOW(Question.PROCESSING, "slow", Primitive.JETSTREAM_STREAM),
  FACT(Question.NATURE, "fact", Primitive.KV_WATCH),
  REQUEST(Question.NATURE, "request", Primitive.JETSTREAM_STREAM);

  private final Question question;
  private final String word;
  private final Primitive vote;

  Answer(Question question, String word, Primitive vote) {
    this.question = question;
    this.word = word;
    this.vote = vote;
  }

  public Question question() {
    return question;
  }

  /** The exact word a design uses. */
  public String word() {
    return word;
  }

  public Primitive vote() {
    return vote;
  }

  /** The answer to {@code question} spelled {@code word}, or null. */
  public static Answer of(Question question, String word) {
    for (Answer a : values()) {
      if (a.question == question && a.word.equals(word)) {
        return a;
      }
    }
    return null;
  }

  static List<Answer> of(Question question) {
    List<Answer> answers = new ArrayList<>(2);
    for (Answer a : values()) {
      if (a.question == question) {
        answers.add(a);
      }
    }
    return List.copyOf(answers);
  }
}
