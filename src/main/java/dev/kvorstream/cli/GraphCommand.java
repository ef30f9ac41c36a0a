package dev.kvorstream.cli;

import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.problem.ExitCode;

final class GraphCommand implements Command {

  static final Syntax SYNTAX = FolderOptions.declare(Syntax.command("graph",
      "Prints the decisions as a graph (links as edges, coloured by verdict): Mermaid or Graphviz dot.")
      .choice("--format", "FORMAT", "mermaid (default) or dot.", "mermaid", "dot"));

  @Override
  public int run(Parsed args, Session session) {
    FolderOptions options = FolderOptions.of(args);
    String format = args.value("--format", "mermaid");
    DecisionLog log = options.usableLog(session, new Timing(session.err()));
    session.out().print(options.renderer(session).graph(log, format));
    return ExitCode.OK;
  }
}
