package dev.kvorstream.cli;

import dev.kvorstream.design.BidiControls;
import dev.kvorstream.design.Design;
import dev.kvorstream.design.DesignName;
import dev.kvorstream.heuristic.Assessment;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.nats.Specs;
import dev.kvorstream.problem.KvException;
import dev.kvorstream.render.JsonReport;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code decide}: the verdict for one design or description, as text or JSON; writes nothing. */
final class DecideCommand implements Command {

  private final FolderOptions.Specs shared = new FolderOptions.Specs(FolderOptions.Use.TEMPLATES,
      FolderOptions.Use.INFER);
  private final PositionalParamSpec file = Grammar.param(0, "FILE", String.class, false,
      "A design file, or - for standard input.");
  private final OptionSpec text = Grammar.value("--text", "DESCRIPTION", String.class,
      "A free-text description of the path, instead of FILE; its answers are inferred.");
  private final OptionSpec format = Grammar.choice("--format", "FORMAT", "text or json (default: text).",
      Grammar.Choice.of("text", "json"), "text");

  /** What one decide line asks for: a design file or a description, and the output format. */
  record Options(FolderOptions folder, String file, String text, boolean json) {
    Options {
      if ((file == null) == (text == null)) {
        throw new UsageException(file == null ? "missing FILE (or --text DESCRIPTION)"
            : "give FILE or --text DESCRIPTION, not both");
      }
      if (text != null && text.isBlank()) {
        throw new UsageException("--text needs a description of the path");
      }
    }
  }

  @Override
  public CommandSpec spec() {
    return shared.addTo(Grammar.command("decide",
        "Evaluates one design (or a description of a path) and prints the verdict; writes nothing.")
        .addPositional(file).addOption(text).addOption(format));
  }

  Options options() {
    return new Options(shared.options(), file.getValue(), text.getValue(), format.getValue().equals("json"));
  }

  @Override
  public int run(Session session) {
    Options o = options();
    Timing timing = new Timing(session.err());
    timing.phase("start");
    // FreeMarker's start (its configuration, parsing the report's templates) takes as long as
    // reading the design and the heuristic's data: it runs on the other core meanwhile.
    Workspace ws = Workspace.open(session, o.folder());
    CompletableFuture<Templates> templates = o.json() ? null
        : CompletableFuture.supplyAsync(() -> ws.templates()
            .prepare(Renderer.DECIDE_TEMPLATES.toArray(String[]::new)));
    String title;
    Assessment assessment;
    if (o.text() != null) {
      title = o.text().strip();
      BidiControls.refuse("<--text>", title);
      assessment = ws.assessor().assessText(title);
    } else {
      Design design = load(ws, o.file());
      timing.phase("load");
      title = design.title();
      assessment = ws.assessor().assess(design);
      timing.phase("assess");
      var specs = Specs.of(design, assessment);
      if (!specs.problems().isEmpty()) {
        throw KvException.badInput(specs.problems());
      }
    }
    if (o.json()) {
      session.out().print(JsonReport.of(title, assessment));
    } else {
      session.out().print(ws.renderer(join(templates)).decideText(title, assessment));
    }
    timing.phase("print");
    return ExitCode.OK;
  }

  private static Templates join(CompletableFuture<Templates> templates) {
    try {
      return templates.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static Design load(Workspace ws, String file) {
    Session session = ws.session();
    try {
      if (file.equals("-")) {
        return ws.loader().load("<stdin>", null, session.in().readAllBytes());
      }
      Path path = session.resolve(file);
      return ws.loader().load(file, DesignName.parse(path.getFileName().toString()),
          Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      throw KvException.usage("no such file: " + file);
    } catch (IOException e) {
      throw KvException.failed("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
