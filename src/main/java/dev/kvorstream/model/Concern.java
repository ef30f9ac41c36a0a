package dev.kvorstream.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a design (or one of its parts) says about the four tests: the given answers, one
 * line of reasoning per test, and the common case it declares (or null).
 */
public record Concern(Map<Question, Answer> answers, Map<Question, String> why, String caseId) {

  public static final Concern EMPTY = new Concern(Map.of(), Map.of(), null);

  public Concern {
    answers = Collections.unmodifiableMap(answers.isEmpty()
        ? new EnumMap<>(Question.class) : new EnumMap<>(answers));
    why = Collections.unmodifiableMap(why.isEmpty()
        ? new EnumMap<>(Question.class) : new EnumMap<>(why));
  }
}
