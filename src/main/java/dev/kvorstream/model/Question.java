package dev.kvorstream.model;

import java.util.List;

/**
 * The four tests, in the order they are applied. Each has a key (the YAML and JSON name)
 * and two answer words: one votes for a KV watch, the other for a JetStream stream. The
 * wording shown to people lives in the templates.
 */
public enum Question {
  RESTART(1, "restart", "Restart"),
  DELIVERY(2, "delivery", "Fan-out or queue"),
  PROCESSING(3, "processing", "Processing"),
  NATURE(4, "nature", "Nature");

  private final int number;
  private final String key;
  private final String title;

  Question(int number, String key, String title) {
    this.number = number;
    this.key = key;
    this.title = title;
  }

  /** The test's short name as pages and ADRs show it (the templates' {@code testName}). */
  public String title() {
    return title;
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
