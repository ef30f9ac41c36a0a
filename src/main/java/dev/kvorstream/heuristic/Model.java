package dev.kvorstream.heuristic;

import dev.kvorstream.model.Question;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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

  /** A feature's five weights, or null when the model has none for it. */
  private final Function<String, double[]> weights;
  private final double[] margins;

  Model(Map<String, double[]> weights, double[] margins) {
    this(weights::get, margins);
  }

  private Model(Function<String, double[]> weights, double[] margins) {
    this.weights = weights;
    this.margins = margins.clone();
  }

  /** The model of the resource {@code model.tsv}. */
  static Model load() {
    try (InputStream in = Model.class.getResourceAsStream("model.tsv")) {
      if (in == null) {
        throw new IllegalStateException("missing resource model.tsv");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a model without taking it apart: the feature lines are in the order of their names
   * (the trainer writes them so; a line out of order is an error), so a feature's line is
   * found by binary search and its weights are parsed only when a text has that feature. A
   * text has a few dozen features and the model tens of thousands, so a run that decides one
   * text reads little more than the file (docs/performance.md).
   */
  static Model parse(String text) {
    int targets = Target.values().length;
    List<Integer> starts = new ArrayList<>();
    double[] margins = null;
    double[] bias = null;
    int n = 0;
    for (int at = 0; at < text.length(); ) {
      int end = text.indexOf('\n', at);
      if (end < 0) {
        end = text.length();
      }
      n++;
      if (end > at && text.charAt(at) != '#') {
        int tabs = 0;
        for (int i = text.indexOf('\t', at); i >= 0 && i < end; i = text.indexOf('\t', i + 1)) {
          tabs++;
        }
        if (tabs != targets) {
          throw new IllegalStateException("model.tsv:" + n + ": expected " + (targets + 1) + " tab-separated fields");
        }
        if (text.startsWith(MARGIN + "\t", at)) {
          margins = values(text, at);
        } else if (text.startsWith(BIAS + "\t", at)) {
          bias = values(text, at);
        } else {
          if (!starts.isEmpty() && compareLines(text, starts.get(starts.size() - 1), at) >= 0) {
            throw new IllegalStateException("model.tsv:" + n + ": feature out of order");
          }
          starts.add(at);
        }
      }
      at = end + 1;
    }
    if (margins == null) {
      throw new IllegalStateException("model.tsv: no margin line");
    }
    int[] lines = starts.stream().mapToInt(Integer::intValue).toArray();
    double[] constant = bias;
    return new Model(name -> {
      if (name.equals(BIAS)) {
        return constant;
      }
      int lo = 0;
      int hi = lines.length - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = compare(text, lines[mid], name);
        if (c == 0) {
          return values(text, lines[mid]);
        }
        if (c < 0) {
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return null;
    }, margins);
  }

  /** The feature name of the line at {@code at} against {@code name}, as {@link String#compareTo}. */
  private static int compare(String text, int at, String name) {
    int i = 0;
    for (; at + i < text.length() && text.charAt(at + i) != '\t'; i++) {
      if (i == name.length()) {
        return 1;
      }
      int d = text.charAt(at + i) - name.charAt(i);
      if (d != 0) {
        return d;
      }
    }
    return i - name.length();
  }

  /** The feature names of the lines at {@code a} and {@code b}, as {@link String#compareTo}. */
  private static int compareLines(String text, int a, int b) {
    for (int i = 0; ; i++) {
      char x = text.charAt(a + i);
      char y = text.charAt(b + i);
      if (x == '\t' || y == '\t') {
        return x == y ? 0 : x == '\t' ? -1 : 1;
      }
      if (x != y) {
        return x - y;
      }
    }
  }

  /** The weights of the line at {@code at}: the fields after its feature's name. */
  private static double[] values(String text, int at) {
    double[] values = new double[Target.values().length];
    int field = text.indexOf('\t', at);
    for (int i = 0; i < values.length; i++) {
      int end = text.indexOf(i + 1 < values.length ? '\t' : '\n', field + 1);
      values[i] = Double.parseDouble(text.substring(field + 1, end < 0 ? text.length() : end));
      field = end;
    }
    return values;
  }

  /** The margin a score must pass (either way) for the model to answer. */
  public double margin(Target target) {
    return margins[target.ordinal()];
  }

  /** The score of a text's features for one target. */
  public Score score(Target target, List<Features.Found> features) {
    int t = target.ordinal();
    double scale = scale(features.size());
    double[] bias = weights.apply(BIAS);
    double sum = bias == null ? 0 : bias[t];
    List<Contribution> parts = new ArrayList<>();
    for (Features.Found f : features) {
      double[] w = weights.apply(f.name());
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
  static final int FLOOR = 24;

  /** A weight as the resource writes it: three decimals, no locale, and a zero as "0". */
  static String format(double value) {
    String s = String.format(Locale.ROOT, "%.3f", value);
    return s.equals("0.000") || s.equals("-0.000") ? "0" : s;
  }
}
