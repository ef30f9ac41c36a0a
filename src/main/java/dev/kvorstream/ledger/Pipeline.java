package dev.kvorstream.ledger;

import dev.kvorstream.design.DesignLoader;
import dev.kvorstream.heuristic.Heuristic;
import java.nio.file.Path;

/**
 * The first steps of the pipeline, set up one way for every command, the MCP server and the
 * live preview: load designs (knowing the case ids), assess them (inferring omitted answers
 * or not), and read a decisions folder into a log.
 *
 * @param heuristic the heuristic and its case catalogue
 * @param infer whether omitted answers are inferred from a design's words
 */
public record Pipeline(Heuristic heuristic, boolean infer) {

  /** The pipeline with the built-in heuristic. */
  public static Pipeline standard(boolean infer) {
    return new Pipeline(Heuristic.standard(), infer);
  }

  /** A loader that accepts the catalogue's case ids. */
  public DesignLoader loader() {
    return new DesignLoader(heuristic.catalogue().ids());
  }

  public Assessor assessor() {
    return new Assessor(heuristic, infer);
  }

  /** The decisions folder {@code dir} (named {@code display} in messages) as it is on disk. */
  public Folder read(Path dir, String display) {
    return Folder.read(dir, display, loader());
  }

  /** The log of a folder read already. */
  public DecisionLog log(Folder folder) {
    return DecisionLog.build(folder, assessor());
  }
}
