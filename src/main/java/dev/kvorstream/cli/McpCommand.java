package dev.kvorstream.cli;

import dev.kvorstream.mcp.McpSettings;
import dev.kvorstream.mcp.StdioServer;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mcp}: the only command that loads the MCP SDK (through {@link StdioServer}). */
final class McpCommand implements Command {

  private final FolderOptions.Specs shared = new FolderOptions.Specs(FolderOptions.Use.TEMPLATES,
      FolderOptions.Use.STYLE, FolderOptions.Use.INFER);

  @Override
  public CommandSpec spec() {
    return shared.addTo(Grammar.command("mcp",
        "Serves the decisions folder to coding agents: a Model Context Protocol server on stdio.",
        "Tools: decide, new_decision, list_decisions, get_decision, check (docs/agents.md).",
        "Runs until standard input ends; logs go to standard error."));
  }

  @Override
  public int run(Session session) throws Exception {
    Workspace ws = Workspace.open(session, shared.options());
    McpSettings settings = new McpSettings(session.resolve(ws.dir()), ws.dir(),
        ws.templatesDir() == null ? null : session.resolve(ws.templatesDir()), ws.style(), ws.infer(),
        session.clock());
    return StdioServer.serve(settings, Main.version(), session.in(), session.out(), session.err());
  }
}
