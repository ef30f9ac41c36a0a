package dev.kvorstream.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.model.Answer;
import dev.kvorstream.model.Question;
import dev.kvorstream.model.Verdict;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A conflict that a common case expects is explained by that case, not sent to a split. */
class CaseSettlesConflictTest {

  private static Evaluation evaluate(String caseId, String... answers) {
    Map<Question, Answer> given = new EnumMap<>(Question.class);
    for (int i = 0; i < answers.length; i++) {
      Question q = Question.values()[i];
      if (answers[i] != null) {
        given.put(q, Answer.of(q, answers[i]));
      }
    }
    return Heuristic.standard().evaluate(given, "", false, caseId);
  }

  @Test
  void anAuditTrailOfFactsIsAStreamWithoutASplit() {
    Evaluation e = evaluate("audit-trail", "resume", "fan-out", "fast", "fact");
    assertThat(e.verdict()).isEqualTo(Verdict.JETSTREAM_STREAM);
    assertThat(e.conflict()).isTrue();
    assertThat(e.conflictSettled()).isTrue();
  }

  @Test
  void durableFanOutExplainsFanOutAgainstSlowWork() {
    assertThat(evaluate("durable-fan-out", "resume", "fan-out", "slow", "request").conflictSettled())
        .isTrue();
  }

  @Test
  void aCaseDoesNotExplainADisagreementItDoesNotExpect() {
    // an audit trail handed to one handler with slow side effects: nothing of this conflicts
    assertThat(evaluate("audit-trail", "resume", "queue", "slow", "request").conflict()).isFalse();
    // the case's primitive is not the verdict: the restart test says KV
    Evaluation kv = evaluate("audit-trail", "reprocess", "fan-out", "fast", "request");
    assertThat(kv.conflict()).isTrue();
    assertThat(kv.conflictSettled()).isFalse();
    // durable fan-out does not explain a fact against a stream
    assertThat(evaluate("durable-fan-out", "resume", "queue", "slow", "fact").conflictSettled())
        .isFalse();
    // a case without a pattern for conflicts explains none
    assertThat(evaluate("new-task", "resume", "fan-out", "slow", "request").conflictSettled())
        .isFalse();
  }

  @Test
  void withoutANamedCaseTheAnswersOfDurableFanOutFindIt() {
    // resume and fan-out with slow work: the case explains fan-out, which counts for it
    Evaluation e = evaluate(null, "resume", "fan-out", "slow", "request");
    assertThat(e.nearest().commonCase().id()).isEqualTo("durable-fan-out");
    assertThat(e.conflictSettled()).isTrue();
  }

  @Test
  void noConflictNothingToSettle() {
    assertThat(evaluate("audit-trail", "resume", null, null, null).conflictSettled()).isFalse();
  }
}
