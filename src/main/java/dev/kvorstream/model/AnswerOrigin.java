package dev.kvorstream.model;

/** Where a test's answer came from. */
public enum AnswerOrigin {
  GIVEN("given"),
  INFERRED("inferred"),
  UNKNOWN("unknown");

  private final String id;

  AnswerOrigin(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
