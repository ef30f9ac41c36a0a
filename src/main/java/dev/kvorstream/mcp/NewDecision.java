package dev.kvorstream.mcp;

import dev.kvorstream.design.Slugs;
import dev.kvorstream.ledger.Decision;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.ledger.Edits;
import dev.kvorstream.ledger.Numbers;
import dev.kvorstream.model.Answer;
import dev.kvorstream.model.Design;
import dev.kvorstream.model.DesignName;
import dev.kvorstream.model.Question;
import dev.kvorstream.model.Status;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.ToolException;
import dev.kvorstream.render.JsonReport;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.Templates;
import dev.kvorstream.write.DesignSchema;
import dev.kvorstream.write.Publisher;
import dev.kvorstream.write.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code new_decision} tool: checks every argument first, then writes the design with the
 * next free number (the same template as {@code kv-or-stream new}), marks the decisions it
 * supersedes, and renders the ADRs and the index through {@link Publisher}, as
 * {@code generate} does: under its lock, atomically, never over a file edited by hand.
 */
final class NewDecision {

  static final List<String> FIELDS = List.of("title", "context", "flow", "answers", "why", "case",
      "tags", "supersedes", "related", "status");
  private static final List<String> FLOW_FIELDS = List.of("producer", "consumers", "subject");

  private final McpSettings settings;

  NewDecision(McpSettings settings) {
    this.settings = settings;
  }

  /**
   * The arguments, ready for the design template: a value found bad is left out of the model
   * (and named in {@code problems}), so the rest can still be checked by the loader.
   */
  record Input(String title, Map<String, Object> model, List<Integer> supersedes, List<Integer> related,
      List<String> problems) {}

  static Input read(Map<String, Object> arguments) {
    Arguments args = new Arguments(arguments, FIELDS);
    Map<String, Object> model = new HashMap<>();
    String title = args.has("title") ? args.line("title", arguments.get("title")) : null;
    if (title == null && !args.has("title")) {
      args.problem("title", "missing; name the communication path in one line");
    }
    model.put("title", title);
    String context = args.text("context");
    if (context != null && !context.isBlank()) {
      model.put("context", context.replace("\r\n", "\n").stripTrailing());
    }
    model.put("answers", words(args, "answers", true));
    model.put("why", words(args, "why", false));
    String status = args.text("status");
    if (status != null) {
      Status s = Status.fromWord(status.strip());
      if (s == null || !s.word().equals(status.strip())) {
        args.problem("status", "unknown status '" + status + "'; expected one of "
            + String.join(", ", Status.words()));
      } else {
        model.put("status", s.word());
      }
    }
    String caseId = args.text("case");
    if (caseId != null) {
      model.put("caseId", caseId.strip());
    }
    List<String> tags = args.lines("tags");
    model.put("tags", tags);
    if (args.has("flow")) {
      Arguments flow = args.nested("flow", FLOW_FIELDS);
      Map<String, Object> f = new HashMap<>();
      putIfPresent(f, "producer", flow.line("flow.producer", flow.raw("producer")));
      f.put("consumers", flow.lines("flow.consumers", flow.raw("consumers")));
      putIfPresent(f, "subject", flow.line("flow.subject", flow.raw("subject")));
      model.put("flow", f);
    }
    List<Integer> supersedes = args.numbers("supersedes");
    List<Integer> related = args.numbers("related");
    model.put("supersedes", supersedes);
    model.put("related", related);
    return new Input(title, model, supersedes, related, args.problems());
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /**
   * The answers (answer words, checked) or the reasons (one line each) by test key, in test
   * order, since both are written into YAML as they are.
   */
  private static Map<String, String> words(Arguments args, String field, boolean answers) {
    Map<String, Object> given = args.object(field);
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : given.keySet()) {
      if (Question.byKey(key) == null) {
        args.problem(field + "." + key, "unknown test; expected one of "
            + String.join(", ", Arrays.stream(Question.values()).map(Question::key).toList()));
      }
    }
    for (Question q : Question.values()) {
      Object value = given.get(q.key());
      String name = field + "." + q.key();
      if (value == null) {
        continue;
      }
      if (answers) {
        String word = args.text(name, value);
        if (word == null) {
          continue;
        }
        Answer a = Answer.of(q, word.strip());
        if (a == null) {
          List<Answer> choices = q.answers();
          args.problem(name, "unknown answer '" + word + "' for test " + q.number() + " (" + q.key()
              + "); expected '" + choices.get(0).word() + "' or '" + choices.get(1).word() + "'");
          continue;
        }
        out.put(q.key(), a.word());
      } else {
        String line = args.line(name, value);
        if (line != null) {
          out.put(q.key(), line);
        }
      }
    }
    return out;
  }

  /** Checks, writes and renders; returns what it wrote. */
  DecisionTools.Result write(Map<String, Object> arguments) {
    Input input = read(arguments);
    Path dir = settings.dir();
    DecisionLog before = Files.isDirectory(dir) ? settings.log() : null;
    List<String> problems = new ArrayList<>(input.problems());
    if (before != null) {
      for (Diagnostic d : before.blocking()) {
        problems.add("decisions folder: " + d.headline());
      }
      links(before, "supersedes", input.supersedes(), true, problems);
      links(before, "related", input.related(), false, problems);
    } else {
      for (int n : input.supersedes()) {
        problems.add("supersedes: no decision " + n + "; the folder " + settings.display() + " is empty");
      }
      for (int n : input.related()) {
        problems.add("related: no decision " + n + "; the folder " + settings.display() + " is empty");
      }
    }
    Templates templates = settings.templateSet();
    try {
      int number = Files.isDirectory(dir) ? Numbers.next(dir) : 1;
      DesignName name = input.title() == null ? null : DesignName.parse(String.format(Locale.ROOT,
          "%04d-%s.yaml", number, Slugs.of(input.title())));
      String text = name == null ? null : render(templates, input);
      if (text != null) {
        problems.addAll(verify(text, name, input));
      }
      if (!problems.isEmpty()) {
        throw new ToolInputException(problems);
      }
      Files.createDirectories(dir);
      DesignSchema.writeBeside(dir);
      if (!SafeFiles.create(dir.resolve(name.fileName()), text)) {
        throw ToolInputException.of("title: " + name.fileName() + " appeared while writing; call again");
      }
      for (int n : input.supersedes()) {
        Decision old = before.byNumber(n);
        Path file = dir.resolve(old.design().name().fileName());
        String oldText = Files.readString(file, StandardCharsets.UTF_8);
        SafeFiles.write(file, Edits.setStatus(oldText, Status.SUPERSEDED));
      }
      return publish(templates, number, name);
    } catch (IOException e) {
      throw ToolException.failed("cannot write in " + settings.display() + ": " + e.getMessage(), e);
    }
  }

  /** The design text, from the template {@code new} uses. */
  @SuppressWarnings("unchecked")
  private String render(Templates templates, Input input) {
    Map<String, Object> more = new HashMap<>(input.model());
    Map<String, String> answers = (Map<String, String>) more.remove("answers");
    Map<String, String> why = (Map<String, String>) more.remove("why");
    Map<String, List<Integer>> links = new LinkedHashMap<>();
    links.put("supersedes", input.supersedes());
    links.put("related", input.related());
    more.remove("title");
    more.remove("supersedes");
    more.remove("related");
    return settings.renderer(templates).newDesign(input.title(), LocalDate.now(settings.clock()).toString(),
        answers, why, links, more);
  }

  private static void links(DecisionLog log, String field, List<Integer> numbers, boolean supersede,
      List<String> problems) {
    for (int n : numbers) {
      Decision target = log.byNumber(n);
      if (target == null) {
        problems.add(field + ": no decision " + n + " in the folder; " + DecisionTools.numbers(log));
      } else if (supersede && !target.generated()) {
        problems.add(field + ": decision " + n + " is an ADR written by hand, with no design whose"
            + " status could be set to superseded");
      }
    }
  }

  /**
   * Loads the design text exactly as {@code generate} will, before anything is written: a
   * value the loader refuses (an unknown case, a subject with spaces) is reported with the
   * field it is in, and the title and context must come back as they were given.
   */
  private List<String> verify(String text, DesignName name, Input input) {
    Design design;
    List<String> problems = new ArrayList<>();
    try {
      design = settings.loader().load(settings.path(name.fileName()), name,
          text.getBytes(StandardCharsets.UTF_8));
    } catch (ToolException e) {
      for (Diagnostic d : e.diagnostics()) {
        problems.add(Fields.at(text, d.position().line()) + ": " + d.message());
      }
      if (problems.isEmpty()) {
        problems.add("design: " + e.getMessage());
      }
      return problems;
    }
    Object context = input.model().get("context");
    if (!design.title().equals(input.title())) {
      problems.add("title: holds characters a design file cannot keep as they are (control characters?)");
    }
    if (context != null && !design.context().stripTrailing().equals(context)) {
      problems.add("context: holds characters a design file cannot keep as they are (control characters?)");
    }
    return problems;
  }

  private DecisionTools.Result publish(Templates templates, int number, DesignName name) {
    DecisionLog log = settings.log();
    if (!log.blocking().isEmpty()) {
      throw ToolException.badInput(log.blocking());
    }
    Renderer renderer = settings.renderer(templates);
    Publisher publisher = new Publisher(log.folder().dir());
    Set<String> skip = publisher.upToDate(renderer.inputs(log));
    Map<String, String> files = renderer.render(log, skip);
    List<Publisher.Change> changes = publisher.publish(files, log.folder().orphans(), false);
    Decision entry = log.byNumber(number);
    List<String> written = new ArrayList<>(List.of(settings.path(name.fileName())));
    List<String> kept = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    text.append("created ").append(settings.path(name.fileName())).append('\n');
    for (Publisher.Change c : changes) {
      String path = settings.path(c.file());
      switch (c.action()) {
        case CREATED, UPDATED -> {
          written.add(path);
          text.append(c.action() == Publisher.Action.CREATED ? "created " : "updated ").append(path).append('\n');
        }
        case REMOVED -> text.append("removed ").append(path).append(" (its design is gone)\n");
        case KEPT_EDITED, KEPT_HAND_WRITTEN -> {
          kept.add(path);
          text.append(path).append(": ").append(c.action() == Publisher.Action.KEPT_EDITED
              ? "edited by hand since it was generated" : "written by hand, not by kv-or-stream")
              .append("; left as it is\n");
        }
        default -> { }
      }
    }
    String adrPath = settings.path(entry.adrFileName());
    String adr = files.get(entry.adrFileName());
    text.append('\n').append(adr);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("number", number);
    result.put("title", entry.title());
    result.put("status", entry.status());
    result.put("verdict", entry.assessment().verdict().id());
    result.put("design", settings.path(name.fileName()));
    result.put("adr", adrPath);
    result.put("index", settings.path(Renderer.INDEX));
    result.put("written", written);
    result.put("keptAsEdited", kept);
    result.put("assessment", DecisionTools.parse(JsonReport.of(entry.title(), entry.assessment())));
    result.put("adrText", adr);
    return new DecisionTools.Result(result, text.toString());
  }
}
