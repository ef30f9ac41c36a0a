package dev.kvorstream.cli;

import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.problem.KvException;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.Templates;
import dev.kvorstream.site.SiteBuilder;
import dev.kvorstream.site.SiteWriter;
import dev.kvorstream.write.Publisher;
import java.nio.file.Path;
import java.util.List;

final class SiteCommand implements Command {

  static final Syntax SYNTAX = FolderOptions.declare(Syntax.command("site",
      "Renders the decisions folder as a static HTML site.",
      "Rewrites only changed files; removes only files it wrote itself and nobody changed.")
      .option("--out", "DIR", "The folder to write the site into (default: site.out in kv-or-stream.yaml).")
      .flag("--force", "Replace files in DIR that the site did not write or that were changed."));

  @Override
  public int run(Parsed args, Session session) {
    FolderOptions options = FolderOptions.of(args);
    String out = args.value("--out");
    boolean force = args.has("--force");
    Timing timing = new Timing(session.err());
    DecisionLog log = options.usableLog(session, timing);
    if (out == null) {
      out = options.config(session).siteOut();
      if (out == null) {
        throw KvException.usage("site needs --out DIR (or site: {out: DIR} in kv-or-stream.yaml)");
      }
    }
    Templates templates = options.templates(session);
    Renderer renderer = options.renderer(templates);
    SiteBuilder builder = new SiteBuilder(templates, renderer, options.heuristic().catalogue());
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
      String path = dev.kvorstream.log.Folder.displayPath(out, c.file());
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
        + dev.kvorstream.log.Folder.displayPath(out, "index.html"));
    return kept > 0 ? ExitCode.FINDINGS : ExitCode.OK;
  }
}
