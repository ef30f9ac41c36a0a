package dev.kvorstream.cli;

import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.problem.KvException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "graph", description = "Prints the decisions as a graph (links as edges, coloured by verdict): Mermaid or Graphviz dot.")
final class GraphCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Mixin FolderOptions options;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid", description = "mermaid (default) or dot.")
  String format;

  @Override
  public Integer call() {
    if (!format.equals("mermaid") && !format.equals("dot")) {
      throw KvException.usage("--format " + format + ": expected mermaid or dot");
    }
    DecisionLog log = options.usableLog(main.session, new Timing(main.session.err()));
    main.session.out().print(options.renderer(main.session).graph(log, format));
    return ExitCode.OK;
  }
}
