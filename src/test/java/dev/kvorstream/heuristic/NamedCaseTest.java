package dev.kvorstream.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.model.Answer;
import dev.kvorstream.model.AnswerOrigin;
import dev.kvorstream.model.Question;
import dev.kvorstream.model.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A phrase that names a common case outright ({@code names} in cases.yaml) settles a verdict
 * the answers and the model leave open, and makes the case the nearest one when the verdict
 * agrees; it never overturns a given answer or a verdict.
 */
class NamedCaseTest {

  private final Heuristic heuristic = Heuristic.standard();

  @Test
  void anAuditTrailNamedInTheWordsIsAStreamWithTheCasePattern() {
    Evaluation e = heuristic.evaluate(Map.of(), "Audit trail of every login, kept for a year", true, null);
    assertThat(e.verdict()).isEqualTo(Verdict.JETSTREAM_STREAM);
    assertThat(e.outcome(Question.RESTART).origin()).isEqualTo(AnswerOrigin.INFERRED);
    assertThat(e.outcome(Question.RESTART).cue()).contains("audit");
    assertThat(e.nearest().commonCase().id()).isEqualTo("audit-trail");
    assertThat(e.nearest().agrees()).isTrue();
  }

  @Test
  void theNamedCaseAnswersWhatTheModelLeavesOpen() {
    // a model that infers nothing: the verdict comes from the case the words name
    Heuristic bare = new Heuristic(() -> new Inference(DataFiles.read("cues.yaml"), silentModel()),
        heuristic.catalogue());
    Evaluation e = bare.evaluate(Map.of(), "Audit log of every permission change", true, null);
    assertThat(e.verdict()).isEqualTo(Verdict.JETSTREAM_STREAM);
    assertThat(e.outcome(Question.RESTART).cue()).isEqualTo("audit log");
    assertThat(bare.evaluate(Map.of(), "Permission changes", true, null).verdict()).isEqualTo(Verdict.UNDECIDED);
  }

  /** A model with no weights and a margin no score passes. */
  private static Model silentModel() {
    return Model.parse("margin\t9\t9\t9\t9\t9\n");
  }

  @Test
  void aGivenAnswerWinsOverTheNamedCase() {
    Evaluation e = heuristic.evaluate(Map.of(Question.RESTART, Answer.REPROCESS),
        "Audit log of every permission change", true, null);
    assertThat(e.verdict()).isEqualTo(Verdict.KV_WATCH);
    assertThat(e.outcome(Question.RESTART).origin()).isEqualTo(AnswerOrigin.GIVEN);
  }

  @Test
  void withoutInferenceTheNameOnlyPicksTheNearestCase() {
    Evaluation off = heuristic.evaluate(Map.of(), "Audit log of every permission change", false, null);
    assertThat(off.verdict()).isEqualTo(Verdict.UNDECIDED);
    Evaluation kv = heuristic.evaluate(Map.of(Question.RESTART, Answer.REPROCESS),
        "Each edge device reports a heartbeat; the dashboard shows which are online", false, null);
    assertThat(kv.nearest().commonCase().id()).isEqualTo("presence");
  }

  @Test
  void presenceDescribedByHeartbeatsIsThePresenceCase() {
    Evaluation e = heuristic.evaluate(Map.of(), "Each edge device reports a heartbeat every 10 seconds so the"
        + " fleet dashboard sees which devices are online; a device that stops reporting must show as offline.",
        true, null);
    assertThat(e.verdict()).isEqualTo(Verdict.KV_WATCH);
    assertThat(e.nearest().commonCase().id()).isEqualTo("presence");
  }

  @Test
  void severalConsumersInTheFlowAreFanOutUnlessTheDesignSaysOtherwise() {
    Map<Question, Answer> resume = Map.of(Question.RESTART, Answer.RESUME);
    Evaluation e = heuristic.evaluate(resume, "Order placed events", true, null,
        java.util.List.of("shipping", "billing", "email"));
    assertThat(e.outcome(Question.DELIVERY).answer()).isEqualTo(Answer.FAN_OUT);
    assertThat(e.outcome(Question.DELIVERY).cue()).isEqualTo(Heuristic.FLOW_CUE + "shipping, billing, email");
    assertThat(heuristic.evaluate(Map.of(Question.RESTART, Answer.RESUME, Question.DELIVERY, Answer.QUEUE),
        "Order placed events", true, null, java.util.List.of("shipping", "billing")).outcome(Question.DELIVERY)
        .origin()).isEqualTo(AnswerOrigin.GIVEN);
    // one consumer, the same one twice, or inference off: nothing from the flow
    assertThat(heuristic.evaluate(resume, "Order placed events", true, null, java.util.List.of("billing", "billing"))
        .outcome(Question.DELIVERY).cue()).isNotEqualTo(Heuristic.FLOW_CUE + "billing");
    assertThat(heuristic.evaluate(resume, "Order placed events", false, null, java.util.List.of("a", "b"))
        .outcome(Question.DELIVERY).origin()).isEqualTo(AnswerOrigin.UNKNOWN);
  }

  @Test
  void twoCasesNamedAtOnceNameNone() {
    Catalogue c = heuristic.catalogue();
    assertThat(c.named(Cues.tokens("the audit log of each heartbeat"))).isNull();
    assertThat(c.named(Cues.tokens("the audit log of each login")).commonCase().id()).isEqualTo("audit-trail");
  }
}
