package dev.kvorstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CommandsTest extends FolderTest {

  static final String TOOL_CALLS = """
      title: Tool execution requests from the agent loop
      status: accepted
      date: 2026-03-03
      context: |
        The agent loop asks tool runners to execute tools that call external APIs.
      answers:
        restart: resume
        delivery: queue
      case: tool-execution-request
      """;

  static final String STATE = """
      title: Entity state
      status: accepted
      date: 2026-03-04
      answers:
        restart: reprocess
      related: [1]
      """;

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    Cli.Result r = Cli.run(work, "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("decide", "new", "generate", "list", "check", "Exit codes");
  }

  @Test
  void versionAndUnknownCommands() {
    assertThat(Cli.run(work, "--version").out()).startsWith("kv-or-stream ");
    Cli.Result bad = Cli.run(work, "frobnicate");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("error:");
  }

  @Test
  void decidePrintsTheContractsJson() throws IOException {
    design("0001-tool-calls.yaml", TOOL_CALLS);
    Cli.Result r = Cli.run(work, "decide", "--format", "json", "decisions/0001-tool-calls.yaml");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"title\": \"Tool execution requests from the agent loop\"",
        "\"verdict\": \"jetstream-stream\"", "\"decidedBy\": 1", "\"conflict\": false",
        "\"conflictingTests\": []",
        "{\"test\": 1, \"key\": \"restart\", \"answer\": \"resume\", \"vote\": \"jetstream-stream\", \"source\": \"given\"}",
        "{\"test\": 3, \"key\": \"processing\", \"answer\": \"slow\", \"vote\": \"jetstream-stream\", \"source\": \"inferred\", \"cue\": \"execution, call\"}",
        "{\"test\": 4, \"key\": \"nature\", \"answer\": \"request\", \"vote\": \"jetstream-stream\", \"source\": \"inferred\", \"cue\": \"execution, call\"}",
        "\"nearestCase\": {\"id\": \"tool-execution-request\", \"primitive\": \"jetstream-stream\", \"agrees\": true",
        "\"parts\": []");
    assertThat(Files.list(decisions).count()).as("decide writes nothing").isEqualTo(1);
  }

  @Test
  void decideReadsStandardInputAndFreeText() {
    Cli.Result stdin = Cli.runWithInput(work, "title: x\nanswers: {restart: reprocess}\n", "decide", "-");
    assertThat(stdin.code()).isZero();
    assertThat(stdin.out()).contains("Verdict: KV watch, decided by test 1 (restart)");

    Cli.Result text = Cli.run(work, "decide", "--format", "json", "--text",
        "Charge the customer's card exactly once per order");
    assertThat(text.code()).isZero();
    assertThat(text.out()).contains("\"verdict\": \"jetstream-stream\"", "\"source\": \"inferred\"");

    Cli.Result bad = Cli.runWithInput(work, "title: x\nanswers: {restart: maybe}\n", "decide", "-");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("<stdin>:2:20: error: unknown answer 'maybe'");
  }

  @Test
  void decideNeedsExactlyOneInputAndAnExistingFile() {
    assertThat(Cli.run(work, "decide").code()).isEqualTo(2);
    assertThat(Cli.run(work, "decide", "a.yaml", "--text", "x").code()).isEqualTo(2);
    Cli.Result missing = Cli.run(work, "decide", "nope.yaml");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file: nope.yaml");
  }

  @Test
  void noInferLeavesOmittedAnswersUnknown() throws IOException {
    design("0001-tool-calls.yaml", TOOL_CALLS);
    Cli.Result r = Cli.run(work, "decide", "--no-infer", "--format", "json", "decisions/0001-tool-calls.yaml");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"source\": \"unknown\"").doesNotContain("inferred");
  }

  @Test
  void newWritesTheNextNumberWithTodaysDateAndTheFourQuestions() throws IOException {
    design("0007-older.yaml", TOOL_CALLS);
    Cli.Result r = Cli.run(work, "new", "Crème brûlée orders: the path/to ../etc");
    assertThat(r.code()).isZero();
    assertThat(r.out().strip()).isEqualTo("decisions/0008-creme-brulee-orders-the-path-to-etc.yaml");
    String yaml = read("0008-creme-brulee-orders-the-path-to-etc.yaml");
    assertThat(yaml).contains("title: \"Crème brûlée orders: the path/to ../etc\"", "status: proposed",
        "date: 2026-11-26", "# restart:", "# delivery:", "# processing:", "# nature:");
    Cli.Result decided = Cli.run(work, "decide", "decisions/0008-creme-brulee-orders-the-path-to-etc.yaml");
    assertThat(decided.code()).as(decided.err()).isZero();
  }

  @Test
  void newStartsTheFolderWhenThereIsNone() {
    Cli.Result r = Cli.run(work, "new", "First path", "--dir", "adr");
    assertThat(r.code()).isZero();
    assertThat(work.resolve("adr/0001-first-path.yaml")).exists();
  }

  @Test
  void generateWritesAdrsAndIndexThenNothingOnARerun() throws IOException {
    design("0001-tool-calls.yaml", TOOL_CALLS);
    design("0002-state.yaml", STATE);
    Cli.Result first = Cli.run(work, "generate");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("created decisions/0001-tool-calls.md", "created decisions/README.md");
    String adr = read("0001-tool-calls.md");
    assertThat(adr).startsWith("# 1. Tool execution requests from the agent loop\n");
    assertThat(adr).contains("\n## Status\n\naccepted\n", "\nDate: 2026-03-03\n",
        "Related to [2. Entity state](0002-state.md)");
    assertThat(read("0002-state.md")).contains("Related to [1. Tool execution requests from the agent loop](0001-tool-calls.md)");
    assertThat(read("README.md")).contains("[Tool execution requests from the agent loop](0001-tool-calls.md)",
        "| 2 | [Entity state](0002-state.md) | accepted | KV watch | 2026-03-04 |");

    FileTime old = FileTime.fromMillis(1_000_000_000L);
    Files.setLastModifiedTime(decisions.resolve("0001-tool-calls.md"), old);
    Cli.Result second = Cli.run(work, "generate");
    assertThat(second.code()).isZero();
    assertThat(second.out()).contains("generate: 0 written, 3 unchanged");
    assertThat(Files.getLastModifiedTime(decisions.resolve("0001-tool-calls.md"))).isEqualTo(old);
  }

  @Test
  void checkModeNamesMissingAndOutdatedFilesWithoutWriting() throws IOException {
    design("0001-tool-calls.yaml", TOOL_CALLS);
    Cli.Result missing = Cli.run(work, "generate", "--check");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("decisions/0001-tool-calls.md: missing", "decisions/README.md: missing");
    assertThat(decisions.resolve("0001-tool-calls.md")).doesNotExist();

    assertThat(Cli.run(work, "generate").code()).isZero();
    assertThat(Cli.run(work, "generate", "--check").code()).isZero();

    design("0001-tool-calls.yaml", TOOL_CALLS.replace("status: accepted", "status: deprecated"));
    Cli.Result drift = Cli.run(work, "generate", "--check");
    assertThat(drift.code()).isEqualTo(1);
    assertThat(drift.err()).contains("decisions/0001-tool-calls.md: out of date");
    assertThat(Cli.run(work, "check").code()).isEqualTo(1);
  }

  @Test
  void aHandEditedAdrIsNeverOverwrittenWithoutForceAndForceKeepsACopy() throws IOException {
    design("0001-tool-calls.yaml", TOOL_CALLS);
    Cli.run(work, "generate");
    String edited = read("0001-tool-calls.md").replace("## Context", "## Context\n\nA note by hand.");
    Files.writeString(decisions.resolve("0001-tool-calls.md"), edited);
    design("0001-tool-calls.yaml", TOOL_CALLS.replace("status: accepted", "status: deprecated"));

    Cli.Result kept = Cli.run(work, "generate");
    assertThat(kept.code()).isEqualTo(1);
    assertThat(kept.err()).contains("decisions/0001-tool-calls.md: edited by hand");
    assertThat(read("0001-tool-calls.md")).isEqualTo(edited);
    assertThat(read("README.md")).contains("| deprecated |");

    Cli.Result forced = Cli.run(work, "generate", "--force");
    assertThat(forced.code()).isZero();
    assertThat(read("0001-tool-calls.md")).contains("## Status\n\ndeprecated\n").doesNotContain("A note by hand.");
    assertThat(read("0001-tool-calls.md.orig")).isEqualTo(edited);
  }

  @Test
  void aUsersOwnReadmeIsNotReplacedByTheIndex() throws IOException {
    design("0001-tool-calls.yaml", TOOL_CALLS);
    Files.writeString(decisions.resolve("README.md"), "# Our decisions\n\nWritten by us.\n");
    Cli.Result r = Cli.run(work, "generate");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("decisions/README.md: written by hand");
    assertThat(read("README.md")).isEqualTo("# Our decisions\n\nWritten by us.\n");
    assertThat(decisions.resolve("0001-tool-calls.md")).exists();
  }

  @Test
  void fanOutInferredFromTheFlowIsSaidInTheReportAndTheAdr() throws IOException {
    design("0001-placed.yaml", """
        title: Order placed events
        flow: {producer: checkout, consumers: [shipping, billing, email], subject: orders.placed.>}
        answers: {restart: resume}
        """);
    Cli.Result decided = Cli.run(work, "decide", "decisions/0001-placed.yaml");
    assertThat(decided.out()).contains("[flow: shipping, billing, email each consume it]")
        .doesNotContain("flow.consumers");
    assertThat(Cli.run(work, "generate").code()).isZero();
    assertThat(read("0001-placed.md")).contains("inferred from the flow: shipping, billing, email each consume it");
  }

  @Test
  void handWrittenAdrsKeepTheirNumbersAndAreListed() throws IOException {
    String handWritten = "# 1. Record architecture decisions\n\nDate: 2025-01-02\n\n## Status\n\nAccepted\n";
    Files.writeString(decisions.resolve("0001-record-architecture-decisions.md"), handWritten);
    design("0002-state.yaml", STATE.replace("related: [1]", "supersedes: [1]"));
    Cli.Result r = Cli.run(work, "generate");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(read("0001-record-architecture-decisions.md")).isEqualTo(handWritten);
    assertThat(read("README.md")).contains(
        "| 1 | [Record architecture decisions](0001-record-architecture-decisions.md) | accepted | written by hand | 2025-01-02 |");
    assertThat(read("0002-state.md")).contains("Supersedes [1. Record architecture decisions]");
    Cli.Result list = Cli.run(work, "list");
    assertThat(list.out()).contains("0001  accepted    hand-written      Record architecture decisions",
        "0002  accepted    kv-watch          Entity state");
  }

  @Test
  void anyBadDesignMeansGenerateWritesNothingAndReportsEveryError() throws IOException {
    design("0001-tool-calls.yaml", TOOL_CALLS);
    design("0002-bad.yaml", "title: Bad\nanswers:\n  restart: yes\n");
    design("0003-worse.yaml", "titel: Worse\n");
    Cli.Result r = Cli.run(work, "generate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("decisions/0002-bad.yaml:3:12: error:", "decisions/0003-worse.yaml:1:1: error:");
    try (Stream<Path> files = Files.list(decisions)) {
      assertThat(files.filter(p -> p.toString().endsWith(".md"))).isEmpty();
    }
  }

  @Test
  void folderProblemsAreRefusedByGenerateAndNamedByCheck() throws IOException {
    design("0001-tool-calls.yaml", TOOL_CALLS.replace("case:", "supersedes: [1, 9]\ncase:"));
    design("0001-again.yaml", STATE);
    design("notes.yaml", "title: loose\n");
    Cli.Result gen = Cli.run(work, "generate");
    assertThat(gen.code()).isEqualTo(2);
    Cli.Result check = Cli.run(work, "check");
    assertThat(check.code()).isEqualTo(1);
    assertThat(check.err()).contains(
        "decisions/0001-tool-calls.yaml: error: decision number 1 is taken by 2 files (0001-again.yaml, 0001-tool-calls.yaml); fix it with: kv-or-stream renumber decisions/0001-tool-calls.yaml",
        "decisions/notes.yaml: error: design file not named NNNN-slug.yaml",
        "error: decision 1 lists itself in 'supersedes'",
        "error: 'supersedes' names decision 9, but the folder has no decision 9");
    assertThat(check.err()).containsPattern("decisions/0001-tool-calls.yaml:\\d+:\\d+: error: 'supersedes' names decision 9");
  }

  @Test
  void checkFindsSupersedeCyclesAndStatusesThatContradictTheLinks() throws IOException {
    design("0001-a.yaml", "title: A\nstatus: accepted\nsupersedes: [2]\n");
    design("0002-b.yaml", "title: B\nstatus: superseded\nsupersedes: [1]\n");
    design("0003-c.yaml", "title: C\nstatus: superseded\n");
    Cli.Result check = Cli.run(work, "check");
    assertThat(check.code()).isEqualTo(1);
    assertThat(check.err()).contains("supersede cycle: 1 supersedes 2 supersedes 1",
        "decision 1 is superseded by 2 but its status is 'accepted'",
        "decision 3 has status 'superseded' but no decision supersedes it");
  }

  @Test
  void anAdrWhoseDesignIsGoneIsRemovedOnlyIfNobodyEditedIt() throws IOException {
    design("0001-tool-calls.yaml", TOOL_CALLS);
    design("0002-state.yaml", STATE.replace("related: [1]", ""));
    Cli.run(work, "generate");
    Files.delete(decisions.resolve("0001-tool-calls.yaml"));
    Files.writeString(decisions.resolve("0002-state.md"), read("0002-state.md") + "edited\n");
    Files.delete(decisions.resolve("0002-state.yaml"));
    assertThat(Cli.run(work, "generate", "--check").err()).contains("0001-tool-calls.md: generated from a design that no longer exists");
    Cli.Result r = Cli.run(work, "generate");
    assertThat(r.out()).contains("removed decisions/0001-tool-calls.md");
    assertThat(decisions.resolve("0001-tool-calls.md")).doesNotExist();
    assertThat(decisions.resolve("0002-state.md")).exists();
  }

  /** Generates the tool-calls design with a templates folder whose adr.md.ftl is the text given. */
  Cli.Result generateToolCallsWithAdrTemplate(String adrTemplate) throws IOException {
    design("0001-tool-calls.yaml", TOOL_CALLS);
    Path templates = Files.createDirectories(work.resolve("t"));
    Files.writeString(templates.resolve("adr.md.ftl"), adrTemplate);
    return Cli.run(work, "generate", "--templates", "t");
  }

  @Test
  void aUserTemplateOverridesOneBuiltInTemplateByName() throws IOException {
    Cli.Result r = generateToolCallsWithAdrTemplate("# ${number}. ${title}\n\nOur layout: ${verdict}\n");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(read("0001-tool-calls.md")).startsWith(
        "# 1. Tool execution requests from the agent loop\n\nOur layout: jetstream-stream\n<!-- kv-or-stream: generated from 0001-tool-calls.yaml sha256:");
    assertThat(read("README.md")).startsWith("# Decisions");
  }

  @Test
  void aBrokenTemplateFailsWithExitThreeAndWritesNothing() throws IOException {
    Cli.Result r = generateToolCallsWithAdrTemplate("${nope.nothing}\n");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).startsWith("kv-or-stream: error: template adr.md.ftl failed").doesNotContain("\tat ");
    assertThat(decisions.resolve("0001-tool-calls.md")).doesNotExist();
    assertThat(decisions.resolve("README.md")).doesNotExist();
  }

  @Test
  void templatesCannotCreateJavaObjects() throws IOException {
    Cli.Result r = generateToolCallsWithAdrTemplate(
        "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n");
    assertThat(r.code()).isEqualTo(3);
    assertThat(decisions.resolve("0001-tool-calls.md")).doesNotExist();
  }

  @Test
  void aSecondRunWhileTheFirstHoldsTheFolderIsTurnedAway() throws IOException {
    design("0001-tool-calls.yaml", TOOL_CALLS);
    try (FileChannel ch = FileChannel.open(decisions.resolve(".kv-or-stream.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
      Cli.Result r = Cli.run(work, "generate");
      assertThat(r.code()).isEqualTo(3);
      assertThat(r.err()).contains("another kv-or-stream run is writing to this folder");
      assertThat(lock.isValid()).isTrue();
    }
    assertThat(decisions.resolve("0001-tool-calls.md")).doesNotExist();
  }

  @Test
  void aMissingFolderIsABadUsageError() {
    Cli.Result r = Cli.run(work, "list", "--dir", "nowhere");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no decisions folder 'nowhere'");
  }
}
