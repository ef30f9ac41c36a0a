package dev.kvorstream.cli;

import dev.kvorstream.args.ArgsException;
import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.preview.Preview;

/** {@code serve}: the command line of the live preview; the work is in {@link Preview}. */
final class ServeCommand implements Command {

  static final Syntax SYNTAX = FolderOptions.declare(Syntax.command("serve",
      "Serves the decisions site on this machine and updates open pages as you edit.",
      "Writes nothing; stops with Ctrl-C.")
      .option("--port", "PORT", "The port to listen on (default: " + Preview.Options.PORT + "; 0 picks a free one).")
      .option("--host", "HOST", "The address to listen on (default: " + Preview.Options.HOST + ", this machine only).")
      .flag("--open", "Open the index in the system's browser."));

  @Override
  public int run(Parsed args, Session session) throws ArgsException {
    FolderOptions options = FolderOptions.of(args);
    Integer port = args.number("--port");
    if (port != null && (port < 0 || port > 65_535)) {
      throw new ArgsException("--port " + port + ": expected 0 to 65535");
    }
    return Preview.run(new Preview.Options(session.workingDir(), options.dir, options.templates,
        options.style, !options.noInfer, args.value("--host", Preview.Options.HOST),
        port == null ? Preview.Options.PORT : port, args.has("--open")), session.out(), session.err());
  }
}
