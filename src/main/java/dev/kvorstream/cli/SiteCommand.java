package dev.kvorstream.cli;

import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.log.Folder;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.Templates;
import dev.kvorstream.site.SiteBuilder;
import dev.kvorstream.site.SiteWriter;
import dev.kvorstream.write.Publisher;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code site}: the decision log as a static HTML site. */
final class SiteCommand implements Command {

  private final FolderOptions.Specs shared = new FolderOptions.Specs(FolderOptions.Use.TEMPLATES,
      FolderOptions.Use.STYLE, FolderOptions.Use.INFER);
  private final OptionSpec outDir = Grammar.value("--out", "DIR", Path.class,
      "The folder to write the site into (default: site.out in kv-or-stream.yaml).");
  private final OptionSpec forced = Grammar.flag("--force",
      "Replace files in DIR that the site did not write or that were changed.");

  record Options(FolderOptions folder, Path out, boolean force) {}

  @Override
  public CommandSpec spec() {
    return shared.addTo(Grammar.command("site",
        "Renders the decisions folder as a static HTML site.",
        "Rewrites only changed files; removes only files it wrote itself and nobody changed.")
        .addOption(outDir).addOption(forced));
  }

  @Override
  public int run(Session session) {
    Options o = new Options(shared.options(), outDir.getValue(), forced.getValue());
    Workspace ws = Workspace.open(session, o.folder());
    boolean force = o.force();
    String out = o.out() == null ? ws.config().siteOut() : o.out().toString();
    if (out == null) {
      throw new UsageException("site needs --out DIR (or site: {out: DIR} in kv-or-stream.yaml)");
    }
    Timing timing = new Timing(session.err());
    DecisionLog log = ws.usableLog(timing);
    Templates templates = ws.templates();
    Renderer renderer = ws.renderer(templates);
    SiteBuilder builder = new SiteBuilder(templates, renderer, ws.heuristic().catalogue());
    // ADRs that generate wrote from the same inputs are read, not rendered again.
    SiteBuilder.Output files = builder.plan(log, new Publisher(log.folder().dir())::upToDateText);
    timing.phase("plan");
    Path dir = session.resolve(out);
    List<SiteWriter.Change> changes = new SiteWriter(dir).write(files, force);
    timing.phase("render and write");
    int written = 0;
    int unchanged = 0;
    int removed = 0;
    int kept = 0;
    for (SiteWriter.Change c : changes) {
      String path = Folder.displayPath(out, c.file());
      switch (c.action()) {
        case CREATED, UPDATED -> written++;
        case UNCHANGED -> unchanged++;
        case REMOVED -> removed++;
        case KEPT_CHANGED -> {
          kept++;
          session.err().println(path + ": changed since the site wrote it; left as it is (use --force)");
        }
        case KEPT_FOREIGN -> {
          kept++;
          session.err().println(path + ": not written by the site; left as it is (use --force)");
        }
        default -> { }
      }
    }
    session.out().println("site: " + written + " written, " + unchanged + " unchanged, " + removed
        + " removed" + (kept > 0 ? ", " + kept + " left as they are" : "") + "; open "
        + Folder.displayPath(out, "index.html"));
    return kept > 0 ? ExitCode.FINDINGS : ExitCode.OK;
  }
}
