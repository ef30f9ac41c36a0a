package dev.kvorstream.heuristic;

import dev.kvorstream.model.Answer;
import dev.kvorstream.model.Question;
import dev.kvorstream.model.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cross-validated figures of inference on the training texts, for choosing features, word
 * classes and rules without any text the model is later measured on. Each text is decided by
 * the real {@link Inference} (and {@link Heuristic}) with a model trained without its fold,
 * and counted right, wrong or undecided, per labelled set and per style; the answered tests
 * are counted against the answers the sets give.
 *
 * <p>Run with the test class path: {@code InferenceCrossValidation [--by-set] [--misses]}.
 * Without {@code --by-set} the folds are the trainer's five grouped folds
 * ({@link InferenceFolds}); with it, each labelled set of its own author is left out in turn
 * and decided by a model trained on all the others, the nearest thing to a set nobody tuned
 * on.
 */
final class InferenceCrossValidation {

  private InferenceCrossValidation() {}

  /** Right, wrong and undecided of a group of texts, and answered tests right and wrong. */
  static final class Count {
    int right;
    int wrong;
    int undecided;
    int testsRight;
    int testsWrong;

    int size() {
      return right + wrong + undecided;
    }

    @Override
    public String toString() {
      int n = Math.max(1, size());
      return String.format(Locale.ROOT, "%4d  right %4d (%5.1f%%)  wrong %3d (%4.1f%%)  undecided %3d (%4.1f%%)"
          + "  | tests answered %d, wrong %d", size(), right, 100.0 * right / n, wrong, 100.0 * wrong / n,
          undecided, 100.0 * undecided / n, testsRight + testsWrong, testsWrong);
    }
  }

  /** Where {@code --dump} writes one line per text (set, style, label, decision, words, classes, text). */
  static java.io.PrintStream DUMP;

  /** The sets written each by its own author (the older sets were tuned with the cue words). */
  static boolean authored(InferenceData.Example e) {
    return !InferenceData.OLDER.contains(e.set());
  }

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--floors")) {
      floors();
      return;
    }
    boolean bySet = Arrays.asList(args).contains("--by-set");
    boolean misses = Arrays.asList(args).contains("--misses");
    InferenceTrainer trainer = new InferenceTrainer(InferenceData.training());
    List<InferenceData.Example> examples = trainer.examples();
    double[] margins = trainer.margins(trainer.crossValidated());
    int at = Arrays.asList(args).indexOf("--margin");
    if (at >= 0) {
      margins[0] = Double.parseDouble(args[at + 1]);
    }
    System.out.println("margins " + Arrays.toString(margins) + "; near-duplicate groups "
        + InferenceFolds.sharedGroups(examples));
    int[] folds;
    int k;
    List<String> sets = examples.stream().map(InferenceData.Example::set).distinct().toList();
    if (bySet) {
      folds = examples.stream().mapToInt(e -> authored(e) ? sets.indexOf(e.set()) : -1).toArray();
      k = sets.size();
    } else {
      folds = trainer.folds();
      k = InferenceTrainer.FOLDS;
    }
    // the grouped folds were fitted for the margins already; only left-out sets need new fits
    List<double[][]> weights = bySet ? java.util.stream.IntStream.range(0, k).parallel()
        .mapToObj(f -> Arrays.stream(folds).anyMatch(x -> x == f) ? trainer.fitWithout(folds, f) : null)
        .toList() : trainer.foldWeights();
    if (Arrays.asList(args).contains("--sweep")) {
      for (int step = 0; step <= 12; step++) {
        double[] m = margins.clone();
        m[0] = step * 0.1;
        Count c = report(trainer, folds, weights, m, false, false);
        System.out.printf(Locale.ROOT, "  margin %.2f: %s%n", m[0], c);
      }
    }
    System.out.println(bySet ? "left out one set at a time:" : "out of fold (" + k + " grouped folds):");
    if (Arrays.asList(args).contains("--dump")) {
      try {
        DUMP = new java.io.PrintStream("target/inference-cv.tsv", "UTF-8");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    report(trainer, folds, weights, margins, misses, true);
  }

  /**
   * Prints {@code inference/floors.csv} for the committed model: per set (the training sets,
   * then the blind ones) its right share rounded down and its wrong share rounded up to a
   * tenth of a percent.
   */
  static void floors() {
    List<String> names = new ArrayList<>(InferenceData.sets());
    names.addAll(InferenceData.BLIND);
    System.out.println("set,right,wrong");
    for (String name : names) {
      InferenceAccuracyTest.Tally t = InferenceAccuracyTest.tally(name, InferenceData.read(name), false);
      System.out.printf(Locale.ROOT, "%s,%.1f,%.1f%n", name, Math.floor(t.rightShare() * 10 + 1e-9) / 10,
          Math.max(0, Math.ceil(t.wrongShare() * 10 - 1e-9) / 10));
    }
  }

  /**
   * The out-of-fold figures of the authored sets with the trainer's five grouped folds and its
   * margins, printed per set and style: what {@code docs/inference.md} reports.
   */
  static Count outOfFold() {
    InferenceTrainer trainer = InferenceTrainer.shared();
    double[] margins = trainer.margins(trainer.crossValidated());
    int[] folds = trainer.folds();
    List<double[][]> weights = trainer.foldWeights();
    System.out.println("out of fold (" + InferenceTrainer.FOLDS + " grouped folds), margin " + margins[0] + ":");
    return report(trainer, folds, weights, margins, false, true);
  }

  /** Decides every text with the model of its fold and counts; prints per set and style if asked. */
  static Count report(InferenceTrainer trainer, int[] folds, List<double[][]> weights, double[] margins,
      boolean misses, boolean print) {
    List<InferenceData.Example> examples = trainer.examples();
    Verdict[] decided = new Verdict[examples.size()];
    double[] scores = new double[examples.size()];
    String[] testScores = new String[examples.size()];
    List<Map<Question, Answer>> answered = new ArrayList<>();
    examples.forEach(e -> answered.add(Map.of()));
    Catalogue catalogue = Catalogue.load();
    Map<String, Object> cueData = DataFiles.read("cues.yaml");
    for (int fold = 0; fold < weights.size(); fold++) {
      if (weights.get(fold) == null) {
        continue;
      }
      Model model = trainer.model(weights.get(fold), margins);
      Inference inference = new Inference(cueData, model);
      Heuristic heuristic = new Heuristic(() -> inference, catalogue);
      for (int i = 0; i < examples.size(); i++) {
        if (folds[i] == fold) {
          Evaluation ev = heuristic.evaluate(Map.of(), examples.get(i).text(), true, null);
          decided[i] = ev.verdict();
          List<Features.Found> found = inference.features(Cues.tokens(examples.get(i).text()));
          scores[i] = model.score(Model.Target.VERDICT, found).value();
          StringBuilder t = new StringBuilder();
          for (Model.Target target : Model.Target.values()) {
            t.append(String.format(Locale.ROOT, "%.4f ", model.score(target, found).value()));
          }
          testScores[i] = t.toString().strip();
          Map<Question, Answer> a = new EnumMap<>(Question.class);
          ev.outcomes().stream().filter(o -> o.answered()).forEach(o -> a.put(o.question(), o.answer()));
          answered.set(i, a);
        }
      }
    }
    Map<String, Count> bySetCount = new TreeMap<>();
    Map<String, Count> byStyle = new TreeMap<>();
    Count all = new Count();
    for (int i = 0; i < examples.size(); i++) {
      InferenceData.Example e = examples.get(i);
      if (decided[i] == null || !authored(e)) {
        continue;
      }
      String what = decided[i] == e.verdict() ? "right" : decided[i] == Verdict.UNDECIDED ? "undecided" : "wrong";
      for (Count c : List.of(bySetCount.computeIfAbsent(e.set(), s -> new Count()),
          byStyle.computeIfAbsent(e.style(), s -> new Count()), all)) {
        switch (what) {
          case "right" -> c.right++;
          case "wrong" -> c.wrong++;
          default -> c.undecided++;
        }
        answered.get(i).forEach((q, a) -> {
          Answer label = e.answers().get(q);
          if (label != null) {
            if (label == a) {
              c.testsRight++;
            } else {
              c.testsWrong++;
            }
          }
        });
      }
      if (DUMP != null) {
        List<String> classes = new Inference(DataFiles.read("cues.yaml"), null).features(Cues.tokens(e.text())).stream()
            .map(Features.Found::name).filter(n -> n.startsWith("k:") || n.startsWith("fk:")).toList();
        DUMP.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%.4f\t%d\t%s\t%s\t%s%n", e.set(), e.style(), e.verdict().id(), decided[i].id(), scores[i],
            Cues.tokens(e.text()).stream().filter(t -> !t.equals(Cues.SENTENCE)).count(), String.join(" ", classes), e.text(), testScores[i]);
      }
      if (misses && !what.equals("right")) {
        System.out.printf("  %-9s %-16s (%s) [%s, %s] %s%n", what, decided[i].id(), e.verdict().id(), e.set(),
            e.style(), e.text());
      }
    }
    if (!print) {
      return all;
    }
    bySetCount.forEach((s, c) -> System.out.printf("  set   %-18s %s%n", s, c));
    byStyle.forEach((s, c) -> System.out.printf("  style %-18s %s%n", s, c));
    System.out.printf("  all   %-18s %s%n", "", all);
    return all;
  }
}
