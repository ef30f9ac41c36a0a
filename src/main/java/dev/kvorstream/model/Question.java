package dev.kvorstream.model;

import java.util.List;

/**
 * The four tests, in the order they are applied. Each has a key (the YAML and JSON name)
 * and two answer words: one votes for a KV watch, the other for a JetStream stream. The
 * wording shown to people lives in the templates.
 */
public enum Question {
  RESTART(1, "restart"),
  DELIVERY(2, "delivery"),
  PROCESSING(3, "processing"),
  NATURE(4, "nature");

  private final int number;
  private final String key;

  Question(int number, String key) {
    this.number = number;
    this.key = key;
  }

  public int number() {
    return number;
  }

  public String key() {
    return key;
  }

  /** The two answers to this question: the KV one first. */
  public List<Answer> answers() {
    return Answer.of(this);
  }

  public static Question byKey(String key) {
    for (Question q : values()) {
      if (q.key.equals(key)) {
        return q;
      }
    }
    return null;
  }

  public static Question byNumber(int number) {
    for (Question q : values()) {
      if (q.number == number) {
        return q;
      }
    }
    throw new IllegalArgumentException("no test " + number);
  }
}
