package dev.kvorstream.cli;

import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.mcp.StdioServer;
import dev.kvorstream.mcp.McpSettings;

/** {@code mcp}: the only command that loads the MCP SDK (through {@link StdioServer}). */
final class McpCommand implements Command {

  static final Syntax SYNTAX = FolderOptions.declare(Syntax.command("mcp",
      "Serves the decisions folder to coding agents: a Model Context Protocol server on stdio.",
      "Tools: decide, new_decision, list_decisions, get_decision, check (docs/agents.md).",
      "Runs until standard input ends; logs go to standard error."));

  @Override
  public int run(Parsed args, Session session) throws Exception {
    FolderOptions options = FolderOptions.of(args);
    options.configure(session);
    McpSettings settings = new McpSettings(session.resolve(options.dir), options.dir,
        options.templates == null ? null : session.resolve(options.templates), options.style,
        !options.noInfer, session.clock());
    return StdioServer.serve(settings, Main.version(), session.in(), session.out(), session.err());
  }
}
