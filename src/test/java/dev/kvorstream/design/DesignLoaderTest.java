package dev.kvorstream.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvorstream.heuristic.Heuristic;
import dev.kvorstream.model.Answer;
import dev.kvorstream.model.Design;
import dev.kvorstream.model.DesignName;
import dev.kvorstream.model.Part;
import dev.kvorstream.model.Question;
import dev.kvorstream.model.Ref;
import dev.kvorstream.model.Status;
import dev.kvorstream.problem.ToolException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DesignLoaderTest {

  private final DesignLoader loader = new DesignLoader(Heuristic.standard().catalogue().ids());

  private Design load(String yaml) {
    return loader.load("d.yaml", null, yaml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsEveryFieldOfTheContractExample() {
    Design d = load("""
        title: Tool execution requests from the agent loop   # required
        status: accepted
        date: 2026-03-03
        deciders: [platform team]
        tags: [agents]
        context: |
          The agent loop asks tool runners to execute tools that call external APIs.
        flow:
          producer: agentic-loop
          consumers: [tool-runner]
          subject: tool.execute.>
        answers:
          restart: resume
          delivery: queue
          processing: slow
          nature: request
        why:
          restart: running a tool twice charges the customer twice
        case: tool-execution-request
        supersedes: [3]
        related: [5]
        """);
    assertThat(d.title()).isEqualTo("Tool execution requests from the agent loop");
    assertThat(d.status()).isEqualTo(Status.ACCEPTED);
    assertThat(d.date()).isEqualTo(LocalDate.of(2026, 3, 3));
    assertThat(d.deciders()).containsExactly("platform team");
    assertThat(d.tags()).containsExactly("agents");
    assertThat(d.context()).startsWith("The agent loop asks");
    assertThat(d.flow().producer()).isEqualTo("agentic-loop");
    assertThat(d.flow().consumers()).containsExactly("tool-runner");
    assertThat(d.flow().subject()).isEqualTo("tool.execute.>");
    assertThat(d.concern().answers()).containsEntry(Question.RESTART, Answer.RESUME)
        .containsEntry(Question.NATURE, Answer.REQUEST).hasSize(4);
    assertThat(d.concern().why()).containsEntry(Question.RESTART,
        "running a tool twice charges the customer twice");
    assertThat(d.concern().caseId()).isEqualTo("tool-execution-request");
    assertThat(d.supersedes()).extracting(Ref::number).containsExactly(3);
    assertThat(d.supersedes().get(0).at().line()).isEqualTo(20);
    assertThat(d.related()).extracting(Ref::number).containsExactly(5);
  }

  @Test
  void aByteOrderMarkAndCrlfLineEndsAreFine() throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/good-bom-crlf.yaml"));
    assertThat(bytes[0]).isEqualTo((byte) 0xEF);
    Design d = loader.load("good.yaml", null, bytes);
    assertThat(d.title()).isEqualTo("Tool calls with a BOM");
    assertThat(d.concern().answers()).containsEntry(Question.RESTART, Answer.RESUME);
  }

  @Test
  void statusDefaultsToProposedAndAnEmptyAnswersBlockMeansNoAnswers() {
    Design d = load("title: New path\nanswers:\n  # restart:\n");
    assertThat(d.status()).isEqualTo(Status.PROPOSED);
    assertThat(d.concern().answers()).isEmpty();
    assertThat(d.date()).isNull();
  }

  @Test
  void aSplitDesignKeepsEachPartsAnswers() {
    Design d = load("""
        title: Workflow runs
        parts:
          - name: workflow trigger
            answers: {restart: resume, delivery: queue}
            case: workflow-trigger
          - name: execution state
            context: The state of each run.
            answers: {restart: reprocess}
            why: {restart: the dashboard rebuilds from the current state}
        """);
    assertThat(d.split()).isTrue();
    assertThat(d.parts()).extracting(Part::name).containsExactly("workflow trigger", "execution state");
    assertThat(d.parts().get(0).concern().caseId()).isEqualTo("workflow-trigger");
    assertThat(d.parts().get(1).concern().answers()).containsEntry(Question.RESTART, Answer.REPROCESS);
    assertThat(d.parts().get(1).context()).isEqualTo("The state of each run.");
  }

  @Test
  void everyProblemOfAFileIsReportedAtOnceInLineOrder() {
    assertThatThrownBy(() -> load("""
        title: Tool calls
        answer: {restart: resume}
        status: done
        date: yesterday
        """))
        .isInstanceOfSatisfying(ToolException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(2);
          assertThat(e.diagnostics()).extracting(x -> x.position().line()).containsExactly(2, 3, 4);
          assertThat(e.diagnostics().get(0).message()).contains("did you mean 'answers'?");
        });
  }

  @Test
  void designFileNamesNeedANumberADashAndALowercaseSlug() {
    assertThat(DesignName.parse("0007-tool-execution.yaml").number()).isEqualTo(7);
    assertThat(DesignName.parse("12345-x.yml").stem()).isEqualTo("12345-x");
    assertThat(DesignName.parse("007-short.yaml")).isNull();
    assertThat(DesignName.parse("0007-Upper.yaml")).isNull();
    assertThat(DesignName.parse("0007-a--b.yaml")).isNull();
    assertThat(DesignName.parse("notes.yaml")).isNull();
  }
}
