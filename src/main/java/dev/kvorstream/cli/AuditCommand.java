package dev.kvorstream.cli;

import dev.kvorstream.nats.Provisioner;
import dev.kvorstream.nats.Spec;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code audit}: compares a live server with the decisions; changes nothing. */
final class AuditCommand implements Command {

  private final FolderOptions.Specs shared = new FolderOptions.Specs(FolderOptions.Use.INFER);
  private final ServerOptions.Specs serverSpecs = new ServerOptions.Specs();
  private final OptionSpec strict = Grammar.flag("--strict", "Also fail on buckets and streams"
      + " no decision names, and on those of retired (rejected, superseded, deprecated) decisions"
      + " still on the server.");
  private final OptionSpec includeProposed = Grammar.flag("--include-proposed",
      "Also check proposed decisions (by default only accepted ones).");

  record Options(FolderOptions folder, ServerOptions server, boolean strict,
      boolean includeProposed) {}

  @Override
  public CommandSpec spec() {
    return shared.addTo(serverSpecs.addTo(Grammar.command("audit",
        "Compares a live server with the decisions.",
        "Reports missing, mismatched or wrongly-kinded buckets, streams and consumers"
        + " (and, with --strict, extra ones). Changes nothing; exit 1 on any finding, so it can run"
        + " in CI against staging.")
        .addOption(strict).addOption(includeProposed)));
  }

  @Override
  public int run(Session session) {
    Options o = new Options(shared.options(), serverSpecs.options(), strict.getValue(),
        includeProposed.getValue());
    var log = Workspace.open(session, o.folder()).usableLog(new Timing(session.err()));
    List<Spec> specs = ApplyCommand.specs(log, o.includeProposed());
    List<Provisioner.Retired> retired = ApplyCommand.retired(log);
    return o.server().run(session, "audit of", connection ->
        ApplyCommand.report(session, new Provisioner(connection).audit(specs, retired, o.strict()), "audit"));
  }
}
