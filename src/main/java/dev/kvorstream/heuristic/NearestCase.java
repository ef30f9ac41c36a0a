package dev.kvorstream.heuristic;

/**
 * The common case a design is compared with: the one it declares, or the best match by
 * answers and words; {@code agrees} when the verdict names the case's primitive.
 */
public record NearestCase(CommonCase commonCase, boolean declared, boolean agrees) {

  public NearestCase {
    if (commonCase == null) {
      throw new IllegalArgumentException("a nearest case needs its case");
    }
  }
}
