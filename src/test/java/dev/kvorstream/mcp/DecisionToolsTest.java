package dev.kvorstream.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvorstream.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The tools' work, called as the server calls it, on a working folder of the test's own. */
class DecisionToolsTest {

  static final Clock NOV_26 = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path work;

  DecisionTools tools() {
    return new DecisionTools(new McpSettings(work.resolve("decisions"), "decisions", null, "nygard", true, NOV_26));
  }

  record Run(int code, String out, String err) {}

  Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(new byte[0]), NOV_26, work);
    return new Run(code, out.toString(), err.toString());
  }

  static Map<String, Object> args(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static Map<String, Object> toolRequest() {
    return args("title", "Tool execution requests from the agent loop",
        "context", "The agent loop asks tool runners to execute tools.\nSome call paid APIs.",
        "flow", args("producer", "agentic-loop", "consumers", List.of("tool-runner"), "subject", "tool.execute.>"),
        "answers", args("restart", "resume", "delivery", "queue"),
        "why", args("restart", "running a tool twice charges the customer twice"),
        "tags", List.of("agents"),
        "case", "tool-execution-request");
  }

  /** Every file under the working folder with its bytes, to show that nothing changed. */
  Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(work)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (Files.isRegularFile(p)) {
          files.put(work.relativize(p).toString(), Files.readString(p));
        }
      }
    }
    return files;
  }

  @Test
  void decideOnADescriptionGivesTheCliJsonAndAsksForWhatIsUnknown() {
    // a terse phrase that names a kind of message: the words cannot tell, every test is asked
    String text = "Patient appointment changes";
    DecisionTools.Result r = tools().decide(args("description", text));
    Map<String, Object> structured = new LinkedHashMap<>(r.structured());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> questions = (List<Map<String, Object>>) structured.remove("questions");
    Run cli = cli("decide", "--format", "json", "--text", text);
    assertThat(cli.code()).isZero();
    assertThat(structured).isEqualTo(JSON.readValue(cli.out(), Map.class));
    assertThat(structured.get("verdict")).isEqualTo("undecided");
    // a question for each test the engine left unknown, in test order
    @SuppressWarnings("unchecked")
    List<Object> unknown = ((List<Map<String, Object>>) structured.get("tests")).stream()
        .filter(t -> t.get("source").equals("unknown")).map(t -> t.get("key")).toList();
    assertThat(unknown).isNotEmpty().contains("restart");
    assertThat(questions).extracting(q -> q.get("key")).containsExactlyElementsOf(unknown);
    assertThat(questions.get(0).get("question")).asString().startsWith("If the processor restarted");
    assertThat(questions.get(0).get("answers")).asString().contains("word=reprocess").contains("word=resume");
    assertThat(r.text()).contains("Verdict: undecided").contains("test 1 (restart): If the processor restarted");
  }

  @Test
  void decideOnADesignObjectUsesItsAnswersAsGiven() {
    DecisionTools.Result r = tools().decide(args("design", args("title", "Orders to fulfil",
        "answers", args("restart", "resume", "delivery", "fan-out"))));
    assertThat(r.structured().get("verdict")).isEqualTo("jetstream-stream");
    assertThat(r.structured().get("conflict")).isEqualTo(true);
    assertThat(r.structured().get("tests")).asString().contains("source=given");
  }

  @Test
  void aDesignObjectWithAnUnknownWordIsRefusedNamingTheFieldAndTheWords() {
    assertThatThrownBy(() -> tools().decide(args("design", args("title", "x y",
        "answers", args("restart", "maybe")))))
        .isInstanceOf(ToolInputException.class)
        .hasMessageContaining("design.answers.restart: ")
        .hasMessageContaining("'reprocess' or 'resume'");
  }

  @Test
  void decideWantsADescriptionOrADesign() {
    assertThatThrownBy(() -> tools().decide(args())).hasMessageContaining("description: missing");
    assertThatThrownBy(() -> tools().decide(args("description", "a", "design", args("title", "b"))))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> tools().decide(args("text", "a"))).hasMessageContaining("text: unknown field");
  }

  @Test
  void newDecisionWritesTheDesignAndItsAdrAsGenerateWould() throws IOException {
    DecisionTools.Result r = tools().newDecision(toolRequest());
    Map<String, Object> s = r.structured();
    assertThat(s.get("number")).isEqualTo(1);
    assertThat(s.get("design")).isEqualTo("decisions/0001-tool-execution-requests-from-the-agent-loop.yaml");
    assertThat(s.get("adr")).isEqualTo("decisions/0001-tool-execution-requests-from-the-agent-loop.md");
    assertThat(s.get("verdict")).isEqualTo("jetstream-stream");
    assertThat(s.get("written")).asList().contains(s.get("adr"), "decisions/README.md");
    Path adr = work.resolve((String) s.get("adr"));
    assertThat(Files.readString(adr)).isEqualTo(s.get("adrText")).startsWith("# 1. Tool execution requests");
    assertThat(Files.readString(adr)).contains("running a tool twice charges the customer twice");
    // what the tool wrote is what generate writes: nothing is out of date, and check is clean
    assertThat(cli("generate", "--check").code()).isZero();
    assertThat(cli("check").code()).isZero();
    Run decide = cli("decide", "--format", "json", (String) s.get("design"));
    assertThat(JSON.readValue(decide.out(), Map.class)).isEqualTo(s.get("assessment"));
    String design = Files.readString(work.resolve((String) s.get("design")));
    assertThat(design).contains("date: 2026-11-26\n").contains("subject: \"tool.execute.>\"")
        .contains("case: \"tool-execution-request\"").contains("  restart: resume\n");
  }

  @Test
  void anUnknownAnswerWordIsRefusedAndNothingIsWritten() throws IOException {
    Map<String, Object> request = toolRequest();
    request.put("answers", args("restart", "resume", "delivery", "everyone"));
    assertThatThrownBy(() -> tools().newDecision(request))
        .isInstanceOf(ToolInputException.class)
        .hasMessage("answers.delivery: unknown answer 'everyone' for test 2 (delivery); expected 'fan-out' or 'queue'");
    assertThat(snapshot()).isEmpty();
  }

  @Test
  void eachBadFieldIsNamedAndNothingIsWritten() throws IOException {
    tools().newDecision(toolRequest());
    Map<String, String> before = snapshot();
    List<String> refusals = new ArrayList<>();
    for (Map<String, Object> bad : List.of(
        with("flow", args("subject", "tool execute")),
        with("case", "tool-execution"),
        with("status", "done"),
        with("answers", args("speed", "fast")),
        with("why", args("restart", "two\nlines")),
        with("supersedes", List.of(7)),
        with("related", List.of("one")),
        with("tags", "agents"),
        with("title", " "))) {
      try {
        tools().newDecision(bad);
      } catch (ToolInputException e) {
        refusals.add(e.getMessage());
      }
    }
    assertThat(refusals).hasSize(9);
    assertThat(refusals.get(0)).startsWith("flow.subject: ").contains("subject");
    assertThat(refusals.get(1)).startsWith("case: unknown case 'tool-execution'");
    assertThat(refusals.get(2)).isEqualTo("status: unknown status 'done'; expected one of proposed, accepted, rejected, deprecated, superseded");
    assertThat(refusals.get(3)).startsWith("answers.speed: unknown test; expected one of restart, delivery, processing, nature");
    assertThat(refusals.get(4)).startsWith("why.restart: must be one line");
    assertThat(refusals.get(5)).startsWith("supersedes: no decision 7 in the folder; expected one of 1");
    assertThat(refusals.get(6)).startsWith("related[0]: must be a decision number");
    assertThat(refusals.get(7)).startsWith("tags: must be a list of texts");
    assertThat(refusals.get(8)).startsWith("title: must be one line of text");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void oneCallNamesEveryBadFieldAtOnce() throws IOException {
    Map<String, Object> request = toolRequest();
    request.put("answers", args("restart", "twice"));
    request.put("flow", args("subject", "orders new"));
    request.put("case", "order");
    request.put("status", "open");
    assertThatThrownBy(() -> tools().newDecision(request))
        .isInstanceOf(ToolInputException.class)
        .satisfies(e -> assertThat(((ToolInputException) e).problems()).extracting(p -> p.substring(0, p.indexOf(':')))
            .containsExactlyInAnyOrder("answers.restart", "status", "flow.subject", "case"));
    assertThat(snapshot()).isEmpty();
  }

  static Map<String, Object> with(String key, Object value) {
    Map<String, Object> m = toolRequest();
    m.put(key, value);
    return m;
  }

  @Test
  void supersedingMarksTheOldDecisionAndBothAdrsLinkEachOther() throws IOException {
    tools().newDecision(toolRequest());
    DecisionTools.Result r = tools().newDecision(args("title", "Tool runs through the job service",
        "answers", args("restart", "resume"), "supersedes", List.of(1)));
    assertThat(r.structured().get("number")).isEqualTo(2);
    String old = Files.readString(work.resolve("decisions/0001-tool-execution-requests-from-the-agent-loop.yaml"));
    assertThat(old).contains("\nstatus: superseded\n");
    assertThat(Files.readString(work.resolve("decisions/0001-tool-execution-requests-from-the-agent-loop.md")))
        .contains("superseded");
    assertThat(r.structured().get("written")).asList()
        .contains("decisions/0001-tool-execution-requests-from-the-agent-loop.md");
    assertThat(cli("check").code()).isZero();
  }

  @Test
  void aFileEditedByHandIsLeftAsItIsAndReported() throws IOException {
    tools().newDecision(toolRequest());
    Path index = work.resolve("decisions/README.md");
    Files.writeString(index, Files.readString(index) + "\nOur own note.\n");
    DecisionTools.Result r = tools().newDecision(args("title", "Entity state changes", "answers",
        args("restart", "reprocess")));
    assertThat(r.structured().get("keptAsEdited")).asList().containsExactly("decisions/README.md");
    assertThat(Files.readString(index)).endsWith("Our own note.\n");
    assertThat(work.resolve("decisions/0002-entity-state-changes.md")).isRegularFile();
  }

  @Test
  void contextComesBackFromTheDesignFileExactly() throws IOException {
    String context = "  indented first line: with a colon\n# not a comment\n\n\"quoted\" and 'single' \\ back\n- a list item?";
    Map<String, Object> request = args("title", "Odd context", "context", context);
    DecisionTools.Result r = tools().newDecision(request);
    assertThat(cli("generate", "--check").code()).isZero();
    String design = Files.readString(work.resolve((String) r.structured().get("design")));
    assertThat(new dev.kvorstream.design.DesignLoader(List.of()).load("x", null,
        design.getBytes(StandardCharsets.UTF_8)).context().stripTrailing()).isEqualTo(context);
  }

  @Test
  void listAndCheckSayWhatTheCommandsSay() throws IOException {
    tools().newDecision(toolRequest());
    tools().newDecision(args("title", "Entity state changes", "answers", args("restart", "reprocess")));
    Run list = cli("list");
    assertThat(tools().listDecisions(Map.of()).text()).isEqualTo(list.out());
    Run clean = cli("check");
    assertThat(clean.code()).isZero();
    assertThat(tools().check(Map.of()).text()).isEqualTo(clean.err() + clean.out());
    assertThat(tools().check(Map.of()).structured().get("warnings")).asList().hasSize(1);
    // break it: a dangling link and a stale ADR
    Path design = work.resolve("decisions/0002-entity-state-changes.yaml");
    Files.writeString(design, Files.readString(design) + "related: [9]\n");
    Run check = cli("check");
    assertThat(check.code()).isEqualTo(1);
    DecisionTools.Result r = tools().check(Map.of());
    assertThat(r.text()).isEqualTo(check.err());
    assertThat(r.structured().get("ok")).isEqualTo(false);
    assertThat(r.structured().get("problems")).asList().isNotEmpty();
  }

  @Test
  void checkNamesADesignThatCannotBeReadAsCheckDoes() throws IOException {
    tools().newDecision(toolRequest());
    Files.writeString(work.resolve("decisions/0002-broken.yaml"), "title: Broken\nanswers:\n  restart: maybe\n");
    Run check = cli("check");
    assertThat(check.code()).isEqualTo(2);
    DecisionTools.Result r = tools().check(Map.of());
    assertThat(r.structured().get("ok")).isEqualTo(false);
    assertThat(r.text()).isEqualTo(check.err()).contains("decisions/0002-broken.yaml:3:12: error: unknown answer");
  }

  @Test
  void getDecisionGivesTheDesignAndTheAdrOnDisk() throws IOException {
    tools().newDecision(toolRequest());
    DecisionTools.Result r = tools().getDecision(args("number", 1));
    assertThat(r.structured().get("designText"))
        .isEqualTo(Files.readString(work.resolve("decisions/0001-tool-execution-requests-from-the-agent-loop.yaml")));
    assertThat(r.structured().get("adrText"))
        .isEqualTo(Files.readString(work.resolve("decisions/0001-tool-execution-requests-from-the-agent-loop.md")));
    assertThatThrownBy(() -> tools().getDecision(args("number", 5)))
        .hasMessage("number: no decision 5 in decisions; expected one of 1");
    assertThatThrownBy(() -> tools().getDecision(args("number", 1.5)))
        .hasMessageStartingWith("number: must be a decision number");
  }

  @Test
  void theSchemasComeFromTheDesignSchema() throws IOException {
    List<ToolCatalog.Tool> catalog = ToolCatalog.load();
    assertThat(catalog).extracting(ToolCatalog.Tool::name)
        .containsExactly("decide", "new_decision", "list_decisions", "get_decision", "check");
    @SuppressWarnings("unchecked")
    Map<String, Object> designSchema = JSON.readValue(
        Files.readString(Path.of("src/main/resources/dev/kvorstream/design/design.schema.json")), Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> props = (Map<String, Object>) designSchema.get("properties");
    @SuppressWarnings("unchecked")
    Map<String, Object> newProps = (Map<String, Object>) catalog.get(1).inputSchema().get("properties");
    assertThat(newProps.keySet()).containsExactlyElementsOf(NewDecision.FIELDS);
    newProps.forEach((k, v) -> assertThat(v).isEqualTo(props.get(k)));
    @SuppressWarnings("unchecked")
    Map<String, Object> decideProps = (Map<String, Object>) catalog.get(0).inputSchema().get("properties");
    assertThat(decideProps.get("design")).asString().contains("tool-execution-request", "reprocess");
  }
}
