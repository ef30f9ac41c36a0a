package dev.kvorstream.cli;

import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.log.Entry;
import dev.kvorstream.problem.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "list", description = "Prints one line per decision: number, status, verdict, title.")
final class ListCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Mixin FolderOptions options;

  @Override
  public Integer call() {
    DecisionLog log = options.log(main.session);
    for (Entry e : log.entries()) {
      String verdict = e.generated() ? e.assessment().verdict().id() : "hand-written";
      main.session.out().println(String.format("%04d  %-10s  %-16s  %s", e.number(),
          e.status().isEmpty() ? "-" : e.status(), verdict, e.title()));
    }
    return ExitCode.OK;
  }
}
