package dev.kvorstream.mcp;

import dev.kvorstream.design.DesignLoader;
import dev.kvorstream.heuristic.Heuristic;
import dev.kvorstream.ledger.Assessor;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.ledger.Folder;
import dev.kvorstream.ledger.Pipeline;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.model.AdrStyle;
import dev.kvorstream.render.Templates;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The decisions folder a server works on and the settings of its engine, as the command line
 * resolved them (options, then {@code kv-or-stream.yaml}, then defaults).
 *
 * @param dir the decisions folder, absolute; nothing is written outside it
 * @param display the folder as the user named it ({@code decisions}), for paths in results
 * @param templates the user's template folder, or null for the built-in templates only
 * @param style {@code nygard} or {@code madr}
 * @param infer whether omitted answers are inferred from a design's words
 * @param clock the clock that dates a new decision
 */
public record McpSettings(Path dir, String display, Path templates, String style, boolean infer,
    Clock clock) {

  public McpSettings {
    dir = dir.toAbsolutePath().normalize();
    if (AdrStyle.byWord(style) == null) {
      throw new IllegalArgumentException("style one of " + AdrStyle.words() + ", not " + style);
    }
  }

  Pipeline pipeline() {
    return Pipeline.standard(infer);
  }

  Heuristic heuristic() {
    return pipeline().heuristic();
  }

  DesignLoader loader() {
    return pipeline().loader();
  }

  Assessor assessor() {
    return pipeline().assessor();
  }

  Templates templateSet() {
    return templates == null ? Templates.builtIn() : Templates.create(templates);
  }

  Renderer renderer(Templates set) {
    return new Renderer(set, heuristic().catalogue(), style, infer);
  }

  /** The log as it is on disk now (read again on every call: files change between calls). */
  DecisionLog log() {
    Pipeline pipeline = pipeline();
    return pipeline.log(pipeline.read(dir, display));
  }

  /** A file of the folder as the user would name it. */
  String path(String fileName) {
    return Folder.displayPath(display, fileName);
  }
}
