package dev.kvorstream.preview;

import dev.kvorstream.design.ProjectConfig;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.ledger.Pipeline;
import dev.kvorstream.model.AdrStyle;
import dev.kvorstream.model.RenderedFiles;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.Position;
import dev.kvorstream.problem.ToolException;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.Templates;
import dev.kvorstream.site.SiteBuilder;
import dev.kvorstream.write.Publisher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site as the preview serves it, made by the same {@link SiteBuilder} and templates as
 * {@code site}, kept in memory. After a change only the files that changed are read again,
 * and a decision page is made again only when its input fingerprint (the one {@code site}
 * uses to skip unchanged pages) differs from the one it was made from; the index, search
 * data and heuristic page are made once per version, when first asked for. Problems (an
 * invalid design, a broken template or setting) never stop it: they are shown on every
 * page, over the last state that could be read.
 */
final class LiveSite {

  /** One served file: its bytes as text, and whether it is an error page. */
  record Served(String content, boolean broken) {}

  /** What one version of the site serves. */
  private record Version(String id, RenderedFiles output, Set<String> names,
      Map<String, String> made) {}

  /** A decision page and the fingerprint it was made from. */
  private record Made(String inputs, String content) {}

  /** The settings that come from the command line and kv-or-stream.yaml. */
  record Settings(Path dir, String display, Path templates, String style) {}

  private final Preview.Options options;
  private final Pipeline pipeline;
  private final Map<String, Made> pages = new ConcurrentHashMap<>();
  private final String run = Long.toHexString(System.nanoTime() & 0xffffffL);
  private int count;

  private volatile Settings settings;
  private List<Diagnostic> settingProblems = List.of();
  private Templates templates;
  private List<Diagnostic> templateProblems = List.of();
  private LiveFolder folder;
  private DecisionLog lastLog;
  private volatile List<Diagnostic> problems = List.of();
  private volatile int decisions;
  private volatile Version current;

  /**
   * Reads the settings, the templates and the folder once.
   *
   * @throws ToolException exit 2 when the settings, the templates folder or the decisions
   *     folder cannot be used at all (later, the same problems only show on the pages)
   */
  LiveSite(Preview.Options options) {
    this.options = options;
    this.pipeline = Pipeline.standard(options.infer());
    settings = settings(ProjectConfig.read(options.workingDir()));
    templates = templates(settings);
    folder = new LiveFolder(settings.dir(), settings.display(), pipeline.loader());
    refresh(false, false);
  }

  Settings settings() {
    return settings;
  }

  int decisions() {
    return decisions;
  }

  List<Diagnostic> problems() {
    return problems;
  }

  /** The id of the version now served; it changes with every change that shows. */
  String version() {
    return current.id();
  }

  /**
   * Reads again what a change may have touched.
   *
   * @param config kv-or-stream.yaml changed (the settings are read again)
   * @param templateFiles the templates folder changed (its templates are read again)
   * @return the names of the changed files, empty when nothing that shows changed
   */
  synchronized List<String> refresh(boolean config, boolean templateFiles) {
    List<String> changed = new ArrayList<>();
    Settings before = settings;
    if (config) {
      try {
        settings = settings(ProjectConfig.read(options.workingDir()));
        settingProblems = List.of();
      } catch (ToolException e) {
        settingProblems = problemsOf(e, ProjectConfig.FILE);
      }
      changed.add(ProjectConfig.FILE);
    }
    if (templateFiles || !Objects.equals(before.templates(), settings.templates())) {
      try {
        templates = templates(settings);
        templateProblems = List.of();
      } catch (ToolException e) {
        templateProblems = problemsOf(e, shown(settings.templates()));
      }
      changed.add("templates");
    }
    if (!before.dir().equals(settings.dir())) {
      folder = new LiveFolder(settings.dir(), settings.display(), pipeline.loader());
    }
    List<Diagnostic> found = new ArrayList<>(settingProblems);
    found.addAll(templateProblems);
    DecisionLog log = lastLog;
    try {
      LiveFolder.Scan scan = folder.rescan();
      changed.addAll(scan.changed());
      found.addAll(scan.problems());
      log = pipeline.log(scan.folder());
      found.addAll(log.blocking());
    } catch (ToolException e) {
      if (lastLog == null) {
        throw e;
      }
      // the folder is gone or unreadable: the last log read stays, with the problem
      found.addAll(problemsOf(e, settings.display()));
    }
    lastLog = log;
    boolean problemsChanged = !found.equals(problems);
    if (current != null && changed.isEmpty() && !problemsChanged) {
      return List.of();
    }
    problems = List.copyOf(found);
    decisions = log.entries().size();
    SiteBuilder builder = new SiteBuilder(templates,
        new Renderer(templates, pipeline.heuristic().catalogue(), settings.style(), options.infer()),
        pipeline.heuristic().catalogue());
    RenderedFiles output = builder.plan(log, new Publisher(settings.dir())::upToDateText,
        new SiteBuilder.Overlay(true, problems.stream().sorted().map(SiteBuilder.Problem::of).toList()));
    Set<String> names = new HashSet<>(output.names());
    pages.keySet().retainAll(names);
    current = new Version(nextId(), output, names, new ConcurrentHashMap<>());
    if (changed.isEmpty()) {
      changed.add("problems");
    }
    return changed;
  }

  /**
   * A file of the site now, or null when the site has no file of that name. A file that
   * cannot be made (a broken template) gives an error page that names the problem.
   */
  Served file(String name) {
    Version v = current;
    if (!v.names().contains(name)) {
      return null;
    }
    try {
      String inputs = v.output().inputs().apply(name);
      if (inputs == null) {
        return new Served(v.made().computeIfAbsent(name, v.output().content()), false);
      }
      Made made = pages.get(name);
      if (made == null || !made.inputs().equals(inputs)) {
        made = new Made(inputs, v.output().content().apply(name));
        pages.put(name, made);
      }
      return new Served(made.content(), false);
    } catch (ToolException e) {
      List<SiteBuilder.Problem> shown = new ArrayList<>();
      Path folder = settings.templates();
      problemsOf(e, folder == null ? "templates" : shown(folder))
          .forEach(d -> shown.add(SiteBuilder.Problem.of(d)));
      problems.stream().sorted().forEach(d -> shown.add(SiteBuilder.Problem.of(d)));
      // the built-in templates, so that a broken template of the user's cannot break this page
      return new Served(Templates.builtIn().render("site/problem.ftlh",
          Map.of("live", true, "problems", shown)), true);
    }
  }

  /** The folders a change in which matters: the decisions, the templates, the settings' folder. */
  List<Path> watched() {
    List<Path> dirs = new ArrayList<>(List.of(settings.dir(), options.workingDir()));
    if (settings.templates() != null) {
      dirs.add(settings.templates());
    }
    return dirs;
  }

  /** A path as the user would name it: relative to the working folder when inside it. */
  private String shown(Path path) {
    Path relative = path.startsWith(options.workingDir()) ? options.workingDir().relativize(path) : path;
    return relative.toString().isEmpty() ? "." : relative.toString().replace('\\', '/');
  }

  private String nextId() {
    return run + "-" + (++count);
  }

  private Settings settings(ProjectConfig config) {
    String dir = options.dir() != null ? options.dir() : config.dir() != null ? config.dir() : "decisions";
    String templateDir = options.templates() != null ? options.templates() : config.templates();
    String style = options.style() != null ? options.style() : config.style() != null ? config.style() : AdrStyle.DEFAULT.word();
    return new Settings(options.workingDir().resolve(dir).normalize(), dir,
        templateDir == null ? null : options.workingDir().resolve(templateDir).normalize(), style);
  }

  private static Templates templates(Settings settings) {
    return settings.templates() == null ? Templates.builtIn() : Templates.create(settings.templates());
  }

  private static List<Diagnostic> problemsOf(ToolException e, String where) {
    return e.diagnostics().isEmpty() ? List.of(Diagnostic.of(Position.ofFile(where), e.getMessage()))
        : e.diagnostics();
  }
}
