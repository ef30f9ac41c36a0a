package dev.kvorstream.cli;

import dev.kvorstream.check.Checkup;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.nats.Specs;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.ExitCode;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check}: every design, the numbering, the links and drift; exit 1 on any problem. */
final class CheckCommand implements Command {

  private final FolderOptions.Specs shared = new FolderOptions.Specs(FolderOptions.Use.TEMPLATES,
      FolderOptions.Use.STYLE, FolderOptions.Use.INFER);

  @Override
  public CommandSpec spec() {
    return shared.addTo(Grammar.command("check",
        "Validates every design, the numbering, the links and drift of the ADRs.",
        "Exits 1 naming each problem; 2 when a design cannot be read."));
  }

  @Override
  public int run(Session session) {
    Workspace ws = Workspace.open(session, shared.options());
    DecisionLog log = ws.log();
    Checkup found = Checkup.of(log, ws.renderer(), ws.loader());
    found.problems().forEach(session.err()::println);
    found.warnings().forEach(session.err()::println);
    if (!found.problems().isEmpty()) {
      session.err().println(found.summary());
      return ExitCode.FINDINGS;
    }
    session.out().println(found.summary());
    return ExitCode.OK;
  }
}
