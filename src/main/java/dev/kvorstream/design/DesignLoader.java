package dev.kvorstream.design;

import dev.kvorstream.model.Answer;
import dev.kvorstream.model.Concern;
import dev.kvorstream.model.Design;
import dev.kvorstream.model.DesignName;
import dev.kvorstream.model.Flow;
import dev.kvorstream.model.Marker;
import dev.kvorstream.model.NatsBlock;
import dev.kvorstream.model.Part;
import dev.kvorstream.model.Question;
import dev.kvorstream.model.Ref;
import dev.kvorstream.model.Status;
import dev.kvorstream.problem.Position;
import dev.kvorstream.problem.ToolException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

  private static final List<String> TOP_KEYS = List.of(
      "title", "status", "date", "deciders", "tags", "context", "flow", "answers", "why",
      "case", "parts", "supersedes", "related", "amends", "nats");
  private static final List<String> PART_KEYS =
      List.of("name", "context", "answers", "why", "case", "nats");
  private static final List<String> FLOW_KEYS = List.of("producer", "consumers", "subject");
  private static final List<String> QUESTION_KEYS =
      Arrays.stream(Question.values()).map(Question::key).toList();
  private static final Set<String> YES_NO =
      Set.of("yes", "no", "y", "n", "true", "false", "on", "off");

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
   * @throws ToolException with every problem found, exit code 2
   */
  public Design load(String path, DesignName name, byte[] bytes) {
    String text = SourceText.decode(path, bytes);
    Node root = YamlNodes.compose(path, text);
    return new Reader(path, text).design(root, name, Marker.sha256(bytes));
  }

  /** Walks one document, collecting problems. */
  private final class Reader extends NodeReader {
    private final NatsBlockReader natsBlock = new NatsBlockReader(this);

    Reader(String path, String text) {
      super(path, text);
    }

    Design design(Node root, DesignName name, String fileHash) {
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
      NatsBlock nats = map.containsKey("nats") ? natsBlock.read(map.get("nats").getValueNode()) : NatsBlock.EMPTY;
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
          concern, parts, supersedes, related, amends, at(root), nats, fileHash);
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
      if (map.containsKey("answers") && !YamlNodes.isNull(map.get("answers").getValueNode())) {
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
      if (map.containsKey("why") && !YamlNodes.isNull(map.get("why").getValueNode())) {
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
            : word + " (" + YamlNodes.kind(node).replace("a ", "") + ")";
        String hint = Suggest.hint(word, words);
        if (question == Question.RESTART && YES_NO.contains(word.toLowerCase(Locale.ROOT))) {
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
            + YamlNodes.kind(node));
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
        NatsBlock nats = map.containsKey("nats") ? natsBlock.read(map.get("nats").getValueNode()) : NatsBlock.EMPTY;
        if (name != null) {
          parts.add(new Part(name.strip(), context == null ? "" : context, concern, nats));
        }
      }
      return parts;
    }
  }

}
