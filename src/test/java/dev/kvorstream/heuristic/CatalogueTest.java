package dev.kvorstream.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.model.Answer;
import dev.kvorstream.model.Primitive;
import dev.kvorstream.model.Question;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogueTest {

  private final Catalogue catalogue = Heuristic.standard().catalogue();

  @Test
  void holdsTheTenCasesOfTheSeedTableInOrderThenTheOthers() {
    assertThat(catalogue.ids()).hasSize(17).startsWith(
        "entity-state-changed", "new-task", "index-update", "llm-call", "loop-current-state",
        "tool-execution-request", "tool-result-returned", "workflow-trigger",
        "workflow-execution-state", "sensor-telemetry");
    assertThat(catalogue.ids()).contains("configuration", "lock-or-lease", "presence",
        "audit-trail", "durable-fan-out", "completion-notification", "periodic-snapshot");
  }

  @Test
  void eachCaseRecommendsThePrimitiveItsProfileVotesFor() {
    for (CommonCase c : catalogue.cases()) {
      assertThat(c.profile()).isNotEmpty();
      assertThat(c.profile().values()).allMatch(a -> a.vote() == c.primitive());
      assertThat(c.reasons()).isNotBlank();
    }
  }

  @Test
  void factsGoToKvAndRequestsToStreams() {
    assertThat(catalogue.byId("entity-state-changed").primitive()).isEqualTo(Primitive.KV_WATCH);
    assertThat(catalogue.byId("sensor-telemetry").primitive()).isEqualTo(Primitive.KV_WATCH);
    assertThat(catalogue.byId("llm-call").primitive()).isEqualTo(Primitive.JETSTREAM_STREAM);
    assertThat(catalogue.byId("tool-result-returned").primitive()).isEqualTo(Primitive.JETSTREAM_STREAM);
  }

  @Test
  void theNearestCaseIsFoundByAnswersAndWords() {
    var streamAnswers = Map.of(Question.RESTART, Answer.RESUME, Question.DELIVERY, Answer.QUEUE);
    assertThat(catalogue.nearest(streamAnswers, Cues.tokens("call the LLM for a completion")).id())
        .isEqualTo("llm-call");
    assertThat(catalogue.nearest(streamAnswers, Cues.tokens("start a workflow from a trigger")).id())
        .isEqualTo("workflow-trigger");
    var kvAnswers = Map.of(Question.RESTART, Answer.REPROCESS, Question.NATURE, Answer.FACT);
    assertThat(catalogue.nearest(kvAnswers, Cues.tokens("temperature readings of each sensor")).id())
        .isEqualTo("sensor-telemetry");
  }

  @Test
  void nothingIsNearestWhenNothingIsKnown() {
    assertThat(catalogue.nearest(Map.of(), Cues.tokens("hello there"))).isNull();
  }

  @Test
  void aPathThatDisagreesWithItsDeclaredCaseIsMarked() {
    Evaluation e = Heuristic.standard().evaluate(
        Map.of(Question.RESTART, Answer.REPROCESS), "", false, "llm-call");
    assertThat(e.nearest().agrees()).isFalse();
    assertThat(e.nearest().declared()).isTrue();
  }
}
