package dev.kvorstream.cli;

import dev.kvorstream.args.ArgsException;
import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.design.BidiControls;
import dev.kvorstream.design.Design;
import dev.kvorstream.design.DesignName;
import dev.kvorstream.heuristic.Assessment;
import dev.kvorstream.problem.ExitCode;
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

final class DecideCommand implements Command {

  static final Syntax SYNTAX = FolderOptions.declare(Syntax.command("decide",
      "Evaluates one design (or a description of a path) and prints the verdict; writes nothing.")
      .optionalParam("FILE", "A design file, or - for standard input.")
      .option("--text", "DESCRIPTION", "A free-text description of the path, instead of FILE; its answers are inferred.")
      .choice("--format", "FORMAT", "text or json (default: text).", "text", "json"));

  @Override
  public int run(Parsed args, Session session) throws ArgsException {
    FolderOptions options = FolderOptions.of(args);
    String file = args.param(0);
    String text = args.value("--text");
    if ((file == null) == (text == null)) {
      throw new ArgsException(file == null ? "missing FILE (or --text DESCRIPTION)"
          : "give FILE or --text DESCRIPTION, not both");
    }
    Timing timing = new Timing(session.err());
    timing.phase("start");
    // FreeMarker's start (its configuration, parsing the report's templates) takes as long as
    // reading the design and the heuristic's data: it runs on the other core meanwhile.
    options.configure(session);
    CompletableFuture<Templates> templates = args.value("--format", "text").equals("json") ? null
        : CompletableFuture.supplyAsync(() -> options.templates(session)
            .prepare(Renderer.DECIDE_TEMPLATES.toArray(String[]::new)));
    String title;
    Assessment assessment;
    if (text != null) {
      if (text.isBlank()) {
        throw KvException.usage("--text needs a description of the path");
      }
      title = text.strip();
      BidiControls.refuse("<--text>", title);
      assessment = options.assessor().assessText(title);
    } else {
      Design design = load(session, options, file);
      timing.phase("load");
      title = design.title();
      assessment = options.assessor().assess(design);
      timing.phase("assess");
      var specs = dev.kvorstream.nats.Specs.of(design, assessment);
      if (!specs.problems().isEmpty()) {
        throw KvException.badInput(specs.problems());
      }
    }
    if (args.value("--format", "text").equals("json")) {
      session.out().print(JsonReport.of(title, assessment));
    } else {
      session.out().print(options.renderer(join(templates)).decideText(title, assessment));
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

  private static Design load(Session session, FolderOptions options, String file) {
    try {
      if (file.equals("-")) {
        return options.loader().load("<stdin>", null, session.in().readAllBytes());
      }
      Path path = session.resolve(file);
      return options.loader().load(file, DesignName.parse(path.getFileName().toString()),
          Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      throw KvException.usage("no such file: " + file);
    } catch (IOException e) {
      throw KvException.failed("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
