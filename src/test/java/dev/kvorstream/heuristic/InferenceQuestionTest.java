package dev.kvorstream.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.log.Assessor;
import dev.kvorstream.render.JsonReport;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.Templates;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code decide} shows, for each test left open, the question that would settle it: in the
 * text report under the test, in JSON as {@code "question"}, with the same words.
 */
class InferenceQuestionTest {

  private final Heuristic heuristic = Heuristic.standard();
  private final Assessor assessor = new Assessor(heuristic, true);

  @Test
  void anUndecidedDescriptionAsksEveryQuestionInTextAndJson() {
    String title = "Patient appointment changes";
    Assessment a = assessor.assessText(title);
    assertThat(a.verdict()).isEqualTo(Verdict.UNDECIDED);
    String json = JsonReport.of(title, a);
    String text = new Renderer(Templates.builtIn(), heuristic.catalogue()).decideText(title, a);
    Matcher m = Pattern.compile("\"question\": \"([^\"]+)\"").matcher(json);
    int questions = 0;
    while (m.find()) {
      questions++;
      assertThat(text).contains("ask: " + m.group(1));
    }
    assertThat(questions).isEqualTo(4);
    assertThat(text).contains("ask: If the processor restarted, should it handle again what it had already handled?");
  }

  @Test
  void anInferredOrGivenTestAsksNothing() {
    String title = "The fraud score of each order, read by checkout before it captures the payment";
    Assessment a = assessor.assessText(title);
    String json = JsonReport.of(title, a);
    for (String line : json.split("\n")) {
      if (line.contains("\"source\": \"inferred\"")) {
        assertThat(line).doesNotContain("question").contains("\"cue\": ");
      }
      if (line.contains("\"source\": \"unknown\"")) {
        assertThat(line).contains("\"question\": ");
      }
    }
    assertThat(json).contains("\"source\": \"inferred\"");
  }
}
