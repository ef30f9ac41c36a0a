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
  private final OptionSpec strict = Grammar.flag("--strict", "Also report buckets and streams no decision names.");

  record Options(FolderOptions folder, ServerOptions server, boolean strict) {}

  @Override
  public CommandSpec spec() {
    return shared.addTo(serverSpecs.addTo(Grammar.command("audit",
        "Compares a live server with the decisions.",
        "Reports missing, mismatched or wrongly-kinded buckets, streams and consumers"
        + " (and, with --strict, extra ones). Changes nothing; exit 1 on any finding, so it can run"
        + " in CI against staging.")
        .addOption(strict)));
  }

  @Override
  public int run(Session session) {
    Options o = new Options(shared.options(), serverSpecs.options(), strict.getValue());
    List<Spec> specs = ApplyCommand.specs(Workspace.open(session, o.folder()).usableLog(new Timing(session.err())));
    return o.server().run(session, "audit of", connection ->
        ApplyCommand.report(session, new Provisioner(connection).audit(specs, o.strict()), "audit"));
  }
}
