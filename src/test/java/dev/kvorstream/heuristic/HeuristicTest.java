package dev.kvorstream.heuristic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HeuristicTest {

  private final Heuristic heuristic = Heuristic.standard();

  /** Every combination of the four tests, each unanswered, KV-voting or stream-voting: 81. */
  static Stream<Arguments> allCombinations() {
    List<Arguments> out = new ArrayList<>();
    for (int code = 0; code < 81; code++) {
      Map<Question, Answer> answers = new EnumMap<>(Question.class);
      int rest = code;
      for (Question q : Question.values()) {
        int choice = rest % 3;
        rest /= 3;
        if (choice > 0) {
          answers.put(q, q.answers().get(choice - 1));
        }
      }
      out.add(Arguments.of(answers));
    }
    return out.stream();
  }

  @Test
  void thereAreEightyOneCombinations() {
    assertThat(allCombinations().map(a -> a.get()[0]).distinct().count()).isEqualTo(81);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allCombinations")
  @DisplayName("the first answered test decides; every other disagreeing test is a conflict")
  void firstAnsweredTestDecidesAndDisagreementsAreConflicts(Map<Question, Answer> answers) {
    Evaluation e = heuristic.evaluate(answers, "", false, null);

    Question first = null;
    for (Question q : Question.values()) {
      if (answers.containsKey(q)) {
        first = q;
        break;
      }
    }
    if (first == null) {
      assertThat(e.verdict()).isEqualTo(Verdict.UNDECIDED);
      assertThat(e.decidedBy()).isNull();
      assertThat(e.conflict()).isFalse();
      return;
    }
    Primitive vote = answers.get(first).vote();
    assertThat(e.decidedBy()).isEqualTo(first);
    assertThat(e.verdict()).isEqualTo(Verdict.of(vote));
    List<Question> expectedConflicts = answers.entrySet().stream()
        .filter(en -> en.getValue().vote() != vote).map(Map.Entry::getKey).sorted().toList();
    assertThat(e.conflicting()).containsExactlyElementsOf(expectedConflicts);
    assertThat(e.conflict()).isEqualTo(!expectedConflicts.isEmpty());
    for (Outcome o : e.outcomes()) {
      assertThat(o.source()).isEqualTo(answers.containsKey(o.question()) ? Source.GIVEN : Source.UNKNOWN);
      assertThat(o.answer()).isEqualTo(answers.get(o.question()));
    }
  }

  @Test
  void theContractExampleIsAStreamDecidedByTheRestartTest() {
    Evaluation e = heuristic.evaluate(
        Map.of(Question.RESTART, Answer.RESUME, Question.DELIVERY, Answer.QUEUE),
        "The agent loop asks tool runners to execute tools that call external APIs.", true,
        "tool-execution-request");
    assertThat(e.verdict()).isEqualTo(Verdict.JETSTREAM_STREAM);
    assertThat(e.decidedBy()).isEqualTo(Question.RESTART);
    assertThat(e.outcome(Question.NATURE).source()).isEqualTo(Source.INFERRED);
    assertThat(e.outcome(Question.NATURE).answer()).isEqualTo(Answer.REQUEST);
    assertThat(e.nearest().commonCase().id()).isEqualTo("tool-execution-request");
    assertThat(e.nearest().agrees()).isTrue();
    assertThat(e.nearest().declared()).isTrue();
  }

  @Test
  void aLaterKvAnswerAgainstAStreamVerdictIsNamedAsAConflict() {
    Evaluation e = heuristic.evaluate(Map.of(
        Question.RESTART, Answer.RESUME, Question.DELIVERY, Answer.FAN_OUT,
        Question.PROCESSING, Answer.FAST, Question.NATURE, Answer.REQUEST), "", false, null);
    assertThat(e.verdict()).isEqualTo(Verdict.JETSTREAM_STREAM);
    assertThat(e.conflicting()).containsExactly(Question.DELIVERY, Question.PROCESSING);
    assertThat(e.agreeing()).containsExactly(Question.NATURE);
  }

  @Test
  void givenAnswersWinOverInferredOnesAndInferenceCanBeTurnedOff() {
    String words = "Charge the customer's card exactly once for each order";
    Evaluation inferred = heuristic.evaluate(Map.of(), words, true, null);
    assertThat(inferred.outcome(Question.RESTART).source()).isEqualTo(Source.INFERRED);
    assertThat(inferred.verdict()).isEqualTo(Verdict.JETSTREAM_STREAM);

    Evaluation given = heuristic.evaluate(Map.of(Question.RESTART, Answer.REPROCESS), words, true, null);
    assertThat(given.outcome(Question.RESTART).source()).isEqualTo(Source.GIVEN);
    assertThat(given.verdict()).isEqualTo(Verdict.KV_WATCH);

    Evaluation off = heuristic.evaluate(Map.of(), words, false, null);
    assertThat(off.verdict()).isEqualTo(Verdict.UNDECIDED);
    assertThat(off.outcomes()).allMatch(o -> o.source() == Source.UNKNOWN);
  }

  @Test
  void aLongerCueClaimsItsWordsBeforeAShorterOne() {
    Cues.Index<Answer> index = new Cues.Index<>(List.of(
        new Cues.Owned<>(Answer.RESUME, Cues.Cue.of("not be reprocessed")),
        new Cues.Owned<>(Answer.REPROCESS, Cues.Cue.of("reprocess*"))));
    List<Cues.Match<Answer>> found = index.select(Cues.tokens("this must not be reprocessed after a restart"));
    assertThat(found).extracting(Cues.Match::owner).containsExactly(Answer.RESUME);
    assertThat(found).extracting(m -> m.cue().phrase()).containsExactly("not be reprocessed");
  }

  @Test
  void cuesDoNotMatchAcrossSentences() {
    List<String> tokens = Cues.tokens("Send it. The state is kept");
    assertThat(tokens).containsExactly("send", "it", ".", "the", "state", "is", "kept");
    Cues.Index<Answer> index = new Cues.Index<>(List.of(
        new Cues.Owned<>(Answer.FAN_OUT, Cues.Cue.of("every")),
        new Cues.Owned<>(null, Cues.Cue.of("every time"))));
    assertThat(index.select(Cues.tokens("It arrives every. Time it is fine")))
        .extracting(Cues.Match::owner).containsExactly(Answer.FAN_OUT);
  }

  @Test
  void splitVerdictsCombineIntoBothOrTheCommonOne() {
    assertThat(Heuristic.combine(List.of(Verdict.KV_WATCH, Verdict.JETSTREAM_STREAM))).isEqualTo(Verdict.BOTH);
    assertThat(Heuristic.combine(List.of(Verdict.KV_WATCH, Verdict.KV_WATCH))).isEqualTo(Verdict.KV_WATCH);
    assertThat(Heuristic.combine(List.of(Verdict.JETSTREAM_STREAM, Verdict.UNDECIDED))).isEqualTo(Verdict.UNDECIDED);
    assertThat(Heuristic.combine(List.of())).isEqualTo(Verdict.UNDECIDED);
  }

  @Test
  void anUnknownDeclaredCaseIsRefused() {
    assertThatThrownBy(() -> heuristic.evaluate(Map.of(), "", false, "no-such-case"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
