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
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
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
  @ValueSource(strings = {"tuning-a.yaml", "tuning-b.yaml", "tuning-c.yaml", "unseen.yaml", "corpus.yaml", "written.yaml"})
  void eachLabelledSetHasAtLeastFortyDescriptionsOfBothKinds(String name) {
    List<InferenceData.Example> set = InferenceData.read(name);
    assertThat(set).hasSizeGreaterThanOrEqualTo(40);
    assertThat(set).extracting(InferenceData.Example::verdict).contains(Verdict.KV_WATCH, Verdict.JETSTREAM_STREAM);
  }

  @Test
  void theCorpusHasThreeHundredDescriptionsAndAFifthIsHeldOut() {
    List<InferenceData.Example> corpus = InferenceData.read(InferenceData.CORPUS);
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
    assertThat(InferenceData.heldOut()).hasSize(corpus.size() / InferenceData.HOLD_OUT_EVERY);
    assertThat(InferenceData.training()).noneMatch(InferenceData.Example::heldOut);
  }

  /**
   * The older sets (now training data) stay at or above the scores they had before the
   * model: 100, 100, 97.5 and 85 percent right.
   */
  @ParameterizedTest
  @CsvSource({"tuning-a.yaml, 100", "tuning-b.yaml, 100", "tuning-c.yaml, 97.5", "unseen.yaml, 85", "written.yaml, 95"})
  void theOlderSetsKeepTheirScores(String name, double floor) {
    assertThat(tally(name, InferenceData.read(name), true).rightShare()).isGreaterThanOrEqualTo(floor);
  }

  @Test
  void theCorpusPartItWasTrainedOnIsRightAndRarelyWrong() {
    List<InferenceData.Example> trained = InferenceData.read(InferenceData.CORPUS).stream()
        .filter(e -> !e.heldOut()).toList();
    Tally t = tally("the corpus, trained part", trained, true);
    assertThat(t.rightShare()).isGreaterThanOrEqualTo(FLOOR_TRAINED_RIGHT);
    assertThat(t.wrongShare()).isLessThanOrEqualTo(FLOOR_TRAINED_WRONG);
  }

  /** The held-out part, never trained on: its measured figures are the floors. */
  @Test
  void theHeldOutPartStaysAtItsMeasuredFigures() {
    Tally t = tally("the corpus, held-out part", InferenceData.heldOut(), true);
    breakdown("style", InferenceData.Example::style);
    breakdown("domain", InferenceData.Example::domain);
    assertThat(t.rightShare()).isGreaterThanOrEqualTo(FLOOR_HELD_OUT_RIGHT);
    assertThat(t.wrongShare()).isLessThanOrEqualTo(FLOOR_HELD_OUT_WRONG);
  }

  /**
   * The independent set (written apart from the corpus by someone who never saw the model)
   * was measured once, after the merge; its figures are its floors. The goal is 95%
   * right and at most 2.5% wrong: the wrong share meets it, the right share does not yet.
   */
  @Test
  void theIndependentSetStaysAtItsMeasuredFigures() {
    Tally t = tally("independent.yaml", InferenceData.read("independent.yaml"), true);
    assertThat(t.rightShare()).isGreaterThanOrEqualTo(FLOOR_INDEPENDENT_RIGHT);
    assertThat(t.wrongShare()).isLessThanOrEqualTo(FLOOR_INDEPENDENT_WRONG);
  }

  static final double FLOOR_INDEPENDENT_RIGHT = 90;
  static final double FLOOR_INDEPENDENT_WRONG = 1;

  /** Measured 268 of 272 right (98.5%), 3 wrong (1.1%): the model fits what it was trained on. */
  static final double FLOOR_TRAINED_RIGHT = 98;
  static final double FLOOR_TRAINED_WRONG = 1.5;
  /**
   * Measured once, blind, with the first model: 62 of 68 right (91.2%), 5 wrong (7.4%), 1
   * undecided; with the model as it is (after a change made for another reason, see
   * docs/inference.md): 60 right (88.2%), 4 wrong (5.9%), 4 undecided.
   */
  static final double FLOOR_HELD_OUT_RIGHT = 88;
  static final double FLOOR_HELD_OUT_WRONG = 6;

  /**
   * Measures one labelled set outside the test resources with the committed model, trains on
   * nothing, and prints right, wrong and undecided in all, by style and by domain, and each
   * text it got wrong or left undecided. It runs only when asked:
   * {@code mvn -B -o -q test -Dtest=InferenceAccuracyTest#measure -Dinference.measure=FILE}.
   */
  @Test
  @EnabledIfSystemProperty(named = MEASURE, matches = ".+")
  void measure() {
    Path file = Path.of(System.getProperty(MEASURE));
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

  private static void breakdown(String what, Function<InferenceData.Example, String> key) {
    breakdown(InferenceData.heldOut(), what, key);
  }

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
