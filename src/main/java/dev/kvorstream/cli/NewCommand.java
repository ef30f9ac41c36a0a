package dev.kvorstream.cli;

import dev.kvorstream.design.BidiControls;
import dev.kvorstream.design.Slugs;
import dev.kvorstream.ledger.Folder;
import dev.kvorstream.ledger.HandWritten;
import dev.kvorstream.ledger.Numbers;
import dev.kvorstream.model.Design;
import dev.kvorstream.model.Question;
import dev.kvorstream.model.Status;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.problem.ToolException;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.write.DesignSchema;
import dev.kvorstream.write.SafeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code new "TITLE"}: writes the next design, with links to earlier decisions; a superseded
 * decision's status becomes {@code superseded} in its design, in place.
 */
final class NewCommand implements Command {

  private final FolderOptions.Specs shared = new FolderOptions.Specs(FolderOptions.Use.TEMPLATES,
      FolderOptions.Use.INFER);
  private final PositionalParamSpec title = Grammar.param(0, "TITLE", String.class, true,
      "The title of the new communication path.");
  private final OptionSpec ask = Grammar.flag("--ask",
      "Ask the four questions here, one at a time, and write the answers into the design.");
  private final OptionSpec supersedes = Grammar.numbers("--supersedes", "N",
      "The new decision supersedes decision N, whose status becomes superseded (repeatable).");
  private final OptionSpec amends = Grammar.numbers("--amends", "N", "The new decision amends decision N (repeatable).");
  private final OptionSpec related = Grammar.numbers("--related", "N", "The new decision is related to decision N (repeatable).");
  private final OptionSpec force = Grammar.flag("--force", "Write it even when a decision has the same title.");
  private final OptionSpec context = Grammar.value("--context", "TEXT", String.class,
      "What flows over the path and why, instead of the placeholder context.");
  /**
   * One option per test, named by its key (--restart, ...), taking its two answer words. Built
   * in a loop, not with lambdas: a lambda here keeps picocli's classes out of the
   * class-data-sharing archive (LauncherIT).
   */
  private final List<OptionSpec> answerOptions = answerOptions();

  private static List<OptionSpec> answerOptions() {
    List<OptionSpec> options = new ArrayList<>();
    for (Question q : Question.values()) {
      String kv = q.answers().get(0).word();
      String stream = q.answers().get(1).word();
      options.add(Grammar.choice("--" + q.key(), "WORD", "Test " + q.number() + "'s answer: " + kv + " or "
          + stream + ".", Grammar.Choice.of(kv, stream), null));
    }
    return options;
  }

  /** One new decision: its title, its links, and how to write it. */
  record Options(FolderOptions folder, String title, boolean ask, List<Integer> supersedes,
      List<Integer> amends, List<Integer> related, boolean force) {
    Options {
      title = title.strip();
      if (title.isEmpty() || title.contains("\n") || title.contains("\r")) {
        throw new UsageException("the title must be one line of text");
      }
      BidiControls.refuse("<title>", title);
      supersedes = numbers("--supersedes", supersedes);
      amends = numbers("--amends", amends);
      related = numbers("--related", related);
    }

    private static List<Integer> numbers(String option, List<Integer> given) {
      if (given == null) {
        return List.of();
      }
      for (int n : given) {
        if (n < 1) {
          throw new UsageException(option + " " + n + ": a decision number is 1 or more");
        }
      }
      return List.copyOf(given.stream().distinct().toList());
    }

    /** Every linked decision, for checking that it exists. */
    List<Integer> links() {
      List<Integer> all = new ArrayList<>(supersedes);
      all.addAll(amends);
      all.addAll(related);
      return all.stream().distinct().toList();
    }
  }

  @Override
  public CommandSpec spec() {
    return shared.addTo(addOptions(Grammar.command("new",
        "Writes a new design NNNN-slug.yaml with the next free number and today's date.")
        .addPositional(title).addOption(ask).addOption(supersedes).addOption(amends).addOption(related)
        .addOption(force).addOption(context), answerOptions));
  }

  private static CommandSpec addOptions(CommandSpec spec, List<OptionSpec> options) {
    for (OptionSpec o : options) {
      spec.addOption(o);
    }
    return spec;
  }

  /** The design schema beside the designs, for editors; refreshed only if it is ours. */
  static void writeSchema(Path dir) throws IOException {
    DesignSchema.writeBeside(dir);
  }

  @Override
  public int run(Session session) {
    Options o = new Options(shared.options(), title.getValue(), ask.getValue(), supersedes.getValue(),
        amends.getValue(), related.getValue(), force.getValue());
    Workspace ws = Workspace.open(session, o.folder());
    Path dir = session.resolve(ws.dir());
    Folder folder = existing(ws, dir, !o.links().isEmpty());
    if (!o.force()) {
      sameTitle(folder, o.title()).ifPresent(taken -> {
        throw ToolException.usage("decision " + taken.getKey() + " already has the title '" + taken.getValue()
            + "'; nothing written (use --force to write another)");
      });
    }
    // Every check before anything is written: the links, then the superseded designs' edits.
    for (int n : o.links()) {
      if (folder == null || folder.designs().stream().noneMatch(d -> d.number() == n)
          && folder.handWritten().stream().noneMatch(h -> h.number() == n)) {
        throw ToolException.usage("no decision numbered " + n + " in " + ws.dir() + "; nothing written");
      }
    }
    Map<Design, String> superseded = new LinkedHashMap<>();
    for (int n : o.supersedes()) {
      Design old = StatusCommand.design(folder, n, ws.dir());
      if (old.status() != Status.SUPERSEDED) {
        superseded.put(old, StatusCommand.edited(ws, old, Status.SUPERSEDED));
      }
    }
    try {
      Map<String, String> answers = new LinkedHashMap<>();
      Map<String, String> why = new LinkedHashMap<>();
      Renderer renderer = ws.renderer();
      for (int i = 0; i < answerOptions.size(); i++) {
        String word = answerOptions.get(i).getValue();
        if (word != null) {
          answers.put(Question.values()[i].key(), word);
        }
      }
      if (o.ask() && !answers.isEmpty()) {
        throw new UsageException("--ask asks every test; give the answers as options or --ask, not both");
      }
      String contextText = context.getValue();
      if (o.ask()) {
        String typed = Interview.run(ws, renderer, o.title(), contextText, answers, why);
        if (typed != null) {
          contextText = typed;
        }
      }
      Map<String, Object> more = new LinkedHashMap<>();
      if (contextText != null && !contextText.isBlank()) {
        BidiControls.refuse("<context>", contextText);
        more.put("context", contextText.replace("\r\n", "\n").stripTrailing());
      }
      Files.createDirectories(dir);
      int number = Numbers.next(dir);
      String name = String.format(Locale.ROOT, "%04d-%s.yaml", number, Slugs.of(o.title()));
      Map<String, List<Integer>> links = new LinkedHashMap<>();
      links.put("supersedes", o.supersedes());
      links.put("amends", o.amends());
      links.put("related", o.related());
      String content = renderer.newDesign(o.title(), LocalDate.now(session.clock()).toString(), answers, why,
          links, more);
      writeSchema(dir);
      if (!SafeFiles.create(dir.resolve(name), content)) {
        throw ToolException.failed(name + " appeared while writing; run again", null);
      }
      session.out().println(ws.dirPath(name));
      for (Map.Entry<Design, String> e : superseded.entrySet()) {
        SafeFiles.write(dir.resolve(e.getKey().name().fileName()), e.getValue());
        session.err().println(e.getKey().path() + ": status " + e.getKey().status().word()
            + " -> superseded (by " + number + ")");
      }
      return ExitCode.OK;
    } catch (IOException e) {
      throw ToolException.failed("cannot write in " + ws.dir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The folder as it is, for the title and link checks; null when there is none yet. A
   * folder with a design that cannot be read still gets its new design when no link needs
   * checking, as before there was a title check: the titles are then not compared, and a
   * note says so.
   */
  private static Folder existing(Workspace ws, Path dir, boolean links) {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try {
      return ws.folder();
    } catch (ToolException e) {
      if (links || e.diagnostics().isEmpty()) {
        throw e;
      }
      ws.session().err().println(Main.PROGRAM + ": note: " + ws.dir() + " has designs that cannot be read"
          + " (kv-or-stream check names them), so the titles were not compared");
      return null;
    }
  }

  /**
   * The file name and title of a decision with the same title (case and spacing aside), if
   * there is one.
   */
  private static Optional<Map.Entry<String, String>> sameTitle(Folder folder, String title) {
    if (folder == null) {
      return Optional.empty();
    }
    String key = key(title);
    for (Design d : folder.designs()) {
      if (key(d.title()).equals(key)) {
        return Optional.of(Map.entry(d.path(), d.title()));
      }
    }
    for (HandWritten h : folder.handWritten()) {
      if (h.title() != null && key(h.title()).equals(key)) {
        return Optional.of(Map.entry(folder.displayPath(h.fileName()), h.title()));
      }
    }
    return Optional.empty();
  }

  private static String key(String title) {
    return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
