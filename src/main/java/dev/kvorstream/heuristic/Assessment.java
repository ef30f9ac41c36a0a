package dev.kvorstream.heuristic;

import dev.kvorstream.model.Verdict;
import java.util.List;

/**
 * The heuristic's answer for a whole design: one evaluation, or one per part when the design
 * is split; the verdict is the evaluation's, or the parts' combined verdict.
 */
public record Assessment(Verdict verdict, Evaluation whole, List<PartResult> parts) {

  /** One part of a split design and its evaluation. */
  public record PartResult(String name, Evaluation evaluation) {}

  public Assessment {
    parts = List.copyOf(parts);
    if ((whole == null) == parts.isEmpty()) {
      throw new IllegalArgumentException("an assessment is whole or split, not both");
    }
  }

  public static Assessment of(Evaluation whole) {
    return new Assessment(whole.verdict(), whole, List.of());
  }

  public static Assessment split(List<PartResult> parts) {
    return new Assessment(
        Heuristic.combine(parts.stream().map(p -> p.evaluation().verdict()).toList()), null, parts);
  }

  public boolean isSplit() {
    return whole == null;
  }
}
