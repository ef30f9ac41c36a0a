package dev.kvorstream.cli;

import dev.kvorstream.design.Design;
import dev.kvorstream.design.DesignName;
import dev.kvorstream.heuristic.Assessment;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.problem.KvException;
import dev.kvorstream.render.JsonReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "decide", sortOptions = false,
    description = "Evaluates one design (or a description of a path) and prints the verdict; writes nothing.")
final class DecideCommand implements Callable<Integer> {

  enum Format { text, json }

  static final class Input {
    @Parameters(paramLabel = "FILE", description = "A design file, or - for standard input.")
    String file;

    @Option(names = "--text", paramLabel = "DESCRIPTION",
        description = "A free-text description of the path; its answers are inferred.")
    String text;
  }

  @ParentCommand Main main;
  @Mixin FolderOptions options;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    Session session = main.session;
    Timing timing = new Timing(session.err());
    timing.phase("start");
    String title;
    Assessment assessment;
    if (input.text != null) {
      if (input.text.isBlank()) {
        throw KvException.usage("--text needs a description of the path");
      }
      title = input.text.strip();
      assessment = options.assessor().assessText(title);
    } else {
      Design design = load(session);
      timing.phase("load");
      title = design.title();
      assessment = options.assessor().assess(design);
      timing.phase("assess");
      var specs = dev.kvorstream.nats.Specs.of(design, assessment);
      if (!specs.problems().isEmpty()) {
        throw KvException.badInput(specs.problems());
      }
    }
    if (format == Format.json) {
      session.out().print(JsonReport.of(title, assessment));
    } else {
      session.out().print(options.renderer(session).decideText(title, assessment));
    }
    timing.phase("print");
    return ExitCode.OK;
  }

  private Design load(Session session) {
    try {
      if (input.file.equals("-")) {
        return options.loader().load("<stdin>", null, session.in().readAllBytes());
      }
      Path path = session.resolve(input.file);
      return options.loader().load(input.file, DesignName.parse(path.getFileName().toString()),
          Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      throw KvException.usage("no such file: " + input.file);
    } catch (IOException e) {
      throw KvException.failed("cannot read " + input.file + ": " + e.getMessage(), e);
    }
  }
}
