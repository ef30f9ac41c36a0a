package dev.kvorstream.heuristic;

import java.util.List;
import java.util.Map;

/**
 * One row of the common-cases table: what the heuristic recommends for a well-known kind of
 * path, the reasons, the answer profile that characterises it (a question may be absent
 * when the case does not pin it), and the words that suggest it.
 */
public record CommonCase(
    String id,
    String name,
    Primitive primitive,
    String primitiveLabel,
    String reasons,
    Map<Question, Answer> profile,
    List<Cues.Cue> cues) {

  public CommonCase {
    profile = Map.copyOf(profile);
    cues = List.copyOf(cues);
  }

  /** The profile's answer to {@code question}, or null. */
  public Answer expected(Question question) {
    return profile.get(question);
  }
}
