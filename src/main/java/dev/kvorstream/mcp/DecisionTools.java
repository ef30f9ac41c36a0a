package dev.kvorstream.mcp;

import dev.kvorstream.check.Checkup;
import dev.kvorstream.heuristic.Assessment;
import dev.kvorstream.heuristic.Evaluation;
import dev.kvorstream.ledger.Decision;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.model.Design;
import dev.kvorstream.model.Question;
import dev.kvorstream.nats.Specs;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.ToolException;
import dev.kvorstream.render.Json;
import dev.kvorstream.render.JsonReport;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.Templates;
import dev.kvorstream.write.Drift;
import dev.kvorstream.write.Publisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The work of each MCP tool, in plain Java: arguments as JSON values in, a {@link Result}
 * (structured content and its text) out, a {@link ToolInputException} for a call the tool
 * refuses. Each call reads the decisions folder afresh. Only {@code newDecision} writes.
 */
public final class DecisionTools {

  /** A tool's answer: the structured content (JSON values) and the same as text. */
  public record Result(Map<String, Object> structured, String text) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final McpSettings settings;

  public DecisionTools(McpSettings settings) {
    this.settings = settings;
  }

  /** {@code decide}: a description (inference only) or a design object; writes nothing. */
  public Result decide(Map<String, Object> arguments) {
    Arguments args = new Arguments(arguments, List.of("description", "design"));
    String description = args.text("description");
    Map<String, Object> design = args.object("design");
    if ((description == null) == !args.has("design")) {
      args.problem("description", description == null
          ? "missing; give description (free text) or design (an object shaped like a design file)"
          : "give description or design, not both");
    } else if (description != null && description.isBlank()) {
      args.problem("description", "is empty; describe the communication path in a sentence or more");
    }
    args.done();
    String title;
    Assessment assessment;
    if (description != null) {
      title = description.strip();
      assessment = settings.assessor().assessText(title);
    } else {
      Design loaded = load(design);
      title = loaded.title();
      assessment = settings.assessor().assess(loaded);
      List<Diagnostic> nats = Specs.of(loaded, assessment).problems();
      if (!nats.isEmpty()) {
        throw new ToolInputException(nats.stream().map(d -> "design.nats: " + d.message()).toList());
      }
    }
    Map<String, Object> result = parse(JsonReport.of(title, assessment));
    List<Map<String, Object>> questions = questions(assessment);
    result.put("questions", questions);
    Templates templates = settings.templateSet();
    StringBuilder text = new StringBuilder(settings.renderer(templates).decideText(title, assessment));
    if (!questions.isEmpty()) {
      text.append("\nAsk the user (one answer word per test):\n");
      for (Map<String, Object> q : questions) {
        text.append(q.containsKey("part") ? "  [" + q.get("part") + "] " : "  ")
            .append("test ").append(q.get("test")).append(" (").append(q.get("key")).append("): ")
            .append(q.get("question")).append('\n');
        for (Object a : (List<?>) q.get("answers")) {
          Map<?, ?> answer = (Map<?, ?>) a;
          text.append("      ").append(answer.get("word")).append(": ").append(answer.get("meaning")).append('\n');
        }
      }
    }
    return new Result(result, text.toString());
  }

  /** A design object, checked by the same loader as a design file (written out as YAML). */
  private Design load(Map<String, Object> design) {
    String text = Yaml.block(design);
    try {
      return settings.loader().load("design", null, text.getBytes(StandardCharsets.UTF_8));
    } catch (ToolException e) {
      List<String> problems = new ArrayList<>();
      for (Diagnostic d : e.diagnostics()) {
        problems.add("design." + Fields.at(text, d.position().line()) + ": " + d.message());
      }
      throw new ToolInputException(problems.isEmpty() ? List.of("design: " + e.getMessage()) : problems);
    }
  }

  /** The unanswered tests (neither given nor inferred) as questions with their two answers. */
  private List<Map<String, Object>> questions(Assessment assessment) {
    List<Map<String, Object>> asked = new ArrayList<>();
    if (assessment.isSplit()) {
      for (Assessment.PartResult p : assessment.parts()) {
        for (Map<String, Object> q : questions(p.evaluation())) {
          Map<String, Object> withPart = new LinkedHashMap<>();
          withPart.put("part", p.name());
          withPart.putAll(q);
          asked.add(withPart);
        }
      }
      return asked;
    }
    return questions(assessment.whole());
  }

  private List<Map<String, Object>> questions(Evaluation evaluation) {
    List<Question> open = evaluation.unanswered();
    if (open.isEmpty()) {
      return List.of();
    }
    List<Map<String, Object>> tests = new ArrayList<>();
    for (Question q : open) {
      Map<String, Object> t = new HashMap<>();
      t.put("test", q.number());
      t.put("key", q.key());
      t.put("words", q.answers().stream().map(a -> a.word()).toList());
      tests.add(t);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("tests", tests);
    String json = settings.templateSet().render("mcp/questions.json.ftl", model);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object q : (List<?>) JSON.readValue(json, List.class)) {
      out.add(cast(q));
    }
    return out;
  }

  /** {@code new_decision}: see {@link NewDecision}. */
  public Result newDecision(Map<String, Object> arguments) {
    return new NewDecision(settings).write(arguments);
  }

  /** {@code list_decisions}: number, status, verdict and title of each, as {@code list}. */
  public Result listDecisions(Map<String, Object> arguments) {
    new Arguments(arguments, List.of()).done();
    DecisionLog log = readLog();
    List<Object> decisions = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Decision e : log.entries()) {
      String verdict = e.generated() ? e.assessment().verdict().id() : "hand-written";
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("number", e.number());
      d.put("title", e.title());
      d.put("status", e.status().isEmpty() ? null : e.status());
      d.put("verdict", verdict);
      d.put("date", e.date().isEmpty() ? null : e.date());
      d.put("design", e.generated() ? settings.path(e.design().name().fileName()) : null);
      d.put("adr", settings.path(e.adrFileName()));
      decisions.add(d);
      text.append(String.format(Locale.ROOT, "%04d  %-10s  %-16s  %s%n", e.number(),
          e.status().isEmpty() ? "-" : e.status(), verdict, e.title()));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("folder", settings.display());
    result.put("decisions", decisions);
    return new Result(result, text.length() == 0 ? "no decisions in " + settings.display() + "\n" : text.toString());
  }

  /** {@code get_decision}: one decision's design and ADR as they are on disk, and its verdict. */
  public Result getDecision(Map<String, Object> arguments) {
    Arguments args = new Arguments(arguments, List.of("number"));
    Integer number = args.number("number");
    args.done();
    DecisionLog log = readLog();
    Decision e = log.byNumber(number);
    if (e == null) {
      throw ToolInputException.of("number: no decision " + number + " in " + settings.display() + "; "
          + numbers(log));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("number", e.number());
    result.put("title", e.title());
    result.put("status", e.status().isEmpty() ? null : e.status());
    result.put("verdict", e.generated() ? e.assessment().verdict().id() : "hand-written");
    String designText = e.generated() ? read(e.design().name().fileName()) : null;
    String adrText = read(e.adrFileName());
    result.put("design", e.generated() ? settings.path(e.design().name().fileName()) : null);
    result.put("designText", designText);
    result.put("adr", settings.path(e.adrFileName()));
    result.put("adrText", adrText);
    result.put("assessment", e.generated() ? parse(JsonReport.of(e.title(), e.assessment())) : null);
    StringBuilder text = new StringBuilder();
    if (designText != null) {
      text.append("# ").append(settings.path(e.design().name().fileName())).append("\n\n").append(designText)
          .append("\n");
    }
    text.append("# ").append(settings.path(e.adrFileName())).append("\n\n")
        .append(adrText == null ? "(not generated yet: run kv-or-stream generate)\n" : adrText);
    return new Result(result, text.toString());
  }

  /** {@code check}: the problems {@code kv-or-stream check} names, in its words. */
  public Result check(Map<String, Object> arguments) {
    new Arguments(arguments, List.of()).done();
    DecisionLog log;
    try {
      log = settings.log();
    } catch (ToolException e) {
      if (e.diagnostics().isEmpty()) {
        throw ToolInputException.of("folder: " + e.getMessage());
      }
      // designs that cannot be read: check names them and stops there (exit 2)
      List<String> problems = e.diagnostics().stream().map(Diagnostic::format).toList();
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("ok", false);
      result.put("decisions", null);
      result.put("problems", problems);
      return new Result(result, String.join("\n", problems) + "\n");
    }
    Checkup found = Checkup.of(log, settings.renderer(settings.templateSet()), settings.loader());
    StringBuilder text = new StringBuilder();
    found.problems().forEach(p -> text.append(p).append('\n'));
    found.warnings().forEach(w -> text.append(w).append('\n'));
    text.append(found.summary()).append('\n');
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("ok", found.problems().isEmpty());
    result.put("decisions", found.decisions());
    result.put("problems", found.problems());
    result.put("warnings", found.warnings());
    return new Result(result, text.toString());
  }

  /** The log, or a refusal naming every design the folder cannot read. */
  private DecisionLog readLog() {
    try {
      return settings.log();
    } catch (ToolException e) {
      if (e.diagnostics().isEmpty()) {
        throw ToolInputException.of("folder: " + e.getMessage());
      }
      throw new ToolInputException(e.diagnostics().stream().map(Diagnostic::format).toList());
    }
  }

  private String read(String fileName) {
    Path file = settings.dir().resolve(fileName);
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw ToolException.failed("cannot read " + settings.path(fileName) + ": " + e.getMessage(), e);
    }
  }

  /** The numbers a link or a lookup may name, for a message. */
  static String numbers(DecisionLog log) {
    return log.entries().isEmpty() ? "it has no decisions yet" : "expected one of "
        + String.join(", ", log.entries().stream().map(e -> String.valueOf(e.number())).toList());
  }

  /** JSON text (of {@link JsonReport}, say) as maps and lists, for structured content. */
  static Map<String, Object> parse(String json) {
    return cast(JSON.readValue(json, Map.class));
  }

  /** Writes JSON values as indented JSON text. */
  static String json(Object value) {
    return Json.write(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object value) {
    return (Map<String, Object>) value;
  }
}
