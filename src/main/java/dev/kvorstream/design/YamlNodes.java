package dev.kvorstream.design;

import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.Position;
import dev.kvorstream.problem.ToolException;
import java.util.Iterator;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * YAML with positions: composes one design file (YAML 1.2, so {@code no} and {@code yes} are
 * words, not booleans) into snakeyaml-engine nodes that keep their marks, with limits on
 * aliases, nesting and size, and turns the engine's errors into our diagnostics.
 */
final class YamlNodes {

  /** Aliases allowed per file: enough for any design, too few for an alias bomb. */
  public static final int MAX_ALIASES = 20;
  /** Nesting depth of YAML collections allowed; a design needs four at most. */
  public static final int MAX_DEPTH = 32;

  private YamlNodes() {}

  /** The one document of a design file, as nodes with marks. */
  static Node compose(String path, String text) {
    if (text.isBlank() || onlyComments(text)) {
      throw ToolException.badInput(Diagnostic.of(Position.ofFile(path),
          "empty design; a design needs at least a 'title'"));
    }
    LoadSettings settings = LoadSettings.builder()
        .setLabel(path)
        .setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false)
        // a list or map as a key reaches the checks below, which name its place
        .setAllowNonScalarKeys(true)
        .setMaxAliasesForCollections(MAX_ALIASES)
        .setCodePointLimit(SourceText.MAX_BYTES)
        .setUseMarks(true)
        .build();
    try {
      Iterator<Node> documents = new Composer(settings, new DepthLimitedParser(
          new ParserImpl(settings, new StreamReader(settings, text)), path, text));
      if (!documents.hasNext()) {
        throw ToolException.badInput(Diagnostic.of(Position.ofFile(path),
            "empty design; a design needs at least a 'title'"));
      }
      Node root = documents.next();
      if (documents.hasNext()) {
        Node second = documents.next();
        throw ToolException.badInput(Diagnostic.of(position(path, text, second),
            "several YAML documents in one file; a design file holds one design"));
      }
      return root;
    } catch (MarkedYamlEngineException e) {
      if (endsOpen(e) && e.getContextMark().isPresent()) {
        // a quote or bracket never closed: the end of the file says nothing, where it opened does
        throw ToolException.badInput(Diagnostic.of(position(path, text, e.getContextMark().get()),
            "YAML syntax: the file ends before this is closed (" + clean(e.getContext()) + ")"));
      }
      Position at = e.getProblemMark().map(m -> position(path, text, m)).orElse(Position.ofFile(path));
      throw ToolException.badInput(Diagnostic.of(at, syntaxMessage(e)));
    } catch (YamlEngineException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.contains("aliases")) {
        message = "too many YAML aliases (more than " + MAX_ALIASES + "); a design needs none";
      } else if (message.contains("exceeds the limit")) {
        message = "file too large; a design may be at most " + SourceText.MAX_BYTES + " bytes";
      } else {
        message = "YAML: " + clean(message);
      }
      throw ToolException.badInput(Diagnostic.of(Position.ofFile(path), message));
    } catch (StackOverflowError e) {
      throw ToolException.badInput(Diagnostic.of(Position.ofFile(path),
          "YAML nested too deeply; a design needs at most " + MAX_DEPTH + " levels"));
    }
  }

  private static boolean onlyComments(String text) {
    for (String line : text.split("\\R")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#") && !t.equals("---") && !t.equals("...")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The parser the composer reads from, counting how deep collections nest: the first one
   * deeper than {@link #MAX_DEPTH} stops the composer, with its position, long before its
   * recursion could run out of stack. One pass over the text, no second parse.
   */
  private static final class DepthLimitedParser implements Parser {
    private final Parser inner;
    private final String path;
    private final String text;
    private int depth;

    DepthLimitedParser(Parser inner, String path, String text) {
      this.inner = inner;
      this.path = path;
      this.text = text;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
      return inner.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
      return inner.peekEvent();
    }

    @Override
    public boolean hasNext() {
      return inner.hasNext();
    }

    @Override
    public Event next() {
      Event event = inner.next();
      switch (event.getEventId()) {
        case MappingStart, SequenceStart -> {
          if (++depth > MAX_DEPTH) {
            Position at = event.getStartMark().map(m -> position(path, text, m))
                .orElse(Position.ofFile(path));
            throw ToolException.badInput(Diagnostic.of(at,
                "YAML nested too deeply; a design needs at most " + MAX_DEPTH + " levels"));
          }
        }
        case MappingEnd, SequenceEnd -> depth--;
        default -> { }
      }
      return event;
    }
  }

  /** Whether the parser met the end of the file inside something still open. */
  private static boolean endsOpen(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    return e.getContext() != null && (problem.contains("end of stream") || problem.contains("<stream end>"));
  }

  static String syntaxMessage(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    if (problem.contains("'\\t'") || problem.contains("\\t(TAB)")) {
      return "tab character; YAML indents with spaces only";
    }
    if (problem.contains("mapping values are not allowed")) {
      return "YAML syntax: a key where none can start; check this line's indentation, or quote a"
          + " value that contains ': '";
    }
    String context = e.getContext() == null ? "" : e.getContext();
    String message = context.isEmpty() ? problem : problem + " (" + context + ")";
    return "YAML syntax: " + clean(message);
  }

  private static String clean(String message) {
    if (message == null) {
      return "YAML could not be read";
    }
    String oneLine = message.replaceAll("\\s+", " ").strip();
    int inFile = oneLine.indexOf(" in ");
    return inFile > 0 && oneLine.contains(", line ") ? oneLine.substring(0, inFile) : oneLine;
  }

  static Position position(String path, String text, Mark mark) {
    return Position.at(path, text, mark.getLine() + 1, mark.getColumn() + 1);
  }

  static Position position(String path, String text, Node node) {
    return node.getStartMark().map(m -> position(path, text, m)).orElse(Position.ofFile(path));
  }

  /** An empty value ({@code key:} with nothing after it), which counts as left out. */
  static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a map";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    Tag tag = node.getTag();
    if (tag.equals(Tag.BOOL)) {
      return "a boolean";
    }
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      return "a number";
    }
    if (tag.equals(Tag.NULL)) {
      return "nothing";
    }
    return "text";
  }
}
