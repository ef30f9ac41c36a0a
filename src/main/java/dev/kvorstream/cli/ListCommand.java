package dev.kvorstream.cli;

import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.log.Entry;
import dev.kvorstream.problem.ExitCode;

final class ListCommand implements Command {

  static final Syntax SYNTAX = FolderOptions.declare(Syntax.command("list",
      "Prints one line per decision: number, status, verdict, title."));

  @Override
  public int run(Parsed args, Session session) {
    FolderOptions options = FolderOptions.of(args);
    DecisionLog log = options.log(session);
    for (Entry e : log.entries()) {
      String verdict = e.generated() ? e.assessment().verdict().id() : "hand-written";
      session.out().println(String.format(java.util.Locale.ROOT, "%04d  %-10s  %-16s  %s", e.number(),
          e.status().isEmpty() ? "-" : e.status(), verdict, e.title()));
    }
    return ExitCode.OK;
  }
}
