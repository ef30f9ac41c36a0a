package dev.kvorstream.design;

import dev.kvorstream.heuristic.Answer;
import dev.kvorstream.heuristic.Question;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.KvException;
import dev.kvorstream.problem.Position;
import dev.kvorstream.problem.Problems;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads one design file. YAML 1.2 (so {@code no} and {@code yes} are words, not booleans),
 * composed into nodes that keep their marks; then every key and value is checked against
 * the design's schema. All problems of the file are reported together, each at its place.
 */
public final class DesignLoader {

  /** Aliases allowed per file: enough for any design, too few for an alias bomb. */
  public static final int MAX_ALIASES = 20;
  /** Nesting depth of YAML collections allowed; a design needs four at most. */
  public static final int MAX_DEPTH = 32;

  private static final List<String> TOP_KEYS = List.of(
      "title", "status", "date", "deciders", "tags", "context", "flow", "answers", "why",
      "case", "parts", "supersedes", "related", "amends", "nats");
  private static final List<String> PART_KEYS =
      List.of("name", "context", "answers", "why", "case", "nats");
  /** The keys of a {@code nats:} block: KV settings, then stream settings. */
  public static final List<String> NATS_KV_KEYS =
      List.of("bucket", "history", "ttl", "maxValueSize", "replicas", "keys", "pattern");
  public static final List<String> NATS_STREAM_KEYS = List.of("stream", "subjects", "retention",
      "durable", "durables", "filter", "deliver", "ackWait", "maxDeliver", "maxAckPending",
      "duplicateWindow", "heartbeat", "maxAge", "maxMsgs", "maxBytes", "concurrency", "retryDelay",
      "instances", "maxWork", "claim", "replicas");
  private static final List<String> NATS_KEYS = java.util.stream.Stream
      .concat(NATS_KV_KEYS.stream(), NATS_STREAM_KEYS.stream()).distinct().toList();
  private static final Set<String> NATS_NUMBERS = Set.of("history", "maxValueSize", "replicas",
      "maxDeliver", "maxAckPending", "maxMsgs", "maxBytes", "concurrency", "instances");
  private static final Set<String> NATS_LISTS = Set.of("subjects", "durables");
  private static final Set<String> NATS_DURATIONS =
      Set.of("ttl", "ackWait", "duplicateWindow", "heartbeat", "maxAge", "retryDelay", "maxWork");
  private static final List<String> FLOW_KEYS = List.of("producer", "consumers", "subject");
  private static final List<String> QUESTION_KEYS =
      Arrays.stream(Question.values()).map(Question::key).toList();
  private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);
  private static final Set<String> YES_NO =
      Set.of("yes", "no", "y", "n", "true", "false", "on", "off");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** The common-case ids a design may name in {@code case}, in catalogue order. */
  private final List<String> caseIds;

  /** @param caseIds the common-case ids a design may name in {@code case} */
  public DesignLoader(List<String> caseIds) {
    this.caseIds = List.copyOf(caseIds);
  }

  /**
   * Loads a design from its bytes.
   *
   * @param path the path to show in messages, as the user would name the file
   * @param name the parsed file name, or null when the file is not named NNNN-slug.yaml
   * @throws KvException with every problem found, exit code 2
   */
  public Design load(String path, DesignName name, byte[] bytes) {
    String text = SourceText.decode(path, bytes);
    Node root = compose(path, text);
    return new Reader(path, text).design(root, name, sha256(bytes));
  }

  private static Node compose(String path, String text) {
    if (text.isBlank() || onlyComments(text)) {
      throw KvException.badInput(Diagnostic.of(Position.ofFile(path),
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
        throw KvException.badInput(Diagnostic.of(Position.ofFile(path),
            "empty design; a design needs at least a 'title'"));
      }
      Node root = documents.next();
      if (documents.hasNext()) {
        Node second = documents.next();
        throw KvException.badInput(Diagnostic.of(position(path, text, second),
            "several YAML documents in one file; a design file holds one design"));
      }
      return root;
    } catch (MarkedYamlEngineException e) {
      Position at = e.getProblemMark().map(m -> position(path, text, m)).orElse(Position.ofFile(path));
      throw KvException.badInput(Diagnostic.of(at, syntaxMessage(e)));
    } catch (YamlEngineException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.contains("aliases")) {
        message = "too many YAML aliases (more than " + MAX_ALIASES + "); a design needs none";
      } else if (message.contains("exceeds the limit")) {
        message = "file too large; a design may be at most " + SourceText.MAX_BYTES + " bytes";
      } else {
        message = "YAML: " + clean(message);
      }
      throw KvException.badInput(Diagnostic.of(Position.ofFile(path), message));
    } catch (StackOverflowError e) {
      throw KvException.badInput(Diagnostic.of(Position.ofFile(path),
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
            throw KvException.badInput(Diagnostic.of(at,
                "YAML nested too deeply; a design needs at most " + MAX_DEPTH + " levels"));
          }
        }
        case MappingEnd, SequenceEnd -> depth--;
        default -> { }
      }
      return event;
    }
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

  /** Walks one document, collecting problems. */
  private final class Reader {
    private final String path;
    private final String text;
    private final Problems problems = new Problems();

    Reader(String path, String text) {
      this.path = path;
      this.text = text;
    }

    Position at(Node node) {
      return position(path, text, node);
    }

    void error(Node node, String message) {
      problems.add(at(node), message);
    }

    Design design(Node root, DesignName name, String sourceHash) {
      Map<String, NodeTuple> map = mapping(root, "a design", TOP_KEYS,
          "write it as keys such as title, context and answers");
      if (map == null) {
        problems.throwIfAny();
      }
      String title = null;
      NodeTuple titleNode = map.get("title");
      if (titleNode == null) {
        problems.add(Position.at(path, text, 1, 1), "missing 'title'; every design needs one");
      } else {
        title = text(titleNode.getValueNode(), "title", true);
        if (title != null && title.isBlank()) {
          error(titleNode.getValueNode(), "'title' is empty; name the communication path");
          title = null;
        }
        if (title != null && (title.contains("\n") || title.contains("\r"))) {
          error(titleNode.getValueNode(), "'title' must be one line");
          title = null;
        }
      }
      Status status = Status.PROPOSED;
      if (map.containsKey("status")) {
        Node node = map.get("status").getValueNode();
        String word = text(node, "status", false);
        if (word != null) {
          status = Status.fromWord(word);
          if (status == null || !status.word().equals(word)) {
            error(node, "unknown status '" + word + "'; expected one of "
                + String.join(", ", Status.words()) + Suggest.hint(word, Status.words()));
            status = Status.PROPOSED;
          }
        }
      }
      LocalDate date = map.containsKey("date") ? date(map.get("date").getValueNode()) : null;
      List<String> deciders = map.containsKey("deciders")
          ? textList(map.get("deciders").getValueNode(), "deciders") : List.of();
      List<String> tags = map.containsKey("tags")
          ? textList(map.get("tags").getValueNode(), "tags") : List.of();
      String context = map.containsKey("context")
          ? text(map.get("context").getValueNode(), "context", false) : null;
      Flow flow = map.containsKey("flow") ? flow(map.get("flow").getValueNode()) : null;
      Concern concern = concern(map, "the design");
      List<Part> parts = List.of();
      if (map.containsKey("parts")) {
        Node partsNode = map.get("parts").getValueNode();
        if (map.containsKey("answers")) {
          error(map.get("answers").getKeyNode(),
              "'answers' and 'parts' together; put the answers inside each part");
        }
        if (map.containsKey("why")) {
          error(map.get("why").getKeyNode(),
              "'why' and 'parts' together; put the reasons inside each part");
        }
        if (map.containsKey("case")) {
          error(map.get("case").getKeyNode(),
              "'case' and 'parts' together; name the case inside each part");
        }
        parts = parts(partsNode);
      }
      NatsBlock nats = map.containsKey("nats") ? nats(map.get("nats").getValueNode()) : NatsBlock.EMPTY;
      if (map.containsKey("nats") && map.containsKey("parts")) {
        error(map.get("nats").getKeyNode(), "'nats' and 'parts' together; put the settings inside each part");
      }
      List<Ref> supersedes = map.containsKey("supersedes")
          ? refs(map.get("supersedes").getValueNode(), "supersedes") : List.of();
      List<Ref> related = map.containsKey("related")
          ? refs(map.get("related").getValueNode(), "related") : List.of();
      List<Ref> amends = map.containsKey("amends")
          ? refs(map.get("amends").getValueNode(), "amends") : List.of();
      problems.throwIfAny();
      return new Design(path, name, title, status, date, deciders, tags, context, flow,
          concern, parts, supersedes, related, amends, at(root), nats, sourceHash);
    }

    /**
     * The node as a map of its keys, each key checked against {@code allowed}; null (with
     * the problem recorded) when the node is not a map.
     */
    Map<String, NodeTuple> mapping(Node node, String what, List<String> allowed, String hint) {
      if (!(node instanceof MappingNode mapping)) {
        error(node, what + " must be a map of keys, found " + kind(node) + "; " + hint);
        return null;
      }
      checkTag(node);
      Map<String, NodeTuple> out = new LinkedHashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
          error(keyNode, "keys must be words; found " + kind(keyNode));
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
        error(node, quoted(key) + " must be text, found " + kind(node));
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
      error(node, quoted(key) + " must be text, found " + kind(node)
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
            + kind(node));
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

    Flow flow(Node node) {
      Map<String, NodeTuple> map = mapping(node, "flow", FLOW_KEYS,
          "give producer, consumers and subject");
      if (map == null) {
        return null;
      }
      String producer = map.containsKey("producer")
          ? text(map.get("producer").getValueNode(), "producer", false) : null;
      List<String> consumers = map.containsKey("consumers")
          ? textList(map.get("consumers").getValueNode(), "consumers") : List.of();
      String subject = map.containsKey("subject")
          ? text(map.get("subject").getValueNode(), "subject", false) : null;
      String why = subject == null ? null : NatsBlock.subjectProblem(subject);
      if (why != null) {
        error(map.get("subject").getValueNode(),
            "'subject' must be a NATS subject such as tool.execute.>; '" + subject + "' is not: " + why);
      }
      return new Flow(producer, consumers, subject);
    }

    Concern concern(Map<String, NodeTuple> map, String owner) {
      Map<Question, Answer> answers = new EnumMap<>(Question.class);
      if (map.containsKey("answers") && !isNull(map.get("answers").getValueNode())) {
        Map<String, NodeTuple> given = mapping(map.get("answers").getValueNode(), "answers",
            QUESTION_KEYS, "give restart, delivery, processing and nature");
        if (given != null) {
          given.forEach((key, tuple) -> {
            Question q = Question.byKey(key);
            Answer a = answer(q, tuple.getValueNode());
            if (a != null) {
              answers.put(q, a);
            }
          });
        }
      }
      Map<Question, String> why = new EnumMap<>(Question.class);
      if (map.containsKey("why") && !isNull(map.get("why").getValueNode())) {
        Map<String, NodeTuple> given = mapping(map.get("why").getValueNode(), "why",
            QUESTION_KEYS, "give one line per test: restart, delivery, processing, nature");
        if (given != null) {
          given.forEach((key, tuple) -> {
            String line = text(tuple.getValueNode(), "why." + key, true);
            if (line != null) {
              why.put(Question.byKey(key), line.strip());
            }
          });
        }
      }
      String caseId = null;
      if (map.containsKey("case")) {
        Node node = map.get("case").getValueNode();
        String id = text(node, "case", false);
        if (id != null && !caseIds.contains(id)) {
          String hint = Suggest.hint(id, caseIds);
          error(node, "unknown case '" + id + "' in " + owner + (hint.isEmpty()
              ? "; the cases are " + String.join(", ", caseIds) : hint));
        } else {
          caseId = id;
        }
      }
      return new Concern(answers, why, caseId);
    }

    Answer answer(Question question, Node node) {
      List<String> words = question.answers().stream().map(Answer::word).toList();
      String expected = "expected '" + words.get(0) + "' or '" + words.get(1) + "'";
      if (!(node instanceof ScalarNode scalar)) {
        error(node, "answer to " + question.key() + " (test " + question.number() + ") must be a word; "
            + expected);
        return null;
      }
      checkTag(node);
      if (scalar.getTag().equals(Tag.NULL)) {
        return null;
      }
      String word = scalar.getValue();
      Answer answer = scalar.getTag().equals(Tag.STR) ? Answer.of(question, word) : null;
      if (answer == null) {
        String found = scalar.getTag().equals(Tag.STR) ? "'" + word + "'"
            : word + " (" + kind(node).replace("a ", "") + ")";
        String hint = Suggest.hint(word, words);
        if (question == Question.RESTART && YES_NO.contains(word.toLowerCase(java.util.Locale.ROOT))) {
          hint = "; for test 1, yes (handle it again) is 'reprocess' and no is 'resume'";
        }
        error(node, "unknown answer " + found + " for " + question.key() + " (test "
            + question.number() + "); " + expected + hint);
      }
      return answer;
    }

    List<Part> parts(Node node) {
      if (!(node instanceof SequenceNode seq)) {
        error(node, "'parts' must be a list of parts, each with a name and answers; found "
            + kind(node));
        return List.of();
      }
      if (seq.getValue().isEmpty()) {
        error(node, "'parts' is empty; list at least two parts, or use 'answers' instead");
        return List.of();
      }
      List<Part> parts = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (Node item : seq.getValue()) {
        Map<String, NodeTuple> map = mapping(item, "a part", PART_KEYS,
            "a part has a name, answers, and optionally why, case and context");
        if (map == null) {
          continue;
        }
        String name = null;
        if (!map.containsKey("name")) {
          error(item, "a part needs a 'name'");
        } else {
          name = text(map.get("name").getValueNode(), "name", true);
          if (name != null && name.isBlank()) {
            error(map.get("name").getValueNode(), "a part's 'name' is empty");
            name = null;
          } else if (name != null && !names.add(name)) {
            error(map.get("name").getValueNode(), "two parts are named '" + name + "'");
          }
        }
        String context = map.containsKey("context")
            ? text(map.get("context").getValueNode(), "context", false) : null;
        Concern concern = concern(map, "part '" + name + "'");
        NatsBlock nats = map.containsKey("nats") ? nats(map.get("nats").getValueNode()) : NatsBlock.EMPTY;
        if (name != null) {
          parts.add(new Part(name.strip(), context == null ? "" : context, concern, nats));
        }
      }
      return parts;
    }

    NatsBlock nats(Node node) {
      Map<String, NodeTuple> map = mapping(node, "nats", NATS_KEYS,
          "give KV settings (bucket, history, ...) or stream settings (stream, subjects, ...)");
      if (map == null) {
        return NatsBlock.EMPTY;
      }
      Map<String, Object> values = new LinkedHashMap<>();
      Map<String, Position> where = new java.util.HashMap<>();
      map.forEach((key, tuple) -> {
        Node value = tuple.getValueNode();
        Object read;
        if (NATS_LISTS.contains(key)) {
          List<String> items = value instanceof SequenceNode
              ? textList(value, key) : java.util.Optional.ofNullable(text(value, key, false))
                  .map(List::of).orElse(List.of());
          read = items.isEmpty() ? null : items;
        } else if (NATS_DURATIONS.contains(key) && value instanceof ScalarNode s
            && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
          error(value, "'" + key + "' is the number " + s.getValue() + "; write a duration such as "
              + s.getValue() + "s or 2m (units: ms, s, m, h)");
          read = null;
        } else if (NATS_NUMBERS.contains(key)) {
          read = number(value, key);
        } else {
          read = text(value, key, false);
        }
        if (read != null) {
          values.put(key, read);
          where.put(key, at(value));
        }
      });
      return new NatsBlock(values, where, at(node));
    }

    Long number(Node node, String key) {
      if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
        try {
          return Long.parseLong(s.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
          // falls through
        }
      }
      error(node, "'" + key + "' must be a whole number, found " + kind(node)
          + (node instanceof ScalarNode s ? " '" + s.getValue() + "'" : ""));
      return null;
    }

    List<Ref> refs(Node node, String key) {
      if (!(node instanceof SequenceNode seq)) {
        error(node, "'" + key + "' must be a list of decision numbers, e.g. " + key + ": [3]; found "
            + kind(node));
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
        error(item, "'" + key + "' lists decision numbers such as 3; found " + kind(item)
            + (item instanceof ScalarNode s ? " '" + s.getValue() + "'" : ""));
      }
      return out;
    }
  }

  /** An empty value ({@code key:} with nothing after it), which counts as left out. */
  static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
