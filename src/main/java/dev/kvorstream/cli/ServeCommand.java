package dev.kvorstream.cli;

import dev.kvorstream.preview.Preview;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code serve}: the command line of the live preview; the work is in {@link Preview}. */
final class ServeCommand implements Command {

  private final FolderOptions.Specs shared = new FolderOptions.Specs(FolderOptions.Use.TEMPLATES,
      FolderOptions.Use.STYLE, FolderOptions.Use.INFER);
  private final OptionSpec port = Grammar.value("--port", "PORT", Integer.class,
      "The port to listen on (default: " + Preview.Options.PORT + "; 0 picks a free one).");
  private final OptionSpec host = Grammar.value("--host", "HOST", String.class,
      "The address to listen on (default: " + Preview.Options.HOST + ", this machine only).");
  private final OptionSpec open = Grammar.flag("--open", "Open the index in the system's browser.");

  @Override
  public CommandSpec spec() {
    return shared.addTo(Grammar.command("serve",
        "Serves the decisions site on this machine and updates open pages as you edit.",
        "Writes nothing; stops with Ctrl-C.")
        .addOption(port).addOption(host).addOption(open));
  }

  record Options(FolderOptions folder, int port, String host, boolean open) {}

  @Override
  public int run(Session session) {
    Integer port = this.port.getValue();
    String host = this.host.getValue();
    Options o = new Options(shared.options(), port == null ? Preview.Options.PORT : port,
        host == null ? Preview.Options.HOST : host, open.<Boolean>getValue());
    if (o.port() < 0 || o.port() > 65_535) {
      throw new UsageException("--port " + o.port() + ": expected 0 to 65535");
    }
    FolderOptions f = o.folder();
    return Preview.run(new Preview.Options(session.workingDir(),
        f.dir() == null ? null : f.dir().toString(), f.templates() == null ? null : f.templates().toString(),
        f.style(), f.infer(), o.host(), o.port(), o.open()), session.out(), session.err());
  }
}
