package dev.kvorstream.design;

import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.KvException;
import dev.kvorstream.problem.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * {@code kv-or-stream.yaml} at the repository root: the settings a team sets once. Command
 * line options win over it; it wins over the built-in defaults.
 *
 * <pre>
 * dir: docs/decisions      # the decisions folder
 * style: madr              # nygard (default) or madr
 * templates: adr-templates # a folder of templates overriding the built-in ones
 * site:
 *   out: public/decisions  # where `site` writes when --out is not given
 * </pre>
 */
public record ProjectConfig(String dir, String style, String templates, String siteOut) {

  /** The file's name at the repository root. */
  public static final String FILE = "kv-or-stream.yaml";

  public static final ProjectConfig NONE = new ProjectConfig(null, null, null, null);

  private static final List<String> KEYS = List.of("dir", "style", "templates", "site");

  /** Reads the config in {@code root}, or {@link #NONE} when there is none. */
  public static ProjectConfig read(Path root) {
    Path file = root.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    String text;
    try {
      text = SourceText.decode(FILE, Files.readAllBytes(file));
    } catch (IOException e) {
      throw KvException.failed("cannot read " + FILE + ": " + e.getMessage(), e);
    }
    Node root0;
    try {
      root0 = new Compose(LoadSettings.builder().setLabel(FILE).build()).composeString(text).orElse(null);
    } catch (MarkedYamlEngineException e) {
      Position at = e.getProblemMark().map(m -> Position.at(FILE, text, m.getLine() + 1, m.getColumn() + 1))
          .orElse(Position.ofFile(FILE));
      throw KvException.badInput(Diagnostic.of(at, "YAML syntax: " + e.getProblem()));
    }
    if (root0 == null) {
      return NONE;
    }
    if (!(root0 instanceof MappingNode map)) {
      throw KvException.badInput(Diagnostic.of(at(text, root0), FILE + " must be a map of settings"));
    }
    String dir = null;
    String style = null;
    String templates = null;
    String siteOut = null;
    for (NodeTuple t : map.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
      Node value = t.getValueNode();
      switch (key) {
        case "dir" -> dir = scalar(text, value, key);
        case "templates" -> templates = scalar(text, value, key);
        case "style" -> {
          style = scalar(text, value, key);
          if (!style.equals("nygard") && !style.equals("madr")) {
            throw KvException.badInput(Diagnostic.of(at(text, value),
                "unknown style '" + style + "'; expected nygard or madr"));
          }
        }
        case "site" -> {
          if (!(value instanceof MappingNode site)) {
            throw KvException.badInput(Diagnostic.of(at(text, value), "'site' must be a map, e.g. site: {out: public}"));
          }
          for (NodeTuple s : site.getValue()) {
            String k = s.getKeyNode() instanceof ScalarNode sk ? sk.getValue() : "";
            if (!k.equals("out")) {
              throw KvException.badInput(Diagnostic.of(at(text, s.getKeyNode()),
                  "unknown key '" + k + "' in site; expected out"));
            }
            siteOut = scalar(text, s.getValueNode(), "site.out");
          }
        }
        default -> throw KvException.badInput(Diagnostic.of(at(text, t.getKeyNode()),
            "unknown key '" + key + "' in " + FILE + Suggest.hint(key, KEYS) + "; expected one of "
                + String.join(", ", KEYS)));
      }
    }
    return new ProjectConfig(dir, style, templates, siteOut);
  }

  private static String scalar(String text, Node node, String key) {
    if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
      return s.getValue();
    }
    throw KvException.badInput(Diagnostic.of(at(text, node), "'" + key + "' must be text"));
  }

  private static Position at(String text, Node node) {
    return node.getStartMark().map(m -> Position.at(FILE, text, m.getLine() + 1, m.getColumn() + 1))
        .orElse(Position.ofFile(FILE));
  }
}
