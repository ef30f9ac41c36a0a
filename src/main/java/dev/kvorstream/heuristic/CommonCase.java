package dev.kvorstream.heuristic;

import dev.kvorstream.model.Answer;
import dev.kvorstream.model.Primitive;
import dev.kvorstream.model.Question;
import java.util.List;
import java.util.Map;

/**
 * One row of the common-cases table: what the heuristic recommends for a well-known kind of
 * path, the reasons, the answer profile that characterises it (a question may be absent
 * when the case does not pin it), and the words that suggest it.
 *
 * @param seed whether the row belongs to the heuristic's own table (the others extend it)
 * @param settles answers that vote against the case's primitive although they are normal
 *     for this kind of path: a conflict made only of these is explained by the case
 * @param advice what to build instead of a split when the case explains a conflict, or null
 * @param names phrases that name the case outright ("audit trail", "heartbeat"): when a
 *     design's words hold one and the design neither names a case nor gives the profile's
 *     answers, the profile's answers are inferred from that phrase
 */
public record CommonCase(
    String id,
    String name,
    Primitive primitive,
    String primitiveLabel,
    String reasons,
    Map<Question, Answer> profile,
    List<Cues.Cue> cues,
    boolean seed,
    Map<Question, Answer> settles,
    String advice,
    List<Cues.Cue> names) {

  public CommonCase {
    profile = Map.copyOf(profile);
    cues = List.copyOf(cues);
    names = List.copyOf(names);
    settles = Map.copyOf(settles);
    if (settles.isEmpty() != (advice == null)) {
      throw new IllegalArgumentException(id + ": a case that settles conflicts says how");
    }
  }

  /**
   * Whether this case explains a conflict: the verdict is the case's primitive and every
   * disagreeing test gave an answer the case expects to disagree.
   */
  public boolean settles(Primitive verdict, Map<Question, Answer> disagreeing) {
    return verdict == primitive && !disagreeing.isEmpty() && !settles.isEmpty()
        && disagreeing.entrySet().stream().allMatch(e -> settles.get(e.getKey()) == e.getValue());
  }

  /** The profile's answer to {@code question}, or null. */
  public Answer expected(Question question) {
    return profile.get(question);
  }
}
