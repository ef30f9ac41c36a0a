package dev.kvorstream.design;

import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.KvException;
import dev.kvorstream.problem.Position;
import dev.kvorstream.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
      root0 = new Compose(LoadSettings.builder().setLabel(FILE).setAllowDuplicateKeys(false)
          .setAllowNonScalarKeys(true).build()).composeString(text).orElse(null);
    } catch (MarkedYamlEngineException e) {
      Position at = e.getProblemMark().map(m -> Position.at(FILE, text, m.getLine() + 1, m.getColumn() + 1))
          .orElse(Position.ofFile(FILE));
      throw KvException.badInput(Diagnostic.of(at, DesignLoader.syntaxMessage(e)));
    }
    if (root0 == null) {
      return NONE;
    }
    if (!(root0 instanceof MappingNode map)) {
      throw KvException.badInput(Diagnostic.of(at(text, root0), FILE + " must be a map of settings"));
    }
    // every problem of the file is collected and reported together, as for designs
    Problems problems = new Problems();
    String dir = null;
    String style = null;
    String templates = null;
    String siteOut = null;
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : map.getValue()) {
      Node value = t.getValueNode();
      String key = key(text, t.getKeyNode(), problems);
      if (key == null) {
        continue;
      }
      if (!seen.add(key)) {
        problems.add(at(text, t.getKeyNode()), "duplicate key '" + key + "'; give each setting once");
        continue;
      }
      switch (key) {
        case "dir" -> dir = scalar(text, value, key, problems);
        case "templates" -> templates = scalar(text, value, key, problems);
        case "style" -> {
          style = scalar(text, value, key, problems);
          if (style != null && !style.equals("nygard") && !style.equals("madr")) {
            problems.add(at(text, value), "unknown style '" + style + "'; expected nygard or madr"
                + Suggest.hint(style, List.of("nygard", "madr")));
            style = null;
          }
        }
        case "site" -> {
          if (!(value instanceof MappingNode site)) {
            problems.add(at(text, value), "'site' must be a map, e.g. site: {out: public}");
            continue;
          }
          for (NodeTuple s : site.getValue()) {
            String k = key(text, s.getKeyNode(), problems);
            if (k == null) {
              continue;
            }
            if (!k.equals("out")) {
              problems.add(at(text, s.getKeyNode()), "unknown key '" + k + "' in site; expected out");
              continue;
            }
            siteOut = scalar(text, s.getValueNode(), "site.out", problems);
          }
        }
        default -> problems.add(at(text, t.getKeyNode()),
            "unknown key '" + key + "' in " + FILE + (Suggest.nearest(key, KEYS) != null
                ? Suggest.hint(key, KEYS) : "; expected one of " + String.join(", ", KEYS)));
      }
    }
    problems.throwIfAny();
    return new ProjectConfig(dir, style, templates, siteOut);
  }

  /** A key's word, or null (the problem recorded) when the key is a list, a map or empty. */
  private static String key(String text, Node node, Problems problems) {
    if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
      return s.getValue();
    }
    problems.add(at(text, node), "keys must be words such as dir or style; found "
        + DesignLoader.kind(node));
    return null;
  }

  private static String scalar(String text, Node node, String key, Problems problems) {
    if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
      return s.getValue();
    }
    problems.add(at(text, node), "'" + key + "' must be text");
    return null;
  }

  private static Position at(String text, Node node) {
    return node.getStartMark().map(m -> Position.at(FILE, text, m.getLine() + 1, m.getColumn() + 1))
        .orElse(Position.ofFile(FILE));
  }
}
