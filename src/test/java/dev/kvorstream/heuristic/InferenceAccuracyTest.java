package dev.kvorstream.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.model.AnswerOrigin;
import dev.kvorstream.model.Outcome;
import dev.kvorstream.model.Verdict;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;

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

  private static final Heuristic HEURISTIC = Heuristic.standard();
  private static final Map<String, Evaluation> EVALUATED = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A text decided by inference alone with the committed model, once per test run: the floors
   * and the checks over every training text read the same 13,000 evaluations.
   */
  static Evaluation evaluate(String text) {
    return EVALUATED.computeIfAbsent(text, t -> HEURISTIC.evaluate(Map.of(), t, true, null));
  }

  static Tally tally(String name, List<InferenceData.Example> set, boolean print) {
    int right = 0;
    int wrong = 0;
    int undecided = 0;
    List<String> misses = new ArrayList<>();
    for (InferenceData.Example e : set) {
      Verdict v = evaluate(e.text()).verdict();
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

  static List<String> sets() {
    return InferenceData.sets();
  }

  @ParameterizedTest
  @MethodSource("sets")
  void eachLabelledSetHasAtLeastFortyDescriptionsOfBothKinds(String name) {
    List<InferenceData.Example> set = InferenceData.read(name);
    assertThat(set).hasSizeGreaterThanOrEqualTo(40);
    assertThat(set).extracting(InferenceData.Example::verdict).contains(Verdict.KV_WATCH, Verdict.JETSTREAM_STREAM);
  }

  @Test
  void everyLabelledSetTrainsTheModelAndHasItsFloors() throws Exception {
    int all = 0;
    for (String name : InferenceData.sets()) {
      all += InferenceData.read(name).size();
    }
    assertThat(InferenceData.read(InferenceData.CORPUS)).hasSizeGreaterThanOrEqualTo(300);
    assertThat(InferenceData.training()).hasSize(all);
    List<String> floored = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/inference/floors.csv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("set,")) {
          floored.add(line.substring(0, line.indexOf(',')));
        }
      }
    }
    List<String> expected = new ArrayList<>(InferenceData.sets());
    expected.addAll(InferenceData.BLIND);
    assertThat(floored).containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * Each set's right share at least and wrong share at most its floor in
   * {@code inference/floors.csv}: the figures of the committed model, as regression floors.
   * For the training sets they are fits, not claims about unseen text (docs/inference.md has
   * those); the older sets keep what they scored before the model (100%); the blind sets,
   * never trained on, keep their figures from the measurement made once, or better.
   */
  @ParameterizedTest
  @CsvFileSource(resources = "/inference/floors.csv", numLinesToSkip = 1)
  void eachSetStaysAtItsMeasuredFigures(String name, double right, double wrong) {
    if (InferenceData.BLIND.contains(name)) {
      assertThat(InferenceData.training()).noneMatch(e -> e.set().equals(name));
    }
    Tally t = tally(name, InferenceData.read(name), true);
    assertThat(t.rightShare()).isGreaterThanOrEqualTo(right);
    assertThat(t.wrongShare()).isLessThanOrEqualTo(wrong);
  }

  /**
   * The fifth of the corpus that was held out for the first model (measured blind once at
   * 91.2% right, 7.4% wrong) and the rest, as regression floors of the fit. With the 13,000
   * texts of 46 writers the held-out fifth scores 95.6% right, 4.4% wrong: its three wrong
   * verdicts are terse texts its writer labels undecided and the other writers decide
   * ("Prediction requests for the ETA model" is a stream to them); the rest 98.5% right,
   * 1.1% wrong.
   */
  @Test
  void theCorpusPartsOnceHeldOutAndTrainedStayAtTheirFigures() {
    Tally heldOut = tally("the corpus, the fifth once held out", InferenceData.onceHeldOut(), true);
    breakdown(InferenceData.onceHeldOut(), "style", InferenceData.Example::style);
    assertThat(heldOut.rightShare()).isGreaterThanOrEqualTo(95.5);
    assertThat(heldOut.wrongShare()).isLessThanOrEqualTo(4.5);
    Tally rest = tally("the corpus, the rest", InferenceData.read(InferenceData.CORPUS).stream()
        .filter(e -> !e.onceHeldOut()).toList(), false);
    assertThat(rest.rightShare()).isGreaterThanOrEqualTo(98.5);
    assertThat(rest.wrongShare()).isLessThanOrEqualTo(1.2);
  }

  /**
   * Generalisation on the training texts: each text of the authored sets decided by a model
   * trained without its fold (five folds, near-duplicates kept together), with the margin
   * the trainer chooses. With 13,010 texts of 46 writers' sets: 12,271 right (94.3%), 254
   * wrong (1.95%), 485 undecided (docs/inference.md has the history and the figures with one
   * writer's set left out at a time).
   */
  @Test
  void crossValidatedFiguresStayAtWhatWasMeasured() {
    InferenceCrossValidation.Count c = InferenceCrossValidation.outOfFold();
    assertThat(100.0 * c.right / c.size()).isGreaterThanOrEqualTo(94.3);
    assertThat(100.0 * c.wrong / c.size()).isLessThanOrEqualTo(1.96);
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
    List<InferenceData.Example> all = new ArrayList<>(InferenceData.training());
    for (InferenceData.Example e : all) {
      String text = " " + String.join(" ", Cues.tokens(e.text())) + " ";
      for (Outcome o : evaluate(e.text()).outcomes()) {
        if (o.origin() == AnswerOrigin.INFERRED) {
          assertThat(o.cue().split(", ")).allSatisfy(phrase -> assertThat(text).contains(" " + phrase + " "));
          // and each phrase has a word that says something: not "e", "i want" or "not" alone
          assertThat(o.cue().split(", ")).as(e.text()).allSatisfy(phrase -> assertThat(phrase.split(" "))
              .anySatisfy(w -> assertThat(w.length() > 1 && !Inference.FUNCTION_WORDS.contains(w)).isTrue()));
        }
      }
    }
  }

  @Test
  void anInferredAnswerNeverDisagreesWithTheVerdict() {
    for (InferenceData.Example e : InferenceData.training()) {
      Evaluation ev = evaluate(e.text());
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
