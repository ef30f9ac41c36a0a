package dev.kvorstream.cli;

import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.Unfinished;
import dev.kvorstream.write.Drift;
import dev.kvorstream.write.Publisher.Action;
import dev.kvorstream.write.Publisher.Change;
import dev.kvorstream.write.Publisher;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code generate}: the ADRs and the index from the designs; {@code --check} writes nothing. */
final class GenerateCommand implements Command {

  private final FolderOptions.Specs shared = new FolderOptions.Specs(FolderOptions.Use.TEMPLATES,
      FolderOptions.Use.STYLE, FolderOptions.Use.INFER);
  private final OptionSpec checkOnly = Grammar.flag("--check",
      "Write nothing; exit 1 naming each file that is missing or out of date.");
  private final OptionSpec forced = Grammar.flag("--force",
      "Replace files edited or written by hand, keeping each as NAME.orig (.orig.2, ... if taken).");

  record Options(FolderOptions folder, boolean check, boolean force) {}

  @Override
  public CommandSpec spec() {
    return shared.addTo(Grammar.command("generate",
        "Renders every design into NNNN-slug.md beside it, and the index README.md.",
        "Rewrites only files whose content changed; never a file edited or written by hand.")
        .addOption(checkOnly).addOption(forced));
  }

  @Override
  public int run(Session session) {
    Options o = new Options(shared.options(), checkOnly.getValue(), forced.getValue());
    Workspace ws = Workspace.open(session, o.folder());
    boolean check = o.check();
    boolean force = o.force();
    Timing timing = new Timing(session.err());
    DecisionLog log = ws.usableLog(timing);
    Publisher publisher = new Publisher(log.folder().dir());
    Renderer renderer = ws.renderer();
    Set<String> skip = upToDate(log, renderer, publisher);
    Map<String, String> files = renderer.render(log, skip);
    timing.phase("render");
    List<String> stale = log.folder().orphans();
    if (check) {
      List<Change> problems = publisher.check(files, stale);
      for (Change c : problems) {
        session.err().println(ws.dirPath(c.file()) + ": " + describeDrift(c.action()));
      }
      if (!problems.isEmpty()) {
        session.err().println("generate --check: " + problems.size() + " of " + (files.size() + skip.size())
            + " files need 'kv-or-stream generate'");
        return ExitCode.FINDINGS;
      }
      session.out().println("generate --check: all " + (files.size() + skip.size()) + " files are up to date");
      return ExitCode.OK;
    }
    List<Change> changes = publisher.publish(files, stale, force);
    timing.phase("write");
    int written = 0;
    int kept = 0;
    for (Change c : changes) {
      String path = ws.dirPath(c.file());
      switch (c.action()) {
        case CREATED -> { session.out().println("created " + path); written++; }
        case UPDATED -> { session.out().println("updated " + path); written++; }
        case REMOVED -> session.out().println("removed " + path + " (its design is gone)");
        case FORCED -> { session.out().println("replaced " + path + " (the hand-made version is in "
            + ws.dirPath(c.keptAs()) + ")"); written++; }
        case KEPT_EDITED -> { session.err().println(path + ": edited by hand since it was generated;"
            + " left as it is (move your change into the design, or use --force)"); kept++; }
        case KEPT_HAND_WRITTEN -> { session.err().println(path + ": written by hand, not by"
            + " kv-or-stream; left as it is (rename it, or use --force)"); kept++; }
        default -> { }
      }
    }
    // a design that still holds new's example context gets an ADR that says nothing: say so now,
    // not only in check
    Unfinished.warnings(log, renderer, ws.loader()).forEach(session.err()::println);
    session.out().println("generate: " + written + " written, "
        + (changes.size() - written - kept + skip.size()) + " unchanged"
        + (kept > 0 ? ", " + kept + " left as they are" : "")
        + (skip.isEmpty() ? "" : " (" + skip.size() + " not rendered again: their inputs are unchanged)"));
    return kept > 0 ? ExitCode.FINDINGS : ExitCode.OK;
  }

  /** The ADRs on disk that are intact and were rendered from the same inputs as now. */
  static Set<String> upToDate(DecisionLog log, Renderer renderer, Publisher publisher) {
    return publisher.upToDate(renderer.inputs(log));
  }

  static String describeDrift(Action action) {
    return Drift.describe(action);
  }
}
