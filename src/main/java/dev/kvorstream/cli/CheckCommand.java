package dev.kvorstream.cli;

import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.write.Publisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

final class CheckCommand implements Command {

  static final Syntax SYNTAX = FolderOptions.declare(Syntax.command("check",
      "Validates every design, the numbering, the links and drift of the ADRs.",
      "Exits 1 naming each problem; 2 when a design cannot be read."));

  @Override
  public int run(Parsed args, Session session) {
    FolderOptions options = FolderOptions.of(args);
    DecisionLog log = options.log(session);
    List<String> problems = new ArrayList<>();
    for (Diagnostic d : log.blocking()) {
      problems.add(d.format());
    }
    for (Diagnostic d : log.advisories()) {
      problems.add(d.format());
    }
    if (log.blocking().isEmpty()) {
      Publisher publisher = new Publisher(log.folder().dir());
      var renderer = options.renderer(session);
      Map<String, String> files = renderer.render(log, GenerateCommand.upToDate(log, renderer, publisher));
      for (Publisher.Change c : publisher.check(files, log.folder().orphans())) {
        problems.add(options.dirPath(c.file()) + ": error: " + GenerateCommand.describeDrift(c.action()));
      }
    }
    for (String p : problems) {
      session.err().println(p);
    }
    for (var e : log.entries()) {
      if (e.generated()) {
        dev.kvorstream.nats.Specs.warningLines(e.design(), e.specs()).forEach(session.err()::println);
      }
    }
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
