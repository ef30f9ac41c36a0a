package dev.kvorstream.heuristic;

import dev.kvorstream.model.Question;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The learned part of inference: five linear scores over a text's {@link Features}, one for
 * the verdict and one per test, each positive for the KV side (reprocess, fan-out, fast,
 * fact) and negative for the stream side. The weights are trained from the labelled
 * descriptions by a test-scope program ({@code InferenceTrainer}) and stored in the resource
 * {@code model.tsv}: one line per feature, its name and its five weights (verdict, restart,
 * delivery, processing, nature) separated by tabs; the line {@code margin} holds the five
 * abstention margins and the feature {@code bias} the constant terms. A contribution is its
 * weight times {@link #scale}, so a long text does not win by length alone.
 */
public final class Model {

  /** What a score is for: the verdict, or one of the four tests. */
  public enum Target {
    VERDICT("verdict"), RESTART("restart"), DELIVERY("delivery"), PROCESSING("processing"), NATURE("nature");

    private final String key;

    Target(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    static Target of(Question q) {
      return values()[q.ordinal() + 1];
    }
  }

  /** One feature's part in a score: positive toward the KV side. */
  public record Contribution(Features.Found feature, double value) {}

  /** A score and the contributions it was summed from, in the order of the features. */
  public record Score(double value, List<Contribution> parts) {}

  static final String BIAS = "bias";
  static final String MARGIN = "margin";

  private final Map<String, double[]> weights;
  private final double[] margins;

  Model(Map<String, double[]> weights, double[] margins) {
    this.weights = weights;
    this.margins = margins.clone();
  }

  /** The model of the resource {@code model.tsv}. */
  static Model load() {
    try (InputStream in = Model.class.getResourceAsStream("model.tsv")) {
      if (in == null) {
        throw new IllegalStateException("missing resource model.tsv");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Model parse(BufferedReader reader) throws IOException {
    int targets = Target.values().length;
    Map<String, double[]> weights = new HashMap<>(8192);
    double[] margins = null;
    int n = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      n++;
      if (line.isEmpty() || line.charAt(0) == '#') {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != targets + 1) {
        throw new IllegalStateException("model.tsv:" + n + ": expected " + (targets + 1) + " tab-separated fields");
      }
      double[] values = new double[targets];
      for (int i = 0; i < targets; i++) {
        values[i] = Double.parseDouble(fields[i + 1]);
      }
      if (fields[0].equals(MARGIN)) {
        margins = values;
      } else {
        weights.put(fields[0], values);
      }
    }
    if (margins == null) {
      throw new IllegalStateException("model.tsv: no margin line");
    }
    return new Model(weights, margins);
  }

  /** The margin a score must pass (either way) for the model to answer. */
  public double margin(Target target) {
    return margins[target.ordinal()];
  }

  /** The score of a text's features for one target. */
  public Score score(Target target, List<Features.Found> features) {
    int t = target.ordinal();
    double scale = scale(features.size());
    double[] bias = weights.get(BIAS);
    double sum = bias == null ? 0 : bias[t];
    List<Contribution> parts = new ArrayList<>();
    for (Features.Found f : features) {
      double[] w = weights.get(f.name());
      if (w != null && w[t] != 0) {
        double c = w[t] * scale;
        sum += c;
        parts.add(new Contribution(f, c));
      }
    }
    return new Score(sum, parts);
  }

  /** A score's contributions, strongest first (ties by feature name). */
  static List<Contribution> strongestFirst(Score score) {
    List<Contribution> sorted = new ArrayList<>(score.parts());
    sorted.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.value()))
        .thenComparing(c -> c.feature().name()));
    return sorted;
  }

  /**
   * What each feature's weight is multiplied by in a text with {@code features} features: one
   * over the square root of that number, but never more than for {@link #FLOOR} features, so
   * a text of two words cannot speak as loudly as a sentence.
   */
  static double scale(int features) {
    return 1.0 / StrictMath.sqrt(Math.max(FLOOR, features));
  }

  /** The fewest features a text is scaled for. */
  static final int FLOOR = 48;

  /** A weight as the resource writes it: three decimals, no locale, and a zero as "0". */
  static String format(double value) {
    String s = String.format(Locale.ROOT, "%.3f", value);
    return s.equals("0.000") || s.equals("-0.000") ? "0" : s;
  }
}
