package dev.kvorstream.cli;

import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.render.Export;

final class ExportCommand implements Command {

  static final Syntax SYNTAX = FolderOptions.declare(Syntax.command("export",
      "Prints every decision with its verdict, answers, links and NATS settings as JSON (a versioned shape).")
      .choice("--format", "FORMAT", "json (the only one so far).", "json"));

  @Override
  public int run(Parsed args, Session session) {
    FolderOptions options = FolderOptions.of(args);
    DecisionLog log = options.usableLog(session, new Timing(session.err()));
    session.out().print(Export.json(log));
    return ExitCode.OK;
  }
}
