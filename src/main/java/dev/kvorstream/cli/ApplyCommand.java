package dev.kvorstream.cli;

import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.log.Entry;
import dev.kvorstream.nats.Provisioner;
import dev.kvorstream.nats.Spec;
import dev.kvorstream.problem.ExitCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

final class ApplyCommand implements Command {

  static final Syntax SYNTAX = ServerOptions.declare(FolderOptions.declare(Syntax.command("apply",
      "Creates the KV buckets, streams and durable consumers the decisions name.",
      "What exists with the same settings is left alone; what differs is reported, and changed",
      "only with --update and only where the server allows it. Exit 1 when something differs.")
      .flag("--dry-run", "Say what would be done; change nothing.")
      .flag("--update", "Change settings that differ, where the server allows it.")
      .flag("--include-proposed", "Also act on proposed decisions (by default only accepted ones).")));

  @Override
  public int run(Parsed args, Session session) {
    FolderOptions options = FolderOptions.of(args);
    ServerOptions server = ServerOptions.of(args);
    boolean dryRun = args.has("--dry-run");
    boolean update = args.has("--update");
    List<Spec> specs = specs(options.usableLog(session, new Timing(session.err())),
        args.has("--include-proposed"));
    return server.run(session, "apply on", connection ->
        report(session, new Provisioner(connection).apply(specs, dryRun, update), "apply"));
  }

  /** Every spec of every accepted (and, if asked, proposed) decision, in number order. */
  static List<Spec> specs(DecisionLog log, boolean includeProposed) {
    List<Spec> specs = new ArrayList<>();
    for (Entry e : log.entries()) {
      if (e.generated() && Provisioner.Scope.of(e.design().status().word(), includeProposed)
          == Provisioner.Scope.ACTIVE) {
        specs.addAll(e.specs());
      }
    }
    return specs;
  }

  /** Every spec of every rejected, superseded or deprecated decision, with its status. */
  static List<Provisioner.Retired> retired(DecisionLog log) {
    List<Provisioner.Retired> out = new ArrayList<>();
    for (Entry e : log.entries()) {
      if (e.generated() && Provisioner.Scope.of(e.design().status().word(), false) == Provisioner.Scope.RETIRED) {
        e.specs().forEach(spec -> out.add(new Provisioner.Retired(spec, e.design().status().word())));
      }
    }
    return out;
  }

  static int report(Session session, List<Provisioner.Finding> findings, String verb) {
    int problems = 0;
    java.util.Map<Provisioner.Kind, Integer> counts = new java.util.EnumMap<>(Provisioner.Kind.class);
    for (Provisioner.Finding f : findings) {
      counts.merge(f.kind(), 1, Integer::sum);
      String word = f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
      String line = String.format("%-12s %s%s%s", word, f.subject(),
          f.decision() > 0 ? " (decision " + f.decision() + ")" : "",
          f.detail().isEmpty() ? "" : ": " + f.detail());
      if (f.problem()) {
        problems++;
        session.err().println(line);
      } else {
        session.out().println(line);
      }
    }
    StringBuilder summary = new StringBuilder(verb + ":");
    counts.forEach((k, n) -> summary.append(' ').append(n).append(' ')
        .append(k.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(','));
    summary.setLength(summary.length() - 1);
    (problems > 0 ? session.err() : session.out()).println(findings.isEmpty()
        ? verb + ": the decisions name no bucket or stream" : summary.toString());
    return problems > 0 ? ExitCode.FINDINGS : ExitCode.OK;
  }
}
