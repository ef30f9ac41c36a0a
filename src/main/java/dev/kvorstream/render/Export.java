package dev.kvorstream.render;

import dev.kvorstream.design.Design;
import dev.kvorstream.heuristic.Assessment;
import dev.kvorstream.heuristic.Evaluation;
import dev.kvorstream.heuristic.Outcome;
import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.log.Entry;
import dev.kvorstream.log.LinkKind;
import dev.kvorstream.nats.Durations;
import dev.kvorstream.nats.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole log as data: {@code export --format json}. The shape is versioned
 * ({@code "version": 1}); fields may be added within a version, never removed or renamed.
 */
public final class Export {

  /** The shape's version. */
  public static final int VERSION = 1;

  private Export() {}

  public static String json(DecisionLog log) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", "kv-or-stream/decisions");
    root.put("version", VERSION);
    List<Object> decisions = new ArrayList<>();
    for (Entry e : log.entries()) {
      decisions.add(decision(e));
    }
    root.put("decisions", decisions);
    return Json.write(root);
  }

  static Map<String, Object> decision(Entry e) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("number", e.number());
    d.put("title", e.title());
    d.put("status", e.status());
    d.put("date", e.date().isEmpty() ? null : e.date());
    d.put("adr", e.adrFileName());
    d.put("design", e.generated() ? e.design().name().fileName() : null);
    d.put("generated", e.generated());
    Map<String, Object> links = new LinkedHashMap<>();
    for (LinkKind kind : LinkKind.values()) {
      links.put(kind.id(), e.linked(kind));
    }
    if (!e.generated()) {
      d.put("verdict", null);
      d.put("links", links);
      return d;
    }
    Design design = e.design();
    Assessment a = e.assessment();
    d.put("deciders", design.deciders());
    d.put("tags", design.tags());
    d.put("verdict", a.verdict().id());
    if (a.isSplit()) {
      d.put("parts", a.parts().stream().map(p -> {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("name", p.name());
        part.putAll(evaluation(p.evaluation()));
        return (Object) part;
      }).toList());
    } else {
      d.putAll(evaluation(a.whole()));
    }
    d.put("links", links);
    d.put("nats", e.specs().stream().map(Export::spec).toList());
    return d;
  }

  static Map<String, Object> evaluation(Evaluation e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("verdict", e.verdict().id());
    m.put("decidedBy", e.decidedBy() == null ? null : e.decidedBy().number());
    m.put("conflict", e.conflict());
    m.put("conflictingTests", e.conflicting().stream().map(q -> q.number()).toList());
    List<Object> tests = new ArrayList<>();
    for (Outcome o : e.outcomes()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("test", o.question().number());
      t.put("key", o.question().key());
      t.put("answer", o.answer() == null ? null : o.answer().word());
      t.put("vote", o.vote() == null ? null : o.vote().id());
      t.put("source", o.source().id());
      if (o.cue() != null) {
        t.put("cue", o.cue());
      }
      tests.add(t);
    }
    m.put("tests", tests);
    if (e.nearest() == null) {
      m.put("nearestCase", null);
    } else {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("id", e.nearest().commonCase().id());
      n.put("primitive", e.nearest().commonCase().primitive().id());
      n.put("agrees", e.nearest().agrees());
      n.put("declared", e.nearest().declared());
      n.put("settlesConflict", e.conflictSettled());
      m.put("nearestCase", n);
    }
    return m;
  }

  static Object spec(Spec spec) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (spec instanceof Spec.Kv kv) {
      m.put("kind", "kv");
      m.put("part", kv.part());
      m.put("bucket", kv.bucket());
      m.put("history", kv.history());
      m.put("ttl", kv.ttl() == null ? null : Durations.format(kv.ttl()));
      m.put("maxValueSize", kv.maxValueSize());
      m.put("replicas", kv.replicas());
      m.put("keys", kv.keys());
      m.put("pattern", kv.pattern());
    } else {
      Spec.Stream st = (Spec.Stream) spec;
      m.put("kind", "stream");
      m.put("part", st.part());
      m.put("stream", st.stream());
      m.put("subjects", st.subjects());
      m.put("retention", st.retention());
      m.put("maxAge", st.maxAge() == null ? null : Durations.format(st.maxAge()));
      m.put("maxMsgs", st.maxMsgs());
      m.put("maxBytes", st.maxBytes());
      m.put("replicas", st.replicas());
      m.put("duplicateWindow", Durations.format(st.duplicateWindow()));
      m.put("durable", st.durable());
      m.put("consumers", st.consumers().stream().map(c -> {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("durable", c.durable());
        cm.put("filter", c.filter());
        cm.put("perInstance", c.perInstance());
        return cm;
      }).toList());
      m.put("deliver", st.deliver());
      m.put("ackWait", Durations.format(st.ackWait()));
      m.put("maxDeliver", st.maxDeliver());
      m.put("maxAckPending", st.maxAckPending());
      m.put("heartbeat", st.heartbeat() == null ? null : Durations.format(st.heartbeat()));
      m.put("concurrency", st.concurrency());
      m.put("retryDelay", Durations.format(st.retryDelay()));
      m.put("deadLetterStream", st.deadLetterStream());
    }
    return m;
  }
}
