package dev.kvorstream.cli;

import dev.kvorstream.design.DesignLoader;
import dev.kvorstream.design.ProjectConfig;
import dev.kvorstream.heuristic.Heuristic;
import dev.kvorstream.ledger.Assessor;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.ledger.Folder;
import dev.kvorstream.ledger.Pipeline;
import dev.kvorstream.model.AdrStyle;
import dev.kvorstream.problem.ToolException;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.Templates;

/**
 * What a command works on: the command line's folder options over kv-or-stream.yaml (read
 * once), resolved against the session's working folder. Immutable; one per run.
 */
final class Workspace {

  private final Session session;
  private final ProjectConfig config;
  private final String dir;
  private final String templates;
  private final String style;
  private final Pipeline pipeline;

  private Workspace(Session session, FolderOptions options) {
    this.session = session;
    this.config = ProjectConfig.read(session.workingDir());
    this.dir = options.dir() != null ? options.dir().toString() : config.dir() != null ? config.dir() : "decisions";
    this.templates = options.templates() != null ? options.templates().toString() : config.templates();
    this.style = options.style() != null ? options.style() : config.style() != null ? config.style() : AdrStyle.DEFAULT.word();
    this.pipeline = Pipeline.standard(options.infer());
  }

  /** The workspace of a run: reads kv-or-stream.yaml in the working folder, if there is one. */
  static Workspace open(Session session, FolderOptions options) {
    return new Workspace(session, options);
  }

  Session session() {
    return session;
  }

  ProjectConfig config() {
    return config;
  }

  /** The decisions folder as the user names it. */
  String dir() {
    return dir;
  }

  /** The templates folder as the user names it (option, else kv-or-stream.yaml), or null. */
  String templatesDir() {
    return templates;
  }

  /** The ADR style: nygard or madr. */
  String style() {
    return style;
  }

  boolean infer() {
    return pipeline.infer();
  }

  Heuristic heuristic() {
    return pipeline.heuristic();
  }

  DesignLoader loader() {
    return pipeline.loader();
  }

  Assessor assessor() {
    return pipeline.assessor();
  }

  Templates templates() {
    return templates == null ? Templates.builtIn() : Templates.create(session.resolve(templates));
  }

  Renderer renderer() {
    return renderer(templates());
  }

  Renderer renderer(Templates t) {
    return new Renderer(t, heuristic().catalogue(), style, infer());
  }

  Folder folder() {
    return pipeline.read(session.resolve(dir), dir);
  }

  DecisionLog log() {
    return pipeline.log(folder());
  }

  /**
   * The log, for a command that writes or exports it: refused (exit 2, every problem
   * named) when it has problems that make it unusable, such as duplicate numbers.
   */
  DecisionLog usableLog(Timing timing) {
    Folder folder = folder().requireDecisionLog();
    timing.phase("read");
    DecisionLog log = pipeline.log(folder);
    timing.phase("assess");
    if (!log.blocking().isEmpty()) {
      throw ToolException.badInput(log.blocking());
    }
    return log;
  }

  /** A file in the decisions folder, as the user would name it. */
  String dirPath(String fileName) {
    return Folder.displayPath(dir, fileName);
  }
}
