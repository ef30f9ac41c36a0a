package dev.kvorstream.cli;

import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.design.DesignLoader;
import dev.kvorstream.design.ProjectConfig;
import dev.kvorstream.heuristic.Heuristic;
import dev.kvorstream.log.Assessor;
import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.log.Folder;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.Templates;

/** The options every command shares: the decisions folder, templates, inference. */
public final class FolderOptions {

  String dir;
  String templates;
  String style;
  boolean noInfer;
  boolean verbose;

  /** Adds the shared options to a command's syntax. */
  static Syntax declare(Syntax syntax) {
    return syntax
        .option("--dir", "DIR", "The decisions folder (default: dir in kv-or-stream.yaml, else decisions).")
        .option("--templates", "DIR", "A folder of templates that override the built-in ones by name.")
        .choice("--style", "STYLE",
            "The ADR layout: nygard (adr-tools, Structurizr; the default) or madr (MADR 4).", "nygard", "madr")
        .flag("--no-infer", "Do not infer omitted answers from the design's words.")
        .flag("--verbose", "Print stack traces of failures.");
  }

  /** The shared options as a command line gave them. */
  static FolderOptions of(Parsed args) {
    FolderOptions o = new FolderOptions();
    o.dir = args.value("--dir");
    o.templates = args.value("--templates");
    o.style = args.value("--style");
    o.noInfer = args.has("--no-infer");
    o.verbose = args.has("--verbose");
    return o;
  }

  private ProjectConfig config;

  /** Applies kv-or-stream.yaml under the options the command line did not give. */
  void configure(Session session) {
    if (config != null) {
      return;
    }
    config = ProjectConfig.read(session.workingDir());
    if (dir == null) {
      dir = config.dir() != null ? config.dir() : "decisions";
    }
    if (templates == null) {
      templates = config.templates();
    }
    if (style == null) {
      style = config.style() != null ? config.style() : "nygard";
    }
    if (!style.equals("nygard") && !style.equals("madr")) {
      throw dev.kvorstream.problem.KvException.usage("--style " + style + ": expected nygard or madr");
    }
  }

  ProjectConfig config(Session session) {
    configure(session);
    return config;
  }

  Heuristic heuristic() {
    return Heuristic.standard();
  }

  DesignLoader loader() {
    return new DesignLoader(heuristic().catalogue().ids());
  }

  Assessor assessor() {
    return new Assessor(heuristic(), !noInfer);
  }

  Templates templates(Session session) {
    configure(session);
    return templates == null ? Templates.builtIn() : Templates.create(session.resolve(templates));
  }

  Renderer renderer(Session session) {
    return renderer(templates(session));
  }

  Renderer renderer(Templates t) {
    return new Renderer(t, heuristic().catalogue(), style == null ? "nygard" : style, !noInfer);
  }

  Folder folder(Session session) {
    configure(session);
    return Folder.read(session.resolve(dir), dir, loader());
  }

  DecisionLog log(Session session) {
    return DecisionLog.build(folder(session), assessor());
  }

  /**
   * The log, for a command that writes or exports it: refused (exit 2, every problem
   * named) when it has problems that make it unusable, such as duplicate numbers.
   */
  DecisionLog usableLog(Session session, Timing timing) {
    Folder folder = folder(session).requireDecisionLog();
    timing.phase("read");
    DecisionLog log = DecisionLog.build(folder, assessor());
    timing.phase("assess");
    if (!log.blocking().isEmpty()) {
      throw dev.kvorstream.problem.KvException.badInput(log.blocking());
    }
    return log;
  }

  /** A file in the decisions folder, as the user would name it. */
  String dirPath(String fileName) {
    if (dir == null) {
      dir = "decisions";
    }
    return Folder.displayPath(dir, fileName);
  }
}
