package dev.kvorstream.cli;

import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.nats.Provisioner;
import dev.kvorstream.nats.Spec;
import java.util.List;

final class AuditCommand implements Command {

  static final Syntax SYNTAX = ServerOptions.declare(FolderOptions.declare(Syntax.command("audit",
      "Compares a live server with the decisions.",
      "Reports missing, mismatched or wrongly-kinded buckets, streams and consumers",
      "(and, with --strict, extra ones).",
      "Changes nothing; exit 1 on any finding, so it can run in CI against staging.")
      .flag("--strict", "Also fail on buckets and streams no decision names, and on those of"
          + " retired (rejected, superseded, deprecated) decisions still on the server.")
      .flag("--include-proposed", "Also check proposed decisions (by default only accepted ones).")));

  @Override
  public int run(Parsed args, Session session) {
    FolderOptions options = FolderOptions.of(args);
    ServerOptions server = ServerOptions.of(args);
    boolean strict = args.has("--strict");
    var log = options.usableLog(session, new Timing(session.err()));
    List<Spec> specs = ApplyCommand.specs(log, args.has("--include-proposed"));
    List<Provisioner.Retired> retired = ApplyCommand.retired(log);
    return server.run(session, "audit of", connection ->
        ApplyCommand.report(session, new Provisioner(connection).audit(specs, retired, strict), "audit"));
  }
}
