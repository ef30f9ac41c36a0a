package dev.kvorstream.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.model.AnswerOrigin;
import dev.kvorstream.model.Outcome;
import dev.kvorstream.model.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inference alone (no given answers) on the labelled descriptions of
 * {@code src/test/resources/inference/}: right, wrong (the other primitive, or a primitive
 * where an expert could not tell) and undecided. The floors are regression floors at the
 * figures measured when the model was trained; {@code docs/inference.md} reports them.
 */
class InferenceAccuracyTest {

  /** Right, wrong and undecided counts of one set. */
  record Tally(int right, int wrong, int undecided) {
    int size() {
      return right + wrong + undecided;
    }

    double rightShare() {
      return 100.0 * right / size();
    }

    double wrongShare() {
      return 100.0 * wrong / size();
    }

    Tally plus(Tally o) {
      return new Tally(right + o.right, wrong + o.wrong, undecided + o.undecided);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d of %d right (%.1f%%), %d wrong (%.1f%%), %d undecided",
          right, size(), rightShare(), wrong, wrongShare(), undecided);
    }
  }

  static Tally tally(String name, List<InferenceData.Example> set, boolean print) {
    Heuristic heuristic = Heuristic.standard();
    int right = 0;
    int wrong = 0;
    int undecided = 0;
    List<String> misses = new ArrayList<>();
    for (InferenceData.Example e : set) {
      Verdict v = heuristic.evaluate(Map.of(), e.text(), true, null).verdict();
      if (v == e.verdict()) {
        right++;
      } else if (v == Verdict.UNDECIDED) {
        undecided++;
        misses.add("  undecided (" + e.verdict().id() + "): " + e.text());
      } else {
        wrong++;
        misses.add("  WRONG " + v.id() + " (" + e.verdict().id() + "): " + e.text());
      }
    }
    Tally t = new Tally(right, wrong, undecided);
    if (print) {
      System.out.println("inference on " + name + ": " + t);
      misses.forEach(System.out::println);
    }
    return t;
  }

  @ParameterizedTest
  @ValueSource(strings = {"tuning-a.yaml", "tuning-b.yaml", "tuning-c.yaml", "unseen.yaml", "corpus.yaml", "written.yaml",
      "independent.yaml", "train-a.yaml", "train-b.yaml", "train-c.yaml", "train-d.yaml", "concepts.yaml"})
  void eachLabelledSetHasAtLeastFortyDescriptionsOfBothKinds(String name) {
    List<InferenceData.Example> set = InferenceData.read(name);
    assertThat(set).hasSizeGreaterThanOrEqualTo(40);
    assertThat(set).extracting(InferenceData.Example::verdict).contains(Verdict.KV_WATCH, Verdict.JETSTREAM_STREAM);
  }

  @Test
  void everyLabelledSetTrainsTheModel() {
    int all = 0;
    for (String name : List.of("tuning-a.yaml", "tuning-b.yaml", "tuning-c.yaml", "unseen.yaml", "corpus.yaml",
        "written.yaml", "independent.yaml", "train-a.yaml", "train-b.yaml", "train-c.yaml", "train-d.yaml",
        "concepts.yaml")) {
      all += InferenceData.read(name).size();
    }
    assertThat(InferenceData.read(InferenceData.CORPUS)).hasSizeGreaterThanOrEqualTo(300);
    assertThat(InferenceData.training()).hasSize(all);
  }

  /**
   * Every set is training data now, so these are regression floors on the fit, not claims
   * about unseen text (the cross-validated figures below are those): each set's right share
   * at least and wrong share at most what the committed model scores. The older sets stay at
   * or above what they scored before the model (100, 100, 97.5 and 85 percent), the
   * independent set above its one blind measurement's right share (90%); its wrong share is
   * 1.7% against the 0.8% of that measurement: two texts its writer labels undecided ("Card
   * tokenisation requests", "Log shipping from edge nodes to the central store") are decided,
   * as the other writers decide such phrases (docs/inference.md).
   */
  @ParameterizedTest
  @CsvSource({"tuning-a.yaml, 100, 0", "tuning-b.yaml, 100, 0", "tuning-c.yaml, 100, 0", "unseen.yaml, 100, 0",
      "written.yaml, 98, 1", "corpus.yaml, 95.5, 1.5", "independent.yaml, 94, 1.7", "train-a.yaml, 96.5, 1.2",
      "train-b.yaml, 95, 0.8", "train-c.yaml, 91, 1.4", "train-d.yaml, 94.5, 0", "concepts.yaml, 81, 2"})
  void eachSetStaysAtItsMeasuredFigures(String name, double right, double wrong) {
    Tally t = tally(name, InferenceData.read(name), true);
    assertThat(t.rightShare()).isGreaterThanOrEqualTo(right);
    assertThat(t.wrongShare()).isLessThanOrEqualTo(wrong);
  }

  /**
   * The fifth of the corpus that was held out until this model (measured blind once at 91.2%
   * right, 7.4% wrong, then 88.2% and 5.9% with the model after it; floors 88% and 6%) and
   * the rest (floors 98% and 1.5%, now 97.5% and 1.2%: since a case named outright settles an
   * open verdict, "Tenant events for the audit log", which the corpus labels undecided, is a
   * stream).
   */
  @Test
  void theCorpusPartsOnceHeldOutAndTrainedStayAtTheirFigures() {
    Tally heldOut = tally("the corpus, the fifth once held out", InferenceData.onceHeldOut(), true);
    breakdown(InferenceData.onceHeldOut(), "style", InferenceData.Example::style);
    assertThat(heldOut.rightShare()).isGreaterThanOrEqualTo(94);
    assertThat(heldOut.wrongShare()).isLessThanOrEqualTo(3);
    Tally rest = tally("the corpus, the rest", InferenceData.read(InferenceData.CORPUS).stream()
        .filter(e -> !e.onceHeldOut()).toList(), false);
    assertThat(rest.rightShare()).isGreaterThanOrEqualTo(96);
    assertThat(rest.wrongShare()).isLessThanOrEqualTo(1.2);
  }

  /**
   * Generalisation, the figure that matters: each text of the authored sets decided by a
   * model trained without its fold (five folds, near-duplicates kept together), with the
   * margin the trainer chooses. Measured 1,045 of 1,100 right (95.0%), 22 wrong (2.0%), 33
   * undecided; before this model's features, word classes and margin rule, 87.1%, 2.4% and
   * 10.5%. With cases named outright settling open verdicts (cases.yaml {@code names}):
   * 1,047 right (95.2%), 23 wrong (2.1%), 30 undecided. With train-c and train-d (written
   * after the blind set, train-c on the kinds of path it missed) in the data and in the
   * count, 1,540 texts: 1,414 right (91.8%), 31 wrong (2.0%), 95 undecided; the harder texts
   * raise the margin (0.59), and the blind set's wrong share fell from 6.3% to 3.8%.
   */
  @Test
  void crossValidatedFiguresStayAtWhatWasMeasured() {
    InferenceCrossValidation.Count c = InferenceCrossValidation.outOfFold();
    assertThat(100.0 * c.right / c.size()).isGreaterThanOrEqualTo(91.8);
    assertThat(100.0 * c.wrong / c.size()).isLessThanOrEqualTo(2.05);
  }

  /**
   * The blind sets, each written apart from everything and measured once: blind-2 with the
   * model before train-c and train-d (140 of 160 right, 10 wrong, 10 undecided; 142, 6, 12
   * with the model after them, when it was no longer blind), blind-3 with the model after
   * them (143 right, 5 wrong, 12 undecided). Never trained on; floors at the current model's
   * figures, so no later change makes them worse.
   */
  @ParameterizedTest
  @CsvSource({"blind-2.yaml, 88.75, 3.75", "blind-3.yaml, 89.375, 3.125"})
  void theBlindSetsStayAtTheirFigures(String name, double right, double wrong) {
    List<InferenceData.Example> blind = InferenceData.read(name);
    assertThat(blind).hasSize(160);
    assertThat(InferenceData.training()).noneMatch(e -> e.set().equals(name));
    Tally t = tally(name, blind, true);
    assertThat(t.rightShare()).isGreaterThanOrEqualTo(right);
    assertThat(t.wrongShare()).isLessThanOrEqualTo(wrong);
  }

  /**
   * Measures one labelled set outside the test resources with the committed model, trains on
   * nothing, and prints right, wrong and undecided in all, by style and by domain, and each
   * text it got wrong or left undecided:
   * {@code mvn -B -o -q test -Dtest=InferenceAccuracyTest#measure -Dinference.measure=FILE}
   * (without the property it measures the independent set).
   */
  @Test
  void measure() {
    // with no set named, the independent set: the measuring itself is tested on every build
    Path file = Path.of(System.getProperty(MEASURE, "src/test/resources/inference/independent.yaml"));
    List<InferenceData.Example> set = InferenceData.read(file);
    Set<String> trained = new HashSet<>();
    InferenceData.training().forEach(e -> trained.add(e.text().strip().toLowerCase(Locale.ROOT)));
    long seen = set.stream().filter(e -> trained.contains(e.text().strip().toLowerCase(Locale.ROOT))).count();
    System.out.println("measuring " + file + " with the committed model (" + seen
        + " of its texts are also training texts)");
    Tally t = tally(file.getFileName().toString(), set, true);
    breakdown(set, "style", InferenceData.Example::style);
    breakdown(set, "domain", InferenceData.Example::domain);
    System.out.println("in all: " + t);
    assertThat(t.size()).isPositive();
  }

  static final String MEASURE = "inference.measure";

  private static void breakdown(List<InferenceData.Example> set, String what,
      Function<InferenceData.Example, String> key) {
    Map<String, List<InferenceData.Example>> groups = new TreeMap<>();
    for (InferenceData.Example e : set) {
      groups.computeIfAbsent(key.apply(e), k -> new ArrayList<>()).add(e);
    }
    groups.forEach((k, list) -> System.out.println("  " + what + " " + k + ": " + tally(k, list, false)));
  }

  @Test
  void everyInferredAnswerNamesWordsThatAreInTheText() {
    Heuristic heuristic = Heuristic.standard();
    List<InferenceData.Example> all = new ArrayList<>(InferenceData.training());
    for (InferenceData.Example e : all) {
      String text = " " + String.join(" ", Cues.tokens(e.text())) + " ";
      for (Outcome o : heuristic.evaluate(Map.of(), e.text(), true, null).outcomes()) {
        if (o.origin() == AnswerOrigin.INFERRED) {
          assertThat(o.cue().split(", ")).allSatisfy(phrase -> assertThat(text).contains(" " + phrase + " "));
        }
      }
    }
  }

  @Test
  void anInferredAnswerNeverDisagreesWithTheVerdict() {
    Heuristic heuristic = Heuristic.standard();
    for (InferenceData.Example e : InferenceData.training()) {
      Evaluation ev = heuristic.evaluate(Map.of(), e.text(), true, null);
      assertThat(ev.conflict()).as(e.text()).isFalse();
    }
  }

  @Test
  void allTogetherTally() {
    Tally all = new Tally(0, 0, 0);
    for (String name : InferenceData.OLDER) {
      all = all.plus(tally(name, InferenceData.read(name), false));
    }
    all = all.plus(tally("written", InferenceData.read(InferenceData.WRITTEN), false));
    all = all.plus(tally("corpus", InferenceData.read(InferenceData.CORPUS), false));
    System.out.println("inference on all labelled sets: " + all);
    assertThat(all.rightShare()).isGreaterThanOrEqualTo(90);
  }
}
