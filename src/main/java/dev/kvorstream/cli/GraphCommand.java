package dev.kvorstream.cli;

import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.problem.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code graph}: the decisions and their links as Mermaid or Graphviz dot. */
final class GraphCommand implements Command {

  private final FolderOptions.Specs shared = new FolderOptions.Specs(FolderOptions.Use.TEMPLATES,
      FolderOptions.Use.INFER);
  private final OptionSpec format = Grammar.choice("--format", "FORMAT", "mermaid (default) or dot.",
      Grammar.Choice.of("mermaid", "dot"), "mermaid");

  record Options(FolderOptions folder, String format) {}

  @Override
  public CommandSpec spec() {
    return shared.addTo(Grammar.command("graph",
        "Prints the decisions as a graph (links as edges, coloured by verdict): Mermaid or Graphviz dot.")
        .addOption(format));
  }

  @Override
  public int run(Session session) {
    Options o = new Options(shared.options(), format.getValue());
    Workspace ws = Workspace.open(session, o.folder());
    DecisionLog log = ws.usableLog(new Timing(session.err()));
    session.out().print(ws.renderer().graph(log, o.format()));
    return ExitCode.OK;
  }
}
