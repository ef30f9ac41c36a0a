package dev.kvorstream.cli;

import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.log.Entry;
import dev.kvorstream.nats.Provisioner;
import dev.kvorstream.nats.Spec;
import dev.kvorstream.problem.ExitCode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code apply}: creates on a live server what the decisions name. */
final class ApplyCommand implements Command {

  private final FolderOptions.Specs shared = new FolderOptions.Specs(FolderOptions.Use.INFER);
  private final ServerOptions.Specs serverSpecs = new ServerOptions.Specs();
  private final OptionSpec dryRun = Grammar.flag("--dry-run", "Say what would be done; change nothing.");
  private final OptionSpec update = Grammar.flag("--update",
      "Change settings that differ, where the server allows it.");
  private final OptionSpec includeProposed = Grammar.flag("--include-proposed",
      "Also act on proposed decisions (by default only accepted ones).");

  record Options(FolderOptions folder, ServerOptions server, boolean dryRun, boolean update,
      boolean includeProposed) {}

  @Override
  public CommandSpec spec() {
    return shared.addTo(serverSpecs.addTo(Grammar.command("apply",
        "Creates the KV buckets, streams and durable consumers the decisions name.",
        "What exists with the same settings is left alone; what differs is reported, and changed"
        + " only with --update and only where the server allows it. Exit 1 when something differs.")
        .addOption(dryRun).addOption(update).addOption(includeProposed)));
  }

  @Override
  public int run(Session session) {
    Options o = new Options(shared.options(), serverSpecs.options(), dryRun.getValue(),
        update.getValue(), includeProposed.getValue());
    List<Spec> specs = specs(Workspace.open(session, o.folder()).usableLog(new Timing(session.err())),
        o.includeProposed());
    return o.server().run(session, "apply on", connection ->
        report(session, new Provisioner(connection).apply(specs, o.dryRun(), o.update()), "apply"));
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
    Map<Provisioner.Kind, Integer> counts = new EnumMap<>(Provisioner.Kind.class);
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
