package dev.kvorstream.nats;

import dev.kvorstream.model.Spec;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a NATS server in line with the decisions ({@link #apply}) or compares it with them
 * ({@link #audit}). Creating is idempotent: what exists with the same settings is left
 * alone; what differs is reported, and changed only when asked and only where the server
 * allows the change. A stream comes with its durables and its dead-letter stream.
 */
public final class Provisioner {

  /** What was found or done for one bucket, stream or consumer, and whether it is a problem. */
  public enum Kind {
    CREATED(false), WOULD_CREATE(false), SAME(false), DIFFERS(true), UPDATED(false),
    WOULD_UPDATE(false), REFUSED(true), MISSING(true), WRONG_KIND(true), EXTRA(true), RETIRED(false);

    final boolean problem;

    Kind(boolean problem) {
      this.problem = problem;
    }
  }

  /** One line of the report; {@code problem} makes the command exit 1. */
  public record Finding(Kind kind, String subject, int decision, String detail, boolean problem) {
    public Finding(Kind kind, String subject, int decision, String detail) {
      this(kind, subject, decision, detail, kind.problem);
    }
  }

  /** Which decisions {@code apply} and {@code audit} act on, by status. */
  public enum Scope {
    /** Accepted (and proposed, when asked): created by apply, checked by audit. */
    ACTIVE,
    /** Rejected, superseded or deprecated: audit reports what of them is still on the server. */
    RETIRED,
    /** Proposed, not asked for: left alone. */
    SKIPPED;

    /** The scope of a decision with status {@code word}. */
    public static Scope of(String word, boolean includeProposed) {
      return switch (word) {
        case "accepted" -> ACTIVE;
        case "proposed" -> includeProposed ? ACTIVE : SKIPPED;
        default -> RETIRED;
      };
    }
  }

  /** A spec of a retired decision, with the decision's status word. */
  public record Retired(Spec spec, String status) {}

  private static final int STREAM_NOT_FOUND = 10059;
  private static final int CONSUMER_NOT_FOUND = 10014;

  private final JetStreamManagement jsm;
  private final KeyValueManagement kvm;

  public Provisioner(Connection connection) throws IOException {
    this.jsm = connection.jetStreamManagement();
    this.kvm = connection.keyValueManagement();
  }

  public List<Finding> apply(List<Spec> specs, boolean dryRun, boolean update)
      throws IOException, JetStreamApiException {
    List<Finding> out = new ArrayList<>();
    for (Spec spec : specs) {
      if (spec instanceof Spec.Kv kv) {
        applyKv(kv, dryRun, update, out);
      } else {
        Spec.Stream st = (Spec.Stream) spec;
        boolean there = applyStream(st.decision(), Configs.stream(st), dryRun, update, out);
        for (Spec.Consumer c : st.fixedConsumers()) {
          applyConsumer(st.decision(), st.stream(), there, Configs.consumer(st, c), dryRun, update, out);
        }
        there = applyStream(st.decision(), Configs.deadLetters(st), dryRun, update, out);
        applyConsumer(st.decision(), st.deadLetterStream(), there, Configs.deadLetterReader(), dryRun, update, out);
        if (st.claims()) {
          applyKv(st.claimBucket(), dryRun, update, out);
        }
      }
    }
    return out;
  }

  public List<Finding> audit(List<Spec> specs, boolean strict) throws IOException, JetStreamApiException {
    return audit(specs, List.of(), strict);
  }

  /**
   * Checks every active spec's bucket, stream, durables and dead-letter stream; reports what
   * of a retired decision is still on the server (a problem only when {@code strict}); and,
   * when {@code strict}, streams and buckets no decision names.
   */
  public List<Finding> audit(List<Spec> specs, List<Retired> retired, boolean strict)
      throws IOException, JetStreamApiException {
    List<Finding> out = new ArrayList<>();
    Set<String> expected = new HashSet<>();
    Set<String> existing = new TreeSet<>(jsm.getStreamNames());
    for (Spec spec : specs) {
      expected.addAll(names(spec));
      if (spec instanceof Spec.Kv kv) {
        auditKv(kv, existing, out);
      } else {
        Spec.Stream st = (Spec.Stream) spec;
        if (auditStream(st.decision(), Configs.stream(st), existing, out)) {
          for (Spec.Consumer c : st.consumers()) {
            if (c.perInstance()) {
              auditInstances(st, c, out);
            } else {
              auditConsumer(st.decision(), st.stream(), Configs.consumer(st, c), out);
            }
          }
        }
        if (auditStream(st.decision(), Configs.deadLetters(st), existing, out)) {
          auditConsumer(st.decision(), st.deadLetterStream(), Configs.deadLetterReader(), out);
        }
        if (st.claims()) {
          auditKv(st.claimBucket(), existing, out);
        }
      }
    }
    Set<String> retiredNames = new HashSet<>();
    for (Retired r : retired) {
      for (String name : names(r.spec())) {
        if (!expected.contains(name) && existing.contains(name) && retiredNames.add(name)) {
          out.add(new Finding(Kind.RETIRED, describe(name), r.spec().decision(), "decision "
              + r.spec().decision() + " is " + r.status() + ", but this is still on the server"
              + (strict ? "" : " (a problem with --strict)"), strict));
        }
      }
    }
    if (strict) {
      for (String name : existing) {
        if (!expected.contains(name) && !retiredNames.contains(name)) {
          out.add(new Finding(Kind.EXTRA, describe(name), 0, "on the server, but no decision names it"));
        }
      }
    }
    return out;
  }

  /** The server's stream names a spec stands for (see {@link Spec#serverStreams()}). */
  static List<String> names(Spec spec) {
    return spec.serverStreams().stream().map(Spec.ServerStream::name).toList();
  }

  private static String describe(String streamName) {
    return streamName.startsWith("KV_") ? "KV bucket " + streamName.substring(3) : "stream " + streamName;
  }

  private void auditKv(Spec.Kv kv, Set<String> existing, List<Finding> out) throws IOException, JetStreamApiException {
    KeyValueStatus status = kvStatus(kv.bucket());
    if (status == null) {
      boolean stream = existing.contains(kv.bucket()) || existing.stream().anyMatch(n ->
          !n.startsWith("KV_") && streamCovers(n, kv.keys()));
      out.add(new Finding(stream ? Kind.WRONG_KIND : Kind.MISSING, "KV bucket " + kv.bucket(),
          kv.decision(), stream ? "the decision says KV watch, but the server carries these"
              + " keys on a stream" : "no such bucket"));
      return;
    }
    List<String> diffs = Configs.kvDiffs(kv, status);
    out.add(new Finding(diffs.isEmpty() ? Kind.SAME : Kind.DIFFERS, "KV bucket " + kv.bucket(),
        kv.decision(), String.join("; ", diffs)));
  }

  /** Audits one stream; true when it is there (so its consumers can be checked). */
  private boolean auditStream(int decision, StreamConfiguration want, Set<String> existing, List<Finding> out)
      throws IOException, JetStreamApiException {
    String name = want.getName();
    StreamInfo info = streamInfo(name);
    if (info == null) {
      String asBucket = "KV_" + name.toLowerCase(Locale.ROOT).replace('_', '-');
      boolean kv = existing.contains(asBucket);
      out.add(new Finding(kv ? Kind.WRONG_KIND : Kind.MISSING, "stream " + name, decision,
          kv ? "the decision says JetStream stream, but the server has KV bucket "
              + asBucket.substring(3) + " for it" : "no such stream"));
      return false;
    }
    List<String> diffs = Configs.streamDiffs(want, info.getConfiguration());
    out.add(new Finding(diffs.isEmpty() ? Kind.SAME : Kind.DIFFERS, "stream " + name, decision,
        String.join("; ", diffs)));
    return true;
  }

  private void auditConsumer(int decision, String stream, ConsumerConfiguration want, List<Finding> out)
      throws IOException, JetStreamApiException {
    String what = "consumer " + stream + "/" + want.getDurable();
    ConsumerInfo have = consumerInfo(stream, want.getDurable());
    if (have == null) {
      out.add(new Finding(Kind.MISSING, what, decision, "no such durable consumer"));
      return;
    }
    List<String> diffs = new ArrayList<>(Configs.consumerFixed(want, have.getConsumerConfiguration()));
    diffs.addAll(Configs.consumerMutable(want, have.getConsumerConfiguration()));
    out.add(new Finding(diffs.isEmpty() ? Kind.SAME : Kind.DIFFERS, what, decision, String.join("; ", diffs)));
  }

  /** Checks the durables instances made for themselves: each name that fits, with its own filter. */
  private void auditInstances(Spec.Stream st, Spec.Consumer c, List<Finding> out)
      throws IOException, JetStreamApiException {
    String token = "{" + c.placeholder() + "}";
    Pattern name = Pattern.compile(Pattern.quote(c.durable()).replace(token, "\\E(.+)\\Q"));
    for (String durable : new TreeSet<>(jsm.getConsumerNames(st.stream()))) {
      Matcher m = name.matcher(durable);
      if (m.matches()) {
        String filter = c.filter() == null ? null : c.filter().replace(token, m.group(1));
        auditConsumer(st.decision(), st.stream(), Configs.instanceConsumer(st, durable, filter), out);
      }
    }
  }

  private void applyKv(Spec.Kv kv, boolean dryRun, boolean update, List<Finding> out)
      throws IOException, JetStreamApiException {
    String what = "KV bucket " + kv.bucket();
    KeyValueStatus status = kvStatus(kv.bucket());
    if (status == null) {
      if (!dryRun) {
        kvm.create(Configs.kv(kv));
      }
      out.add(new Finding(dryRun ? Kind.WOULD_CREATE : Kind.CREATED, what, kv.decision(), ""));
      return;
    }
    List<String> diffs = Configs.kvDiffs(kv, status);
    if (diffs.isEmpty()) {
      out.add(new Finding(Kind.SAME, what, kv.decision(), ""));
    } else if (update) {
      if (!dryRun) {
        kvm.update(Configs.kv(kv));
      }
      out.add(new Finding(dryRun ? Kind.WOULD_UPDATE : Kind.UPDATED, what, kv.decision(), String.join("; ", diffs)));
    } else {
      out.add(new Finding(Kind.DIFFERS, what, kv.decision(), String.join("; ", diffs)));
    }
  }

  /** Creates or checks one stream; true when it exists afterwards (or would, in a dry run). */
  private boolean applyStream(int decision, StreamConfiguration want, boolean dryRun, boolean update,
      List<Finding> out) throws IOException, JetStreamApiException {
    String what = "stream " + want.getName();
    StreamInfo info = streamInfo(want.getName());
    if (info == null) {
      if (!dryRun) {
        jsm.addStream(want);
      }
      out.add(new Finding(dryRun ? Kind.WOULD_CREATE : Kind.CREATED, what, decision, ""));
      return !dryRun;
    }
    StreamConfiguration have = info.getConfiguration();
    List<String> diffs = Configs.streamDiffs(want, have);
    boolean retentionChange = (have.getRetentionPolicy() == RetentionPolicy.WorkQueue)
        != (want.getRetentionPolicy() == RetentionPolicy.WorkQueue);
    if (diffs.isEmpty()) {
      out.add(new Finding(Kind.SAME, what, decision, ""));
    } else if (retentionChange) {
      out.add(new Finding(Kind.REFUSED, what, decision, String.join("; ", diffs)
          + "; retention cannot change to or from workqueue: create a new stream and move the consumers"));
    } else if (update) {
      if (!dryRun) {
        jsm.updateStream(want);
      }
      out.add(new Finding(dryRun ? Kind.WOULD_UPDATE : Kind.UPDATED, what, decision, String.join("; ", diffs)));
    } else {
      out.add(new Finding(Kind.DIFFERS, what, decision, String.join("; ", diffs)));
    }
    return true;
  }

  private void applyConsumer(int decision, String stream, boolean streamThere, ConsumerConfiguration want,
      boolean dryRun, boolean update, List<Finding> out) throws IOException, JetStreamApiException {
    String what = "consumer " + stream + "/" + want.getDurable();
    ConsumerInfo have = streamThere ? consumerInfo(stream, want.getDurable()) : null;
    if (have == null) {
      if (!dryRun) {
        jsm.addOrUpdateConsumer(stream, want);
      }
      out.add(new Finding(dryRun ? Kind.WOULD_CREATE : Kind.CREATED, what, decision, ""));
      return;
    }
    List<String> fixed = Configs.consumerFixed(want, have.getConsumerConfiguration());
    List<String> mutable = Configs.consumerMutable(want, have.getConsumerConfiguration());
    if (!fixed.isEmpty()) {
      out.add(new Finding(Kind.REFUSED, what, decision, String.join("; ", fixed)
          + "; these cannot be changed on an existing consumer: create a new durable"));
    } else if (mutable.isEmpty()) {
      out.add(new Finding(Kind.SAME, what, decision, ""));
    } else if (update) {
      if (!dryRun) {
        jsm.addOrUpdateConsumer(stream, want);
      }
      out.add(new Finding(dryRun ? Kind.WOULD_UPDATE : Kind.UPDATED, what, decision, String.join("; ", mutable)));
    } else {
      out.add(new Finding(Kind.DIFFERS, what, decision, String.join("; ", mutable)));
    }
  }

  private boolean streamCovers(String stream, String keys) {
    try {
      StreamInfo info = streamInfo(stream);
      return info != null && info.getConfiguration().getSubjects().stream().anyMatch(s -> s.equals(keys));
    } catch (IOException | JetStreamApiException e) {
      return false;
    }
  }

  /** A server lookup that throws when the server refuses. */
  private interface Lookup<T> {
    T get() throws IOException, JetStreamApiException;
  }

  /** The lookup's answer, or null when the server says the thing does not exist. */
  private static <T> T orNull(Lookup<T> lookup, int notFound) throws IOException, JetStreamApiException {
    try {
      return lookup.get();
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == notFound) {
        return null;
      }
      throw e;
    }
  }

  private KeyValueStatus kvStatus(String bucket) throws IOException, JetStreamApiException {
    return orNull(() -> kvm.getStatus(bucket), STREAM_NOT_FOUND);
  }

  private StreamInfo streamInfo(String stream) throws IOException, JetStreamApiException {
    return orNull(() -> jsm.getStreamInfo(stream), STREAM_NOT_FOUND);
  }

  private ConsumerInfo consumerInfo(String stream, String durable) throws IOException, JetStreamApiException {
    return orNull(() -> jsm.getConsumerInfo(stream, durable), CONSUMER_NOT_FOUND);
  }
}
