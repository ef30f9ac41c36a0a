package dev.kvorstream.nats;

import java.time.Duration;
import java.util.List;

/** The NATS primitive one decision (or part) calls for, with every setting decided. */
public sealed interface Spec permits Spec.Kv, Spec.Stream {

  /** The decision number and, for a part of a split design, the part's name (else null). */
  int decision();

  String part();

  /**
   * A KV bucket and the keys its watchers follow.
   *
   * @param ttl how long a value lives, or null for ever
   * @param maxValueSize the largest value in bytes, or 0 for no limit
   */
  record Kv(int decision, String part, String bucket, int history, Duration ttl, long maxValueSize,
      int replicas, String keys) implements Spec {
    public String ttlText() {
      return ttl == null ? null : Durations.format(ttl);
    }

    public String ttlJava() {
      return ttl == null ? null : Durations.java(ttl);
    }
  }

  /**
   * A stream and its durable pull consumer.
   *
   * @param heartbeat how often a handler still working on a message says so with an
   *     in-progress ack, or null when handling is fast
   */
  record Stream(int decision, String part, String stream, List<String> subjects, String retention,
      int replicas, Duration duplicateWindow, String durable, String deliver, Duration ackWait,
      int maxDeliver, int maxAckPending, Duration heartbeat) implements Spec {
    public Stream {
      subjects = List.copyOf(subjects);
    }

    /** The nats CLI's word for the retention: {@code limits} or {@code work}. */
    public String retentionCli() {
      return retention.equals("workqueue") ? "work" : retention;
    }

    /** The jnats enum constant: {@code Limits} or {@code WorkQueue}. */
    public String retentionJava() {
      return retention.equals("workqueue") ? "WorkQueue" : "Limits";
    }

    public String deliverJava() {
      return deliver.equals("all") ? "All" : "New";
    }

    public String duplicateWindowText() {
      return Durations.format(duplicateWindow);
    }

    public String duplicateWindowJava() {
      return Durations.java(duplicateWindow);
    }

    public String ackWaitText() {
      return Durations.format(ackWait);
    }

    public String ackWaitJava() {
      return Durations.java(ackWait);
    }

    public String heartbeatText() {
      return heartbeat == null ? null : Durations.format(heartbeat);
    }

    public String heartbeatJava() {
      return heartbeat == null ? null : Durations.java(heartbeat);
    }

    /** A subject the example publish uses: the first subject with wildcards filled in. */
    public String exampleSubject() {
      return subjects.get(0).replace(">", "example").replace("*", "example");
    }
  }
}
