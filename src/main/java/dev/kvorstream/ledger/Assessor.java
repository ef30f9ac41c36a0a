package dev.kvorstream.ledger;

import dev.kvorstream.heuristic.Assessment;
import dev.kvorstream.heuristic.Heuristic;
import dev.kvorstream.model.Design;
import dev.kvorstream.model.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies the heuristic to a design: to the design itself, or to each of its parts. */
public final class Assessor {

  private final Heuristic heuristic;
  private final boolean infer;

  public Assessor(Heuristic heuristic, boolean infer) {
    this.heuristic = heuristic;
    this.infer = infer;
  }

  public Assessment assess(Design design) {
    if (!design.split()) {
      return Assessment.of(heuristic.evaluate(design.concern().answers(), design.words(), infer,
          design.concern().caseId(), design.flow() == null ? List.of() : design.flow().consumers()));
    }
    List<Assessment.PartResult> parts = new ArrayList<>();
    for (Part part : design.parts()) {
      String words = part.name() + "\n" + part.context();
      parts.add(new Assessment.PartResult(part.name(), heuristic.evaluate(
          part.concern().answers(), words, infer, part.concern().caseId())));
    }
    return Assessment.split(parts);
  }

  /** Evaluates a free-text description of a path: inference only. */
  public Assessment assessText(String description) {
    return Assessment.of(heuristic.evaluate(Map.of(), description, true, null));
  }
}
