package dev.kvorstream.cli;

import dev.kvorstream.design.DesignLoader;
import dev.kvorstream.heuristic.Heuristic;
import dev.kvorstream.log.Assessor;
import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.log.Folder;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.Templates;
import picocli.CommandLine.Option;

/** The options every command shares: the decisions folder, templates, inference. */
public final class FolderOptions {

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "decisions",
      description = "The decisions folder (default: ${DEFAULT-VALUE}).")
  String dir;

  @Option(names = "--templates", paramLabel = "DIR",
      description = "A folder of templates that override the built-in ones by name.")
  String templates;

  @Option(names = "--no-infer", negatable = false,
      description = "Do not infer omitted answers from the design's words.")
  boolean noInfer;

  @Option(names = "--verbose", description = "Print stack traces of failures.")
  boolean verbose;

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
    return templates == null ? Templates.builtIn() : Templates.create(session.resolve(templates));
  }

  Renderer renderer(Session session) {
    return renderer(templates(session));
  }

  Renderer renderer(Templates t) {
    return new Renderer(t, heuristic().catalogue());
  }

  Folder folder(Session session) {
    return Folder.read(session.resolve(dir), dir, loader());
  }

  DecisionLog log(Session session) {
    return DecisionLog.build(folder(session), assessor());
  }

  /** A file in the decisions folder, as the user would name it. */
  String dirPath(String fileName) {
    return Folder.displayPath(dir, fileName);
  }
}
