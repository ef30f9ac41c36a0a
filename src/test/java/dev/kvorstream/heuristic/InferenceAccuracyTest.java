package dev.kvorstream.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Inference on descriptions it was not tuned on: a labelled set in
 * {@code src/test/resources/inference/labelled.yaml}. The figure is reported in
 * {@code docs/inference.md}.
 */
class InferenceAccuracyTest {

  record Labelled(String text, Verdict verdict) {}

  static List<Labelled> labelled() throws Exception {
    List<Labelled> all = new ArrayList<>(read("tuning-a.yaml"));
    all.addAll(read("tuning-b.yaml"));
    all.addAll(read("tuning-c.yaml"));
    all.addAll(read("unseen.yaml"));
    return all;
  }

  static List<Labelled> read(String name) throws Exception {
    try (InputStream in = InferenceAccuracyTest.class.getResourceAsStream("/inference/" + name)) {
      @SuppressWarnings("unchecked")
      List<Map<String, String>> rows = (List<Map<String, String>>)
          new Load(LoadSettings.builder().build()).loadFromInputStream(in);
      List<Labelled> out = new ArrayList<>();
      for (Map<String, String> row : rows) {
        Verdict v = Optional.of(row.get("verdict")).map(id -> id.equals("kv-watch")
            ? Verdict.KV_WATCH : Verdict.JETSTREAM_STREAM).get();
        out.add(new Labelled(row.get("text"), v));
      }
      return out;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tuning-a.yaml", "tuning-b.yaml", "tuning-c.yaml", "unseen.yaml"})
  void eachLabelledSetHasAtLeastFortyDescriptionsOfBothKinds(String name) throws Exception {
    List<Labelled> set = read(name);
    assertThat(set).hasSizeGreaterThanOrEqualTo(40);
    assertThat(set).extracting(Labelled::verdict).contains(Verdict.KV_WATCH, Verdict.JETSTREAM_STREAM);
  }

  /**
   * Each set against its floor: the tuning sets (whose words the cues were tuned on) at 90%,
   * the unseen set at the 85% it scored when it was measured blind, so it guards against
   * regressions without pretending to more.
   */
  @ParameterizedTest
  @CsvSource({"tuning-a.yaml, 90", "tuning-b.yaml, 90", "tuning-c.yaml, 90", "unseen.yaml, 85"})
  void inferenceKeepsEachLabelledSetAtOrAboveItsFloor(String name, double floor) throws Exception {
    assertThat(accuracy(name, read(name))).isGreaterThanOrEqualTo(floor);
  }

  @Test
  void inferenceGetsAtLeastNinetyPercentOfAllLabelledDescriptionsRight() throws Exception {
    assertThat(accuracy("all sets", labelled())).isGreaterThanOrEqualTo(90.0);
  }

  private static double accuracy(String name, List<Labelled> set) {
    Heuristic heuristic = Heuristic.standard();
    int right = 0;
    List<String> wrong = new ArrayList<>();
    for (Labelled l : set) {
      Evaluation e = heuristic.evaluate(Map.of(), l.text(), true, null);
      if (e.verdict() == l.verdict()) {
        right++;
      } else {
        wrong.add(e.verdict().id() + " for: " + l.text());
      }
    }
    double accuracy = 100.0 * right / set.size();
    System.out.printf("inference accuracy on %s: %d of %d (%.1f%%)%n", name, right, set.size(), accuracy);
    wrong.forEach(w -> System.out.println("  wrong: " + w));
    return accuracy;
  }

  @Test
  void everyInferredAnswerNamesWordsThatAreInTheText() throws Exception {
    Heuristic heuristic = Heuristic.standard();
    for (Labelled l : labelled()) {
      List<String> tokens = Cues.tokens(l.text());
      for (Outcome o : heuristic.evaluate(Map.of(), l.text(), true, null).outcomes()) {
        if (o.source() == Source.INFERRED) {
          assertThat(String.join(" ", tokens)).contains(o.cue());
        }
      }
    }
  }
}
