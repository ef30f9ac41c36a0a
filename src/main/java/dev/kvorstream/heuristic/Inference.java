package dev.kvorstream.heuristic;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Infers omitted answers from a design's words. Each answer word has cue phrases (the
 * resource {@code cues.yaml}); per test, the answer whose cues weigh more in the text wins,
 * and a tie leaves the test unanswered. Phrases listed under {@code ignore} take their
 * words out of play without voting ("every time" is not fan-out). The inferred answer names its strongest cue.
 */
public final class Inference {

  /** An inferred answer and the words of the text that led to it. */
  public record Inferred(Answer answer, String cue) {}

  private final Map<Question, Cues.Index<Answer>> cues = new EnumMap<>(Question.class);

  Inference(Map<Question, List<Cues.Owned<Answer>>> cues) {
    cues.forEach((q, list) -> this.cues.put(q, new Cues.Index<>(list)));
  }

  static Inference load() {
    Map<String, Object> data = DataFiles.read("cues.yaml");
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
    return new Inference(cues);
  }

  /** The answers the words suggest, per test; a test without a clear answer is absent. */
  public Map<Question, Inferred> infer(List<String> tokens) {
    Map<Question, Inferred> out = new EnumMap<>(Question.class);
    for (Question q : Question.values()) {
      Inferred inferred = inferOne(q, tokens);
      if (inferred != null) {
        out.put(q, inferred);
      }
    }
    return out;
  }

  private Inferred inferOne(Question question, List<String> tokens) {
    List<Cues.Match<Answer>> matches = cues.get(question).select(tokens);
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
    Answer winner = kv > stream ? answers.get(0) : answers.get(1);
    Cues.Match<Answer> cue = strongest.get(winner);
    return new Inferred(winner, Cues.words(tokens, cue.start(), cue.end()));
  }
}
