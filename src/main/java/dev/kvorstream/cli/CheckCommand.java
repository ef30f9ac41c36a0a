package dev.kvorstream.cli;

import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.nats.Specs;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.render.Unfinished;
import dev.kvorstream.write.Publisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    List<String> problems = new ArrayList<>();
    for (Diagnostic d : log.blocking()) {
      problems.add(d.format());
    }
    for (Diagnostic d : log.advisories()) {
      problems.add(d.format());
    }
    if (log.blocking().isEmpty()) {
      Publisher publisher = new Publisher(log.folder().dir());
      var renderer = ws.renderer();
      Map<String, String> files = renderer.render(log, GenerateCommand.upToDate(log, renderer, publisher));
      for (Publisher.Change c : publisher.check(files, log.folder().orphans())) {
        problems.add(ws.dirPath(c.file()) + ": error: " + GenerateCommand.describeDrift(c.action()));
      }
    }
    for (String p : problems) {
      session.err().println(p);
    }
    for (var e : log.entries()) {
      if (e.generated()) {
        Specs.warningLines(e.design(), e.specs()).forEach(session.err()::println);
      }
    }
    Unfinished.warnings(log, ws.renderer(), ws.loader()).forEach(session.err()::println);
    int count = log.entries().size();
    if (!problems.isEmpty()) {
      session.err().println("check: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
          + " in " + count + " decisions");
      return ExitCode.FINDINGS;
    }
    session.out().println("check: " + count + " decisions, no problems");
    return ExitCode.OK;
  }
}
