package dev.kvorstream.nats;

import dev.kvorstream.model.Durations;
import dev.kvorstream.model.Spec;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The jnats configurations of a spec (the same settings the ADR prints) and the differences
 * between a server's configuration and a spec, in words.
 */
public final class Configs {

  private Configs() {}

  /** The jnats configuration of a bucket. */
  public static KeyValueConfiguration kv(Spec.Kv kv) {
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

  /** The jnats configuration of a stream. */
  public static StreamConfiguration stream(Spec.Stream st) {
    StreamConfiguration.Builder b = StreamConfiguration.builder()
        .name(st.stream()).subjects(st.subjects())
        .retentionPolicy(retention(st.retention()))
        .storageType(StorageType.File).replicas(st.replicas())
        .duplicateWindow(st.duplicateWindow());
    if (st.maxAge() != null) {
      b.maxAge(st.maxAge());
    }
    if (st.maxMsgs() > 0) {
      b.maxMessages(st.maxMsgs());
    }
    if (st.maxBytes() > 0) {
      b.maxBytes(st.maxBytes());
    }
    return b.build();
  }

  /** The jnats configuration of one fixed durable consumer of a stream. */
  public static ConsumerConfiguration consumer(Spec.Stream st, Spec.Consumer c) {
    return consumer(st, c.durable(), c.filter());
  }

  /** The jnats configuration of the durable one instance makes for itself. */
  public static ConsumerConfiguration instanceConsumer(Spec.Stream st, String durable, String filter) {
    return ConsumerConfiguration.builder(consumer(st, durable, filter)).inactiveThreshold(st.instanceIdle()).build();
  }

  /** The jnats configuration of a durable with a name and filter. */
  public static ConsumerConfiguration consumer(Spec.Stream st, String durable, String filter) {
    ConsumerConfiguration.Builder b = ConsumerConfiguration.builder()
        .durable(durable)
        .deliverPolicy(st.deliver().equals("all") ? DeliverPolicy.All : DeliverPolicy.New)
        .ackPolicy(AckPolicy.Explicit).ackWait(st.ackWait())
        .maxDeliver(st.maxDeliver()).maxAckPending(st.maxAckPending());
    if (filter != null) {
      b.filterSubject(filter);
    }
    return b.build();
  }

  /** The stream that keeps the stream's max-deliveries announcements. */
  public static StreamConfiguration deadLetters(Spec.Stream st) {
    return StreamConfiguration.builder()
        .name(st.deadLetterStream()).subjects(st.deadLetterSubject())
        .retentionPolicy(RetentionPolicy.Limits).maxAge(Spec.Stream.DEAD_LETTER_AGE)
        .duplicateWindow(Duration.ofMinutes(2))   // the server's default, which the ADR leaves out
        .storageType(StorageType.File).replicas(st.replicas()).build();
  }

  /** The durable that reads the dead-letter stream. */
  public static ConsumerConfiguration deadLetterReader() {
    return ConsumerConfiguration.builder().durable(Spec.Stream.DEAD_LETTER_DURABLE)
        .deliverPolicy(DeliverPolicy.All).ackPolicy(AckPolicy.Explicit)
        .ackWait(Duration.ofSeconds(30)).maxAckPending(1000)   // the server's defaults
        .maxDeliver(Spec.Stream.DEAD_LETTER_MAX_DELIVER)
        .build();
  }

  static RetentionPolicy retention(String word) {
    return switch (word) {
      case "workqueue" -> RetentionPolicy.WorkQueue;
      case "interest" -> RetentionPolicy.Interest;
      default -> RetentionPolicy.Limits;
    };
  }

  static String retentionWord(RetentionPolicy p) {
    return p == RetentionPolicy.WorkQueue ? "workqueue" : p.toString().toLowerCase(Locale.ROOT);
  }

  static List<String> kvDiffs(Spec.Kv kv, KeyValueStatus s) {
    List<String> d = new ArrayList<>();
    differ(d, "history", s.getMaxHistoryPerKey(), kv.history());
    differ(d, "ttl", age(s.getTtl()), age(kv.ttl()));
    long size = s.getMaximumValueSize() <= 0 ? 0 : s.getMaximumValueSize();
    differ(d, "largest value", size, kv.maxValueSize());
    differ(d, "replicas", s.getReplicas(), kv.replicas());
    return d;
  }

  /** Differences of a stream's settings; {@code want} is what the decision asks for. */
  static List<String> streamDiffs(StreamConfiguration want, StreamConfiguration have) {
    List<String> d = new ArrayList<>();
    differ(d, "subjects", new TreeSet<>(have.getSubjects()), new TreeSet<>(want.getSubjects()));
    differ(d, "retention", retentionWord(have.getRetentionPolicy()), retentionWord(want.getRetentionPolicy()));
    differ(d, "max age", age(have.getMaxAge()), age(want.getMaxAge()));
    differ(d, "max messages", count(have.getMaxMsgs()), count(want.getMaxMsgs()));
    differ(d, "max bytes", count(have.getMaxBytes()), count(want.getMaxBytes()));
    differ(d, "duplicate window", age(have.getDuplicateWindow()), age(want.getDuplicateWindow()));
    differ(d, "replicas", have.getReplicas(), want.getReplicas());
    return d;
  }

  /** Differences the server will not change on an existing consumer. */
  static List<String> consumerFixed(ConsumerConfiguration want, ConsumerConfiguration have) {
    List<String> d = new ArrayList<>();
    differ(d, "deliver policy", word(have.getDeliverPolicy()), word(want.getDeliverPolicy()));
    differ(d, "ack policy", word(have.getAckPolicy()), word(want.getAckPolicy()));
    return d;
  }

  /** Differences the server changes on an existing consumer. */
  static List<String> consumerMutable(ConsumerConfiguration want, ConsumerConfiguration have) {
    List<String> d = new ArrayList<>();
    differ(d, "filter", have.getFilterSubject() == null ? "none" : have.getFilterSubject(),
        want.getFilterSubject() == null ? "none" : want.getFilterSubject());
    differ(d, "ack wait", age(have.getAckWait()), age(want.getAckWait()));
    differ(d, "max deliver", have.getMaxDeliver(), want.getMaxDeliver());
    differ(d, "max ack pending", have.getMaxAckPending(), want.getMaxAckPending());
    return d;
  }

  private static String word(Object e) {
    return String.valueOf(e).toLowerCase(Locale.ROOT);
  }

  private static String age(Duration d) {
    return d == null || d.isZero() || d.isNegative() ? "none" : Durations.format(d);
  }

  private static String count(long n) {
    return n <= 0 ? "none" : String.valueOf(n);
  }

  private static void differ(List<String> out, String what, Object server, Object decision) {
    if (!Objects.equals(String.valueOf(server), String.valueOf(decision))) {
      out.add(what + " is " + server + " on the server, " + decision + " in the decision");
    }
  }
}
