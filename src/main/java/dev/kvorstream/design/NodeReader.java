package dev.kvorstream.design;

import dev.kvorstream.model.Ref;
import dev.kvorstream.problem.Position;
import dev.kvorstream.problem.Problems;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads values out of composed YAML nodes, recording each problem at its node's place
 * (so all problems of a file are reported together): maps with known keys, text, lists of
 * text, dates, whole numbers and decision numbers.
 */
class NodeReader {
  private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  final String path;
  final String text;
  final Problems problems = new Problems();

  NodeReader(String path, String text) {
    this.path = path;
    this.text = text;
  }

  Position at(Node node) {
    return YamlNodes.position(path, text, node);
  }

  void error(Node node, String message) {
    problems.add(at(node), message);
  }

  /**
   * The node as a map of its keys, each key checked against {@code allowed}; null (with
   * the problem recorded) when the node is not a map.
   */
  Map<String, NodeTuple> mapping(Node node, String what, List<String> allowed, String hint) {
    if (!(node instanceof MappingNode mapping)) {
      error(node, what + " must be a map of keys, found " + YamlNodes.kind(node) + "; " + hint);
      return null;
    }
    checkTag(node);
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
        error(keyNode, "keys must be words; found " + YamlNodes.kind(keyNode));
        continue;
      }
      String key = scalar.getValue();
      if (out.containsKey(key)) {
        error(keyNode, "duplicate key '" + key + "'; it was already given on line "
            + at(out.get(key).getKeyNode()).line());
        continue;
      }
      if (!allowed.contains(key)) {
        error(keyNode, "unknown key '" + key + "' in " + what + Suggest.hint(key, allowed)
            + (Suggest.nearest(key, allowed) == null
                ? "; expected one of " + String.join(", ", allowed) : ""));
        continue;
      }
      out.put(key, tuple);
    }
    return out;
  }

  void checkTag(Node node) {
    Tag tag = node.getTag();
    boolean standard = node instanceof ScalarNode ? SCALAR_TAGS.contains(tag)
        : tag.equals(Tag.MAP) || tag.equals(Tag.SEQ);
    if (!standard) {
      String shown = tag.getValue().replace("tag:yaml.org,2002:", "!!");
      error(node, "YAML tag '" + shown + "' is not allowed in a design; write plain values");
    }
  }

  /** A text value; numbers are taken as text only where {@code numbersAsText}. */
  String text(Node node, String key, boolean numbersAsText) {
    if (!(node instanceof ScalarNode scalar)) {
      error(node, quoted(key) + " must be text, found " + YamlNodes.kind(node));
      return null;
    }
    checkTag(node);
    Tag tag = scalar.getTag();
    if (tag.equals(Tag.NULL)) {
      error(node, quoted(key) + " is empty; " + (key.equals("title")
          ? "name the communication path" : "give it a value or leave the key out"));
      return null;
    }
    if (tag.equals(Tag.STR) || (numbersAsText && (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)))) {
      return scalar.getValue();
    }
    error(node, quoted(key) + " must be text, found " + YamlNodes.kind(node)
        + (tag.equals(Tag.BOOL) ? "; quote it if you mean the word" : ""));
    return null;
  }

  /** 'key', or 'list' items when the key already names the items. */
  String quoted(String key) {
    return key.endsWith("' items") ? "'" + key : "'" + key + "'";
  }

  LocalDate date(Node node) {
    String value = text(node, "date", false);
    if (value == null) {
      return null;
    }
    if (!ISO_DATE.matcher(value).matches()) {
      error(node, "bad date '" + value + "'; expected YYYY-MM-DD, e.g. 2026-03-03");
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      error(node, "bad date '" + value + "'; no such day (expected YYYY-MM-DD)");
      return null;
    }
  }

  List<String> textList(Node node, String key) {
    if (!(node instanceof SequenceNode seq)) {
      error(node, "'" + key + "' must be a list, e.g. " + key + ": [platform team]; found "
          + YamlNodes.kind(node));
      return List.of();
    }
    checkTag(node);
    List<String> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      String value = text(item, key + "' items", true);
      if (value != null) {
        if (value.isBlank()) {
          error(item, "empty item in '" + key + "'");
        } else {
          out.add(value.strip());
        }
      }
    }
    return out;
  }

  Long number(Node node, String key) {
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
      try {
        return Long.parseLong(s.getValue().replace("_", ""));
      } catch (NumberFormatException e) {
        // falls through
      }
    }
    error(node, "'" + key + "' must be a whole number, found " + YamlNodes.kind(node)
        + (node instanceof ScalarNode s ? " '" + s.getValue() + "'" : ""));
    return null;
  }

  List<Ref> refs(Node node, String key) {
    if (!(node instanceof SequenceNode seq)) {
      error(node, "'" + key + "' must be a list of decision numbers, e.g. " + key + ": [3]; found "
          + YamlNodes.kind(node));
      return List.of();
    }
    List<Ref> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (item instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
        try {
          int n = Integer.parseInt(s.getValue().replace("_", ""));
          if (n > 0) {
            out.add(new Ref(n, at(item)));
            continue;
          }
        } catch (NumberFormatException e) {
          // falls through to the error below
        }
      }
      if (item instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
        error(item, "'" + key + "' lists decision numbers, which start at 1; " + s.getValue()
            + " is not one");
        continue;
      }
      error(item, "'" + key + "' lists decision numbers such as 3; found " + YamlNodes.kind(item)
          + (item instanceof ScalarNode s ? " '" + s.getValue() + "'" : ""));
    }
    return out;
  }
}
