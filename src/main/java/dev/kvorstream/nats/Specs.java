package dev.kvorstream.nats;

import dev.kvorstream.design.Design;
import dev.kvorstream.design.NatsBlock;
import dev.kvorstream.design.Part;
import dev.kvorstream.heuristic.Answer;
import dev.kvorstream.heuristic.Assessment;
import dev.kvorstream.heuristic.Evaluation;
import dev.kvorstream.heuristic.Question;
import dev.kvorstream.heuristic.Verdict;
import dev.kvorstream.design.Slugs;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.Position;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Resolves the NATS settings of a design: its {@code nats:} block where given, defaults
 * from the slug and the flow otherwise, checked against the rules the server enforces.
 * Problems are positioned at the setting that breaks the rule.
 */
public final class Specs {

  /** A resolved spec, or the problems that prevent one. */
  public record Result(List<Spec> specs, List<Diagnostic> problems) {}

  static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9_-]+");
  static final Pattern KEY_FILTER = Pattern.compile("[-/_=.a-zA-Z0-9*>]+");
  static final Duration DEFAULT_ACK_WAIT = Duration.ofSeconds(30);
  static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofMinutes(2);

  private Specs() {}

  /** The specs of a design: one, one per decided part, or none while undecided. */
  public static Result of(Design design, Assessment assessment) {
    List<Spec> specs = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    if (!assessment.isSplit()) {
      resolve(design, null, design.nats(), assessment.whole(), design.name() == null
          ? "decision" : design.name().slug(), specs, problems);
    } else {
      for (int i = 0; i < design.parts().size(); i++) {
        Part part = design.parts().get(i);
        String slug = (design.name() == null ? "decision" : design.name().slug()) + "-" + Slugs.of(part.name());
        resolve(design, part.name(), part.nats(), assessment.parts().get(i).evaluation(), slug, specs, problems);
      }
    }
    return new Result(specs, problems);
  }

  private static void resolve(Design design, String part, NatsBlock block, Evaluation e, String slug,
      List<Spec> specs, List<Diagnostic> problems) {
    Verdict verdict = e.verdict();
    String path = design.path();
    Position whole = block.start() != null ? block.start() : Position.ofFile(path);
    if (verdict == Verdict.UNDECIDED) {
      if (!block.isEmpty()) {
        problems.add(Diagnostic.of(whole, "NATS settings for a path that is not decided yet;"
            + " answer the tests first"));
      }
      return;
    }
    boolean kv = verdict == Verdict.KV_WATCH;
    List<String> foreign = kv
        ? List.of("stream", "subjects", "retention", "durable", "deliver", "ackWait", "maxDeliver",
            "maxAckPending", "duplicateWindow", "heartbeat")
        : List.of("bucket", "history", "ttl", "maxValueSize", "keys");
    for (String key : foreign) {
      if (block.has(key)) {
        problems.add(Diagnostic.of(block.where(key), "'" + key + "' is a "
            + (kv ? "stream" : "KV") + " setting, but the verdict is "
            + (kv ? "a KV watch" : "a JetStream stream")));
      }
    }
    int before = problems.size();
    int number = design.number();
    int replicas = intValue(block, "replicas", 1, 1, 5, problems);
    String subject = design.flow() == null ? null : design.flow().subject();
    if (kv) {
      String bucket = text(block, "bucket", slug);
      if (!BUCKET.matcher(bucket).matches()) {
        problems.add(Diagnostic.of(block.where("bucket"), "bucket name '" + bucket
            + "' is not allowed; NATS takes letters, digits, '-' and '_'"));
      }
      int history = intValue(block, "history", 1, 1, 64, problems);
      Duration ttl = duration(block, "ttl", null, problems);
      long maxValueSize = block.has("maxValueSize") ? (Long) block.get("maxValueSize") : 0;
      if (maxValueSize < 0) {
        problems.add(Diagnostic.of(block.where("maxValueSize"), "'maxValueSize' must be positive"));
      }
      String keys = text(block, "keys", subject == null ? ">" : subject);
      if (!KEY_FILTER.matcher(keys).matches() || keys.startsWith(".") || keys.endsWith(".")) {
        problems.add(Diagnostic.of(block.where("keys"), "'" + keys
            + "' is not a valid key filter; keys are letters, digits and - / _ = . with * and > as wildcards"));
      }
      if (problems.size() == before) {
        specs.add(new Spec.Kv(number, part, bucket, history, ttl, maxValueSize, replicas, keys));
      }
      return;
    }
    String stream = text(block, "stream", slug.toUpperCase(Locale.ROOT).replace('-', '_'));
    checkName(block, "stream", stream, problems);
    @SuppressWarnings("unchecked")
    List<String> subjects = block.has("subjects") ? (List<String>) block.get("subjects")
        : List.of(subject != null ? subject : slug + ".>");
    for (String s : subjects) {
      if (!validSubject(s)) {
        problems.add(Diagnostic.of(block.where("subjects"), "'" + s + "' is not a valid NATS subject"));
      }
    }
    String retention = text(block, "retention", "limits");
    if (!retention.equals("limits") && !retention.equals("workqueue")) {
      problems.add(Diagnostic.of(block.where("retention"), "unknown retention '" + retention
          + "'; expected 'limits' or 'workqueue'"));
    }
    String deliver = text(block, "deliver", retention.equals("workqueue") ? "all" : "new");
    if (!deliver.equals("new") && !deliver.equals("all")) {
      problems.add(Diagnostic.of(block.where("deliver"), "unknown deliver policy '" + deliver
          + "'; expected 'new' or 'all'"));
    } else if (retention.equals("workqueue") && !deliver.equals("all")) {
      problems.add(Diagnostic.of(block.where("deliver"), "a workqueue stream needs deliver 'all';"
          + " the server refuses a '" + deliver + "' consumer on it"));
    }
    String durable = text(block, "durable", defaultDurable(design, part));
    checkName(block, "durable", durable, problems);
    Duration ackWait = duration(block, "ackWait", DEFAULT_ACK_WAIT, problems);
    Duration window = duration(block, "duplicateWindow", DEFAULT_DUPLICATE_WINDOW, problems);
    int maxDeliver = intValue(block, "maxDeliver", 5, 1, 10_000, problems);
    int maxAckPending = intValue(block, "maxAckPending", 1000, 1, 1_000_000, problems);
    boolean slow = e.outcome(Question.PROCESSING).answer() == Answer.SLOW;
    Duration heartbeat = duration(block, "heartbeat",
        slow && ackWait != null ? ackWait.dividedBy(3) : null, problems);
    if (heartbeat != null && ackWait != null && heartbeat.compareTo(ackWait) >= 0) {
      problems.add(Diagnostic.of(block.where("heartbeat"), "heartbeat " + Durations.format(heartbeat)
          + " is not shorter than ackWait " + Durations.format(ackWait)
          + "; in-progress acks must come more often than the ack wait, or the message is redelivered"));
    }
    if (problems.size() == before) {
      specs.add(new Spec.Stream(number, part, stream, subjects, retention, replicas, window, durable,
          deliver, ackWait, maxDeliver, maxAckPending, heartbeat));
    }
  }

  static String defaultDurable(Design design, String part) {
    String base = design.flow() != null && !design.flow().consumers().isEmpty()
        ? design.flow().consumers().get(0) : "worker";
    String name = Slugs.of(part == null ? base : base + "-" + part);
    return name;
  }

  static void checkName(NatsBlock block, String key, String name, List<Diagnostic> problems) {
    if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(c -> Character.isWhitespace(c)
        || c == '.' || c == '*' || c == '>' || c == '/' || c == '\\' || c < 0x20)) {
      problems.add(Diagnostic.of(block.where(key), key + " name '" + name
          + "' is not allowed; NATS refuses spaces, '.', '*', '>', '/' and '\\' in names"));
    }
  }

  static boolean validSubject(String s) {
    if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
      return false;
    }
    String[] tokens = s.split("\\.");
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      if (t.chars().anyMatch(Character::isWhitespace)) {
        return false;
      }
      if (t.contains(">") && (!t.equals(">") || i != tokens.length - 1)) {
        return false;
      }
      if (t.contains("*") && !t.equals("*")) {
        return false;
      }
    }
    return true;
  }

  private static String text(NatsBlock block, String key, String fallback) {
    return block.has(key) ? (String) block.get(key) : fallback;
  }

  private static int intValue(NatsBlock block, String key, int fallback, int min, int max,
      List<Diagnostic> problems) {
    if (!block.has(key)) {
      return fallback;
    }
    long value = (Long) block.get(key);
    if (value < min || value > max) {
      problems.add(Diagnostic.of(block.where(key), "'" + key + "' is " + value + "; it must be from "
          + min + " to " + max + (key.equals("history") ? " (NATS keeps at most 64 revisions per key)" : "")));
      return fallback;
    }
    return (int) value;
  }

  private static Duration duration(NatsBlock block, String key, Duration fallback,
      List<Diagnostic> problems) {
    if (!block.has(key)) {
      return fallback;
    }
    String text = (String) block.get(key);
    Duration d = Durations.parse(text);
    if (d == null || d.isZero()) {
      problems.add(Diagnostic.of(block.where(key), "'" + key + "' is '" + text
          + "'; write a duration such as 500ms, 30s, 2m or 1h30m"));
      return fallback;
    }
    return d;
  }
}
