package dev.kvorstream.nats;

import dev.kvorstream.design.Slugs;
import dev.kvorstream.heuristic.Assessment;
import dev.kvorstream.heuristic.Evaluation;
import dev.kvorstream.model.Answer;
import dev.kvorstream.model.Design;
import dev.kvorstream.model.Durations;
import dev.kvorstream.model.NatsBlock;
import dev.kvorstream.model.Part;
import dev.kvorstream.model.Question;
import dev.kvorstream.model.Spec;
import dev.kvorstream.model.Verdict;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.Position;
import io.nats.client.support.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the NATS settings of a design: its {@code nats:} block where given, defaults
 * (defaults.yaml: general, and per named case) otherwise, checked against the rules the
 * server enforces. Problems are positioned at the setting that breaks the rule.
 */
public final class Specs {

  /** A resolved spec, or the problems that prevent one. */
  public record Result(List<Spec> specs, List<Diagnostic> problems) {}

  static final Pattern KEY_FILTER = Pattern.compile("[-/_=.a-zA-Z0-9*>]+");
  static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9-]*)}");
  static final List<String> PATTERNS = List.of("state", "lease", "presence", "shared");

  private Specs() {}

  /** The specs of a design: one, one per decided part, or none while undecided. */
  public static Result of(Design design, Assessment assessment) {
    List<Spec> specs = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    String base = design.name() == null ? "decision" : design.name().slug();
    if (!assessment.isSplit()) {
      resolve(design, null, design.nats(), design.concern().caseId(), assessment.whole(), base, specs, problems);
    } else {
      for (int i = 0; i < design.parts().size(); i++) {
        Part part = design.parts().get(i);
        resolve(design, part.name(), part.nats(), part.concern().caseId(),
            assessment.parts().get(i).evaluation(), base + "-" + Slugs.of(part.name()), specs, problems);
      }
    }
    return new Result(specs, problems);
  }

  /**
   * The warnings {@code check} prints for a design's specs: a limits or workqueue stream with
   * no max age, messages or bytes keeps every message (or every unacknowledged one) for ever.
   */
  public static List<Diagnostic> warnings(Design design, List<Spec> specs) {
    List<Diagnostic> out = new ArrayList<>();
    for (Spec spec : specs) {
      if (spec instanceof Spec.Stream st && st.unbounded()) {
        NatsBlock block = block(design, st.part());
        Position at = block.has("retention") ? block.where("retention")
            : block.start() != null ? block.start() : Position.ofFile(design.path());
        out.add(Diagnostic.of(at, "stream " + st.stream() + " has " + st.retention() + " retention with no maxAge,"
            + " maxMsgs or maxBytes: it keeps every " + (st.retention().equals("workqueue")
            ? "unacknowledged message (dead letters, unfiltered subjects, the backlog while handlers are down)"
            : "message") + " for ever; set one under nats:"));
      }
    }
    return out;
  }

  /** {@link #warnings} as {@code check} prints them: {@code path:line:col: warning: ...}. */
  public static List<String> warningLines(Design design, List<Spec> specs) {
    return warnings(design, specs).stream()
        .map(d -> d.format().replaceFirst(": error: ", ": warning: ")).toList();
  }

  private static NatsBlock block(Design design, String part) {
    if (part == null) {
      return design.nats();
    }
    return design.parts().stream().filter(p -> p.name().equals(part)).map(Part::nats).findFirst()
        .orElse(NatsBlock.EMPTY);
  }

  private static void resolve(Design design, String part, NatsBlock block, String caseId, Evaluation e,
      String slug, List<Spec> specs, List<Diagnostic> problems) {
    Verdict verdict = e.verdict();
    Position whole = block.start() != null ? block.start() : Position.ofFile(design.path());
    if (verdict == Verdict.UNDECIDED) {
      if (!block.isEmpty()) {
        problems.add(Diagnostic.of(whole, "NATS settings for a path that is not decided yet;"
            + " answer the tests first"));
      }
      return;
    }
    boolean kv = verdict == Verdict.KV_WATCH;
    List<String> own = kv ? NatsBlock.KV_KEYS : NatsBlock.STREAM_KEYS;
    for (String key : kv ? NatsBlock.STREAM_KEYS : NatsBlock.KV_KEYS) {
      if (!own.contains(key) && block.has(key)) {
        problems.add(Diagnostic.of(block.where(key), "'" + key + "' is a "
            + (kv ? "stream" : "KV") + " setting, but the verdict is "
            + (kv ? "a KV watch" : "a JetStream stream")));
      }
    }
    Settings s = new Settings(block, problems);
    Defaults.CaseDefaults byCase = Defaults.STANDARD.of(caseId);
    int before = problems.size();
    int replicas = s.integer("replicas", 1, 1, 5);
    String subject = design.flow() == null ? null : design.flow().subject();
    if (kv) {
      String bucket = s.name("bucket", slug, Validator::validateBucketName, Settings.BUCKET_RULE);
      int history = s.integer("history", 1, 1, 64);
      Duration ttl = s.duration("ttl", byCase.ttl());
      long maxValueSize = s.longValue("maxValueSize", 0, 1, Integer.MAX_VALUE);
      String keys = s.text("keys", subject == null ? ">" : subject);
      if (!KEY_FILTER.matcher(keys).matches() || keys.startsWith(".") || keys.endsWith(".")
          || NatsBlock.subjectProblem(keys) != null) {
        problems.add(Diagnostic.of(block.where("keys"), "'" + keys + "' is not a valid key filter;"
            + " keys are letters, digits and - / _ = . with * and > (last only) as wildcards"));
      }
      String pattern = s.choice("pattern", byCase.pattern() == null ? "state" : byCase.pattern(), PATTERNS);
      if (pattern.equals("lease") && ttl == null) {
        problems.add(Diagnostic.of(block.where("pattern"), "a lease needs a ttl: the bucket's TTL is the"
            + " lease length, and without one a holder that dies keeps the lock for ever"));
      }
      Duration silenceAfter = s.duration("silenceAfter", null);
      if (silenceAfter != null && pattern.equals("lease")) {
        problems.add(Diagnostic.of(block.where("silenceAfter"), "a lease has no silence check: its TTL"
            + " frees a lease whose holder stopped renewing"));
      }
      if (problems.size() == before) {
        specs.add(new Spec.Kv(design.number(), part, bucket, history, ttl, maxValueSize, replicas, keys, pattern,
            silenceAfter));
      }
      return;
    }
    Defaults d = Defaults.STANDARD;
    String stream = s.name("stream", slug.toUpperCase(Locale.ROOT).replace('-', '_'), Validator::validateStreamName,
        Settings.NAME_RULE);
    List<String> subjects = s.list("subjects", List.of(subject != null ? subject : slug + ".>"));
    for (String one : subjects) {
      String why = NatsBlock.subjectProblem(one);
      if (why != null) {
        problems.add(Diagnostic.of(block.where("subjects"), "'" + one + "' is not a valid NATS subject: " + why));
      }
    }
    List<String> flowConsumers = design.flow() == null ? List.of() : design.flow().consumers();
    Answer delivery = e.outcome(Question.DELIVERY).answer();
    boolean fanOut = delivery == Answer.FAN_OUT || delivery == null && flowConsumers.size() > 1;
    boolean bounded = block.has("maxAge") || block.has("maxMsgs") || block.has("maxBytes");
    String retention = s.choice("retention", fanOut || byCase.maxAge() != null ? "limits" : "workqueue",
        List.of("limits", "workqueue", "interest"));
    Duration maxAge = s.duration("maxAge", bounded ? null : retention.equals("limits")
        ? (byCase.maxAge() != null ? byCase.maxAge() : fanOut ? d.fanOutMaxAge : null)
        : retention.equals("workqueue") ? d.queueMaxAge : null);
    long maxMsgs = s.longValue("maxMsgs", 0, 1, Long.MAX_VALUE);
    long maxBytes = s.longValue("maxBytes", 0, 1, Long.MAX_VALUE);
    String deliver = s.choice("deliver", "all", List.of("all", "new"));
    if (retention.equals("workqueue") && deliver.equals("new")) {
      problems.add(Diagnostic.of(block.where("deliver"), "a workqueue stream needs deliver 'all';"
          + " the server refuses a 'new' consumer on it (10101)"));
    }
    List<Spec.Consumer> consumers = consumers(s, block, slug, part, fanOut, flowConsumers, subjects, problems);
    if (retention.equals("workqueue") && consumers.stream().filter(c -> c.filter() == null).count() > 1) {
      problems.add(Diagnostic.of(block.has("retention") ? block.where("retention") : whole,
          "a workqueue stream takes one consumer per subject, but this path has " + consumers.size()
          + " durables reading every subject (the server refuses the second, 10099);"
          + " use retention limits for fan-out, or give each durable its own filter"));
    }
    Duration ackWait = s.duration("ackWait", d.ackWait);
    Duration window = s.duration("duplicateWindow", d.duplicateWindow);
    Duration retryDelay = s.duration("retryDelay", d.retryDelay);
    int maxDeliver = s.integer("maxDeliver", d.maxDeliver, 1, 10_000);
    boolean slowWork = e.outcome(Question.PROCESSING).answer() == Answer.SLOW || block.has("heartbeat");
    int concurrency = s.integer("concurrency", slowWork ? d.concurrency : 0, 1, 10_000);
    int instances = s.integer("instances", 1, 1, 10_000);
    boolean ownDurables = consumers.stream().anyMatch(Spec.Consumer::perInstance);
    // max ack pending is per consumer: the handlers of every process on one durable; a
    // durable each process makes for itself serves that process alone
    int maxAckPending = s.integer("maxAckPending",
        concurrency > 0 ? concurrency * (ownDurables ? 1 : instances) : 1000, 1, 1_000_000);
    Duration heartbeat = s.duration("heartbeat",
        concurrency > 0 && ackWait != null ? ackWait.dividedBy(3) : null);
    if (heartbeat != null && ackWait != null && heartbeat.compareTo(ackWait) >= 0) {
      problems.add(Diagnostic.of(block.where("heartbeat"), "heartbeat " + Durations.format(heartbeat)
          + " is not shorter than ackWait " + Durations.format(ackWait)
          + "; in-progress acks must come more often than the ack wait, or the message is redelivered"));
    }
    Duration maxWork = heartbeat == null ? null
        : s.duration("maxWork", ackWait.multipliedBy(d.maxWorkAckWaits));
    if (maxWork == null && block.has("maxWork")) {
      problems.add(Diagnostic.of(block.where("maxWork"), "maxWork caps the in-progress acks of slow work;"
          + " set processing slow, a concurrency or a heartbeat"));
    }
    if (maxWork != null && maxWork.compareTo(ackWait) <= 0) {
      problems.add(Diagnostic.of(block.where("maxWork"), "maxWork " + Durations.format(maxWork)
          + " is not longer than ackWait " + Durations.format(ackWait)
          + "; it is how long in-progress acks may keep one message"));
    }
    String claim = block.has("claim")
        ? s.name("claim", null, Validator::validateBucketName, Settings.BUCKET_RULE) : null;
    if (claim != null && concurrency == 0) {
      problems.add(Diagnostic.of(block.where("claim"), "a claim is for slow work (a handler that claims,"
          + " acks, then works long); set processing slow or a concurrency"));
    }
    if (problems.size() == before) {
      specs.add(new Spec.Stream(design.number(), part, stream, subjects, retention, replicas, window, maxAge,
          maxMsgs, maxBytes, consumers, deliver, ackWait, maxDeliver, maxAckPending, heartbeat, concurrency,
          retryDelay, instances, maxWork, claim));
    }
  }

  /**
   * The durables: as the block names them ({@code durable}, with an optional {@code filter}
   * and one {@code {placeholder}} for a durable each instance makes; or {@code durables}),
   * else one per flow consumer on a fan-out path, else one for the pool.
   */
  private static List<Spec.Consumer> consumers(Settings s, NatsBlock block, String slug, String part,
      boolean fanOut, List<String> flowConsumers, List<String> subjects, List<Diagnostic> problems) {
    if (block.has("durable") && block.has("durables")) {
      problems.add(Diagnostic.of(block.where("durables"), "'durable' and 'durables' together; give one"));
    }
    if (block.has("filter") && !block.has("durable")) {
      problems.add(Diagnostic.of(block.where("filter"), "'filter' belongs to one 'durable'; name it"));
    }
    String suffix = part == null ? "" : "-" + Slugs.of(part);
    List<String> names;
    if (block.has("durables")) {
      names = s.list("durables", List.of());
    } else if (block.has("durable")) {
      names = List.of(s.text("durable", ""));
    } else if (fanOut && flowConsumers.size() > 1) {
      names = flowConsumers.stream().map(c -> Slugs.of(c + suffix)).distinct().toList();
    } else {
      names = List.of(Slugs.of((flowConsumers.isEmpty() ? "worker" : flowConsumers.get(0)) + suffix));
    }
    String filter = block.has("filter") ? s.text("filter", null) : null;
    List<Spec.Consumer> out = new ArrayList<>();
    for (String name : names) {
      String key = block.has("durables") ? "durables" : "durable";
      Matcher m = PLACEHOLDER.matcher(name);
      String placeholder = m.find() ? m.group(1) : null;
      if (placeholder != null && m.find()) {
        problems.add(Diagnostic.of(block.where(key), "durable '" + name + "' has two placeholders; give one"));
      }
      String plain = placeholder == null ? name : name.replace("{" + placeholder + "}", "x");
      s.check(key, name, plain, Validator::validateDurable, Settings.NAME_RULE);
      if (placeholder != null && (filter == null || !filter.contains("{" + placeholder + "}"))) {
        problems.add(Diagnostic.of(block.where(key), "durable '" + name + "' is made by each instance;"
            + " give it a filter with {" + placeholder + "} too, such as tool.result.{" + placeholder + "}.>,"
            + " so each instance reads only its own messages"));
      }
      if (filter != null) {
        String f = placeholder == null ? filter : filter.replace("{" + placeholder + "}", "x");
        String why = NatsBlock.subjectProblem(f);
        if (why != null) {
          problems.add(Diagnostic.of(block.where("filter"), "'" + filter + "' is not a valid NATS subject: " + why));
        } else if (subjects.stream().noneMatch(sub -> covers(sub, f))) {
          problems.add(Diagnostic.of(block.where("filter"), "filter '" + filter
              + "' matches none of the stream's subjects " + subjects));
        }
      }
      out.add(new Spec.Consumer(name, filter, placeholder));
    }
    return out;
  }

  /** Whether every subject {@code filter} matches is one {@code subject} (a stream subject) takes. */
  static boolean covers(String subject, String filter) {
    String[] s = subject.split("\\.");
    String[] f = filter.split("\\.");
    for (int i = 0; i < s.length; i++) {
      if (s[i].equals(">")) {
        return i < f.length;
      }
      if (i >= f.length || !(s[i].equals("*") ? !f[i].equals(">") : s[i].equals(f[i]))) {
        return false;
      }
    }
    return s.length == f.length;
  }
}
