package dev.kvorstream.cli;

import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.log.Entry;
import dev.kvorstream.problem.ExitCode;
import picocli.CommandLine.Model.CommandSpec;

/** {@code list}: one line per decision. */
final class ListCommand implements Command {

  private final FolderOptions.Specs shared = new FolderOptions.Specs(FolderOptions.Use.INFER);

  @Override
  public CommandSpec spec() {
    return shared.addTo(Grammar.command("list",
        "Prints one line per decision: number, status, verdict, title."));
  }

  @Override
  public int run(Session session) {
    DecisionLog log = Workspace.open(session, shared.options()).log();
    for (Entry e : log.entries()) {
      String verdict = e.generated() ? e.assessment().verdict().id() : "hand-written";
      session.out().println(String.format(java.util.Locale.ROOT, "%04d  %-10s  %-16s  %s", e.number(),
          e.status().isEmpty() ? "-" : e.status(), verdict, e.title()));
    }
    return ExitCode.OK;
  }
}
