package dev.kvorstream.cli;

import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.render.Export;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code export}: every decision as JSON. */
final class ExportCommand implements Command {

  private final FolderOptions.Specs shared = new FolderOptions.Specs(FolderOptions.Use.INFER);
  private final OptionSpec format = Grammar.choice("--format", "FORMAT", "json (the only one so far).",
      Grammar.Choice.of("json"), "json");

  record Options(FolderOptions folder, String format) {}

  @Override
  public CommandSpec spec() {
    return shared.addTo(Grammar.command("export",
        "Prints every decision with its verdict, answers, links and NATS settings as JSON (a versioned shape).")
        .addOption(format));
  }

  @Override
  public int run(Session session) {
    Options o = new Options(shared.options(), format.getValue());
    DecisionLog log = Workspace.open(session, o.folder()).usableLog(new Timing(session.err()));
    session.out().print(Export.json(log));
    return ExitCode.OK;
  }
}
