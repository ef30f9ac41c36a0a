package dev.kvorstream.heuristic;

import dev.kvorstream.model.Answer;
import dev.kvorstream.model.Primitive;
import dev.kvorstream.model.Question;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The common-cases table (resource {@code cases.yaml}), in its published order, and the
 * search for the case nearest to a design.
 */
public final class Catalogue {

  private final Map<String, CommonCase> byId;
  private final Cues.Index<CommonCase> cues;

  Catalogue(List<CommonCase> cases) {
    Map<String, CommonCase> map = new LinkedHashMap<>();
    List<Cues.Owned<CommonCase>> owned = new ArrayList<>();
    for (CommonCase c : cases) {
      if (map.put(c.id(), c) != null) {
        throw new IllegalStateException("case id used twice: " + c.id());
      }
      for (Cues.Cue cue : c.cues()) {
        owned.add(new Cues.Owned<>(c, cue));
      }
    }
    this.byId = map;
    this.cues = new Cues.Index<>(owned);
  }

  static Catalogue load() {
    List<CommonCase> cases = new ArrayList<>();
    for (Object item : DataFiles.list(DataFiles.read("cases.yaml").get("cases"))) {
      Map<String, Object> row = DataFiles.map(item);
      Map<Question, Answer> profile = answers(row.get("profile"));
      Map<Question, Answer> settles =
          row.containsKey("settles") ? answers(row.get("settles")) : Map.of();
      List<Cues.Cue> cues = new ArrayList<>();
      for (Object phrase : DataFiles.list(row.get("cues"))) {
        cues.add(Cues.Cue.of((String) phrase));
      }
      cases.add(new CommonCase(
          (String) row.get("id"),
          (String) row.get("name"),
          Primitive.fromId((String) row.get("primitive")),
          (String) row.get("label"),
          (String) row.get("reasons"),
          profile,
          cues,
          Boolean.TRUE.equals(row.get("seed")),
          settles,
          (String) row.get("advice")));
    }
    return new Catalogue(cases);
  }

  private static Map<Question, Answer> answers(Object data) {
    Map<Question, Answer> answers = new EnumMap<>(Question.class);
    DataFiles.map(data).forEach((key, word) -> {
      Question q = Question.byKey(key);
      Answer a = q == null ? null : Answer.of(q, (String) word);
      if (a == null) {
        throw new IllegalStateException("cases.yaml: bad answer " + key + ": " + word);
      }
      answers.put(q, a);
    });
    return answers;
  }

  public List<CommonCase> cases() {
    return List.copyOf(byId.values());
  }

  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  /** The case with this id, or null. */
  public CommonCase byId(String id) {
    return byId.get(id);
  }

  /**
   * The case that best fits these answers and words: two points per answer that matches
   * the case's profile or is one the case settles (an answer that would otherwise conflict),
   * minus two per answer that contradicts the profile, one per cue word of the case in the
   * text. The first case in table order wins a tie; nothing is returned when
   * no case scores above zero.
   */
  public CommonCase nearest(Map<Question, Answer> answers, List<String> tokens) {
    Map<CommonCase, Integer> words = new LinkedHashMap<>();
    for (Cues.Match<CommonCase> m : cues.select(tokens)) {
      words.merge(m.owner(), m.cue().length(), Integer::sum);
    }
    CommonCase best = null;
    int bestScore = 0;
    for (CommonCase c : byId.values()) {
      int score = words.getOrDefault(c, 0);
      for (Map.Entry<Question, Answer> e : answers.entrySet()) {
        Answer expected = c.expected(e.getKey());
        if (expected != null) {
          score += expected == e.getValue() ? 2 : -2;
        } else if (c.settles().get(e.getKey()) == e.getValue()) {
          score += 2;   // an answer the case explains (durable fan-out: every subscriber reacts) fits it
        }
      }
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }
}
