package dev.kvorstream.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.model.Outcome;
import dev.kvorstream.model.Question;
import dev.kvorstream.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stored model is what the trainer makes from the labelled descriptions: retraining gives
 * the resource byte for byte. To retrain on purpose (after changing the labelled sets, the
 * features or the word classes), run this test with {@code -Dretrain=true}: it writes
 * {@code src/main/resources/dev/kvorstream/heuristic/model.tsv} instead of comparing.
 */
class InferenceModelTest {

  @Test
  void retrainingGivesTheStoredModelByteForByte() throws Exception {
    String trained = InferenceTrainer.shared().resource();
    if (Boolean.getBoolean("retrain")) {
      Files.writeString(InferenceTrainer.RESOURCE, trained, StandardCharsets.UTF_8);
    }
    String stored = Files.readString(InferenceTrainer.RESOURCE, StandardCharsets.UTF_8);
    assertThat(trained).as("model.tsv is out of date: retrain with -Dretrain=true").isEqualTo(stored);
  }

  @Test
  void theModelIsSmallAndParses() throws Exception {
    String stored = Files.readString(InferenceTrainer.RESOURCE, StandardCharsets.UTF_8);
    // about 1.2 MB: every feature of at least three of the 13,000 texts; loading reads the
    // lines without parsing them (docs/performance.md), so its size costs little at start-up
    assertThat(stored.length()).isLessThan(1_500_000);
    Model model = Model.parse(stored);
    assertThat(model.margin(Model.Target.VERDICT)).isPositive();
  }

  @Test
  void theWordsThatWeighedMostAreNamedStrongestFirst() {
    Heuristic heuristic = Heuristic.standard();
    Evaluation e = heuristic.evaluate(Map.of(),
        "The fraud score of each order, read by checkout before it captures the payment", true, null);
    assertThat(e.verdict()).isEqualTo(Verdict.KV_WATCH);
    Outcome decided = e.outcome(e.decidedBy());
    assertThat(decided.cue()).contains("read");
  }

  @Test
  void theThreeExamplesOfTheIssue() {
    Heuristic heuristic = Heuristic.standard();
    assertThat(heuristic.evaluate(Map.of(),
        "The fraud score of each order, read by checkout before it captures the payment", true, null).verdict())
        .isEqualTo(Verdict.KV_WATCH);
    assertThat(heuristic.evaluate(Map.of(),
        "Order history of each customer, read by the support tool", true, null).verdict())
        .isEqualTo(Verdict.KV_WATCH);
    assertThat(heuristic.evaluate(Map.of(),
        "Nightly reconciliation of PSP settlements against our ledger", true, null).verdict())
        .isEqualTo(Verdict.JETSTREAM_STREAM);
  }

  @Test
  void aTersePhraseAboutChangesStaysUndecidedWithEveryQuestionOpen() {
    Evaluation e = Heuristic.standard().evaluate(Map.of(), "Patient appointment changes", true, null);
    assertThat(e.verdict()).isEqualTo(Verdict.UNDECIDED);
    assertThat(e.unanswered()).containsExactly(Question.values());
  }

  @Test
  void negationAndSentenceOpeningsAreFeatures() {
    List<String> names = Features.of(Cues.tokens("Charge the card. It must not run twice"), Map.of(), Map.of(), List.of())
        .stream().map(Features.Found::name).toList();
    assertThat(names).contains("f:charg", "f:it", "n:run", "n:twic", "b:the_card").doesNotContain("w:run");
  }

  @Test
  void aClassWordOpeningAClauseAndOneAfterANegationAreFeaturesOfTheirOwn() {
    Inference inference = new Inference(DataFiles.read("cues.yaml"), null);
    List<String> names = inference.features(Cues.tokens("Credit 500 points to each member. We need to rotate the keys; "
        + "no replay after a restart")).stream().map(Features.Found::name).toList();
    assertThat(names).contains("fk:action", "k:action", "nk:replay").doesNotContain("k:replay");
    List<String> plain = inference.features(Cues.tokens("The points each member has, replayed at start-up"))
        .stream().map(Features.Found::name).toList();
    assertThat(plain).contains("k:replay").doesNotContain("fk:action", "nk:replay");
  }

  @Test
  void anArrowOrASpacedDashEndsAClauseAndAHyphenDoesNot() {
    assertThat(Cues.tokens("Lab result ready -> notify the physician"))
        .containsExactly("lab", "result", "ready", ".", "notify", "the", "physician");
    assertThat(Cues.tokens("Cold chain excursion - open a deviation")).contains("excursion", ".", "open");
    assertThat(Cues.tokens("fan-out to every node")).doesNotContain(".");
  }

  @Test
  void aBarePhraseOfTwoWordsIsInferredOnlyWhenItNamesAValue() {
    Heuristic heuristic = Heuristic.standard();
    assertThat(heuristic.evaluate(Map.of(), "order placed", true, null).verdict()).isEqualTo(Verdict.UNDECIDED);
    assertThat(heuristic.evaluate(Map.of(), "Grade appeals", true, null).verdict()).isEqualTo(Verdict.UNDECIDED);
    assertThat(heuristic.evaluate(Map.of(), "thermostat setpoint per room", true, null).verdict())
        .isEqualTo(Verdict.KV_WATCH);
  }

  @Test
  void nearDuplicatesShareAFold() {
    List<InferenceData.Example> examples = List.of(
        example("Current stock level per SKU, read by the storefront"),
        example("Capture the payment once the parcel ships"),
        example("The current stock level per SKU, read by the storefront and search"),
        example("Rotate the TLS certificates on the edge nodes"));
    int[] folds = InferenceFolds.grouped(examples, 2);
    assertThat(folds[0]).isEqualTo(folds[2]);
    assertThat(folds[0]).isNotEqualTo(folds[1]);
  }

  private static InferenceData.Example example(String text) {
    return new InferenceData.Example("x.yaml", 0, text, Verdict.KV_WATCH, Map.of(), "-", "-");
  }

  @Test
  void stemsMeetAcrossEndings() {
    assertThat(List.of("charges", "charged", "charging", "charge").stream().map(Features::stem).distinct())
        .containsExactly("charg");
  }
}
