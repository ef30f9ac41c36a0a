package dev.kvorstream.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Brings a NATS server in line with the decisions ({@link #apply}) or compares it with them
 * ({@link #audit}). Creating is idempotent: what exists with the same settings is left
 * alone; what differs is reported, and changed only when asked and only where the server
 * allows the change.
 */
public final class Provisioner {

  /** What was found or done for one bucket, stream or consumer. */
  public enum Kind { CREATED, WOULD_CREATE, SAME, DIFFERS, UPDATED, WOULD_UPDATE, REFUSED,
    MISSING, WRONG_KIND, EXTRA }

  /** One line of the report. */
  public record Finding(Kind kind, String subject, int decision, String detail) {}

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
        applyStream((Spec.Stream) spec, dryRun, update, out);
      }
    }
    return out;
  }

  public List<Finding> audit(List<Spec> specs, boolean strict) throws IOException, JetStreamApiException {
    List<Finding> out = new ArrayList<>();
    Set<String> expected = new HashSet<>();
    Set<String> existing = new TreeSet<>(jsm.getStreamNames());
    for (Spec spec : specs) {
      if (spec instanceof Spec.Kv kv) {
        expected.add("KV_" + kv.bucket());
        KeyValueStatus status = kvStatus(kv.bucket());
        if (status == null) {
          boolean stream = existing.contains(kv.bucket()) || existing.stream().anyMatch(n ->
              !n.startsWith("KV_") && streamCovers(n, kv.keys()));
          out.add(new Finding(stream ? Kind.WRONG_KIND : Kind.MISSING, "KV bucket " + kv.bucket(),
              kv.decision(), stream ? "the decision says KV watch, but the server carries these"
                  + " keys on a stream" : "no such bucket"));
          continue;
        }
        List<String> diffs = kvDiffs(kv, status);
        out.add(new Finding(diffs.isEmpty() ? Kind.SAME : Kind.DIFFERS, "KV bucket " + kv.bucket(),
            kv.decision(), String.join("; ", diffs)));
      } else {
        Spec.Stream st = (Spec.Stream) spec;
        expected.add(st.stream());
        StreamInfo info = streamInfo(st.stream());
        if (info == null) {
          String asBucket = "KV_" + st.stream().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
          boolean kv = existing.contains(asBucket);
          out.add(new Finding(kv ? Kind.WRONG_KIND : Kind.MISSING, "stream " + st.stream(), st.decision(),
              kv ? "the decision says JetStream stream, but the server has KV bucket "
                  + asBucket.substring(3) + " for it" : "no such stream"));
          continue;
        }
        List<String> diffs = streamDiffs(st, info.getConfiguration());
        out.add(new Finding(diffs.isEmpty() ? Kind.SAME : Kind.DIFFERS, "stream " + st.stream(),
            st.decision(), String.join("; ", diffs)));
        ConsumerInfo consumer = consumerInfo(st.stream(), st.durable());
        if (consumer == null) {
          out.add(new Finding(Kind.MISSING, "consumer " + st.stream() + "/" + st.durable(),
              st.decision(), "no such durable consumer"));
        } else {
          List<String> cdiffs = new ArrayList<>(consumerFixed(st, consumer.getConsumerConfiguration()));
          cdiffs.addAll(consumerMutable(st, consumer.getConsumerConfiguration()));
          out.add(new Finding(cdiffs.isEmpty() ? Kind.SAME : Kind.DIFFERS,
              "consumer " + st.stream() + "/" + st.durable(), st.decision(), String.join("; ", cdiffs)));
        }
      }
    }
    if (strict) {
      for (String name : existing) {
        if (!expected.contains(name)) {
          out.add(new Finding(Kind.EXTRA, name.startsWith("KV_") ? "KV bucket " + name.substring(3)
              : "stream " + name, 0, "on the server, but no decision names it"));
        }
      }
    }
    return out;
  }

  private void applyKv(Spec.Kv kv, boolean dryRun, boolean update, List<Finding> out)
      throws IOException, JetStreamApiException {
    String what = "KV bucket " + kv.bucket();
    KeyValueStatus status = kvStatus(kv.bucket());
    if (status == null) {
      if (!dryRun) {
        kvm.create(kvConfig(kv));
      }
      out.add(new Finding(dryRun ? Kind.WOULD_CREATE : Kind.CREATED, what, kv.decision(), ""));
      return;
    }
    List<String> diffs = kvDiffs(kv, status);
    if (diffs.isEmpty()) {
      out.add(new Finding(Kind.SAME, what, kv.decision(), ""));
    } else if (update) {
      if (!dryRun) {
        kvm.update(kvConfig(kv));
      }
      out.add(new Finding(dryRun ? Kind.WOULD_UPDATE : Kind.UPDATED, what, kv.decision(), String.join("; ", diffs)));
    } else {
      out.add(new Finding(Kind.DIFFERS, what, kv.decision(), String.join("; ", diffs)));
    }
  }

  private void applyStream(Spec.Stream st, boolean dryRun, boolean update, List<Finding> out)
      throws IOException, JetStreamApiException {
    String what = "stream " + st.stream();
    StreamInfo info = streamInfo(st.stream());
    if (info == null) {
      if (!dryRun) {
        jsm.addStream(streamConfig(st));
      }
      out.add(new Finding(dryRun ? Kind.WOULD_CREATE : Kind.CREATED, what, st.decision(), ""));
    } else {
      StreamConfiguration have = info.getConfiguration();
      List<String> diffs = streamDiffs(st, have);
      boolean retentionChange = isWorkQueue(have.getRetentionPolicy()) != st.retention().equals("workqueue");
      if (diffs.isEmpty()) {
        out.add(new Finding(Kind.SAME, what, st.decision(), ""));
      } else if (retentionChange) {
        out.add(new Finding(Kind.REFUSED, what, st.decision(), String.join("; ", diffs)
            + "; retention cannot change to or from workqueue: create a new stream and move the consumers"));
        return;
      } else if (update) {
        if (!dryRun) {
          jsm.updateStream(streamConfig(st));
        }
        out.add(new Finding(dryRun ? Kind.WOULD_UPDATE : Kind.UPDATED, what, st.decision(), String.join("; ", diffs)));
      } else {
        out.add(new Finding(Kind.DIFFERS, what, st.decision(), String.join("; ", diffs)));
      }
    }
    String cwhat = "consumer " + st.stream() + "/" + st.durable();
    ConsumerInfo consumer = info == null ? null : consumerInfo(st.stream(), st.durable());
    if (consumer == null) {
      if (!dryRun) {
        jsm.addOrUpdateConsumer(st.stream(), consumerConfig(st));
      }
      out.add(new Finding(dryRun ? Kind.WOULD_CREATE : Kind.CREATED, cwhat, st.decision(), ""));
      return;
    }
    List<String> fixed = consumerFixed(st, consumer.getConsumerConfiguration());
    List<String> mutable = consumerMutable(st, consumer.getConsumerConfiguration());
    if (!fixed.isEmpty()) {
      out.add(new Finding(Kind.REFUSED, cwhat, st.decision(), String.join("; ", fixed)
          + "; these cannot be changed on an existing consumer: create a new durable"));
    } else if (mutable.isEmpty()) {
      out.add(new Finding(Kind.SAME, cwhat, st.decision(), ""));
    } else if (update) {
      if (!dryRun) {
        jsm.addOrUpdateConsumer(st.stream(), consumerConfig(st));
      }
      out.add(new Finding(dryRun ? Kind.WOULD_UPDATE : Kind.UPDATED, cwhat, st.decision(), String.join("; ", mutable)));
    } else {
      out.add(new Finding(Kind.DIFFERS, cwhat, st.decision(), String.join("; ", mutable)));
    }
  }

  /** The jnats configuration of a bucket: the same settings the ADR prints. */
  public static KeyValueConfiguration kvConfig(Spec.Kv kv) {
    KeyValueConfiguration.Builder b = KeyValueConfiguration.builder()
        .name(kv.bucket()).maxHistoryPerKey(kv.history()).replicas(kv.replicas())
        .storageType(StorageType.File);
    if (kv.ttl() != null) {
      b.ttl(kv.ttl());
    }
    if (kv.maxValueSize() > 0) {
      b.maximumValueSize((int) Math.min(Integer.MAX_VALUE, kv.maxValueSize()));
    }
    return b.build();
  }

  /** The jnats configuration of a stream: the same settings the ADR prints. */
  public static StreamConfiguration streamConfig(Spec.Stream st) {
    return StreamConfiguration.builder()
        .name(st.stream()).subjects(st.subjects())
        .retentionPolicy(st.retention().equals("workqueue") ? RetentionPolicy.WorkQueue : RetentionPolicy.Limits)
        .storageType(StorageType.File).replicas(st.replicas())
        .duplicateWindow(st.duplicateWindow()).build();
  }

  /** The jnats configuration of the durable consumer: the same settings the ADR prints. */
  public static ConsumerConfiguration consumerConfig(Spec.Stream st) {
    return ConsumerConfiguration.builder()
        .durable(st.durable())
        .deliverPolicy(st.deliver().equals("all") ? DeliverPolicy.All : DeliverPolicy.New)
        .ackPolicy(AckPolicy.Explicit).ackWait(st.ackWait())
        .maxDeliver(st.maxDeliver()).maxAckPending(st.maxAckPending()).build();
  }

  private static List<String> kvDiffs(Spec.Kv kv, KeyValueStatus s) {
    List<String> d = new ArrayList<>();
    differ(d, "history", s.getMaxHistoryPerKey(), kv.history());
    Duration ttl = s.getTtl() == null || s.getTtl().isZero() ? null : s.getTtl();
    differ(d, "ttl", ttl == null ? "none" : Durations.format(ttl),
        kv.ttl() == null ? "none" : Durations.format(kv.ttl()));
    long size = s.getMaximumValueSize() <= 0 ? 0 : s.getMaximumValueSize();
    differ(d, "largest value", size, kv.maxValueSize());
    differ(d, "replicas", s.getReplicas(), kv.replicas());
    return d;
  }

  private static List<String> streamDiffs(Spec.Stream st, StreamConfiguration c) {
    List<String> d = new ArrayList<>();
    differ(d, "subjects", new TreeSet<>(c.getSubjects()), new TreeSet<>(st.subjects()));
    differ(d, "retention", isWorkQueue(c.getRetentionPolicy()) ? "workqueue"
        : c.getRetentionPolicy().toString().toLowerCase(java.util.Locale.ROOT), st.retention());
    differ(d, "duplicate window", Durations.format(c.getDuplicateWindow()), Durations.format(st.duplicateWindow()));
    differ(d, "replicas", c.getReplicas(), st.replicas());
    return d;
  }

  private static List<String> consumerFixed(Spec.Stream st, ConsumerConfiguration c) {
    List<String> d = new ArrayList<>();
    differ(d, "deliver policy", c.getDeliverPolicy().toString().toLowerCase(java.util.Locale.ROOT), st.deliver());
    differ(d, "ack policy", c.getAckPolicy().toString().toLowerCase(java.util.Locale.ROOT), "explicit");
    return d;
  }

  private static List<String> consumerMutable(Spec.Stream st, ConsumerConfiguration c) {
    List<String> d = new ArrayList<>();
    differ(d, "ack wait", Durations.format(c.getAckWait()), Durations.format(st.ackWait()));
    differ(d, "max deliver", c.getMaxDeliver(), st.maxDeliver());
    differ(d, "max ack pending", c.getMaxAckPending(), st.maxAckPending());
    return d;
  }

  private static void differ(List<String> out, String what, Object server, Object decision) {
    if (!Objects.equals(String.valueOf(server), String.valueOf(decision))) {
      out.add(what + " is " + server + " on the server, " + decision + " in the decision");
    }
  }

  private static boolean isWorkQueue(RetentionPolicy p) {
    return p == RetentionPolicy.WorkQueue;
  }

  private boolean streamCovers(String stream, String keys) {
    StreamInfo info = streamInfoQuiet(stream);
    return info != null && info.getConfiguration().getSubjects().stream()
        .anyMatch(s -> s.equals(keys));
  }

  private StreamInfo streamInfoQuiet(String stream) {
    try {
      return streamInfo(stream);
    } catch (IOException | JetStreamApiException e) {
      return null;
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
