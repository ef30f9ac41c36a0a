package dev.kvorstream.model;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The NATS primitive one decision (or part) calls for, with every setting decided. */
public sealed interface Spec permits Spec.Kv, Spec.Stream {

  /** The decision number and, for a part of a split design, the part's name (else null). */
  int decision();

  String part();

  /**
   * The server streams this spec stands for, each with what it is to the decision: a
   * bucket's stream; or a stream, its dead-letter stream and its claims bucket's stream.
   * Two decisions may not share one of them.
   */
  default List<ServerStream> serverStreams() {
    if (this instanceof Kv kv) {
      return List.of(new ServerStream("KV_" + kv.bucket(), "KV bucket '" + kv.bucket() + "'"));
    }
    Stream st = (Stream) this;
    ServerStream work = new ServerStream(st.stream(), "stream '" + st.stream() + "'");
    ServerStream dead = new ServerStream(st.deadLetterStream(),
        "stream '" + st.deadLetterStream() + "' (the dead letters of " + st.stream() + ")");
    return st.claims()
        ? List.of(work, dead, new ServerStream("KV_" + st.claim(),
            "KV bucket '" + st.claim() + "' (the claims of " + st.stream() + ")"))
        : List.of(work, dead);
  }

  /** A stream on the server, by name, and how a message names it. */
  record ServerStream(String name, String described) {}

  /**
   * A KV bucket and the keys its watchers follow.
   *
   * @param ttl how long a value lives after its last write, or null for ever
   * @param maxValueSize the largest value in bytes, or 0 for no limit
   * @param pattern what the bucket's keys are used for: {@code state} (latest values),
   *     {@code lease} (a lock taken with create and renewed with update) or
   *     {@code presence} (a key per live member, gone when it stops writing) or {@code shared}
   *     (state that several instances write in turn, each on the revision of its last write)
   * @param silenceAfter how long a key may go unwritten before its watcher reports it silent,
   *     or null for the TTL (no check when there is neither)
   */
  record Kv(int decision, String part, String bucket, int history, Duration ttl, long maxValueSize,
      int replicas, String keys, String pattern, Duration silenceAfter) implements Spec {

    public Kv(int decision, String part, String bucket, int history, Duration ttl, long maxValueSize,
        int replicas, String keys, String pattern) {
      this(decision, part, bucket, history, ttl, maxValueSize, replicas, keys, pattern, null);
    }

    /** When the watcher reports a key silent: the setting, else the TTL; null for no check. */
    public Duration silence() {
      return pattern.equals("lease") ? null : silenceAfter != null ? silenceAfter : ttl;
    }

    public String silenceText() {
      return silence() == null ? null : Durations.format(silence());
    }

    public String silenceJava() {
      return silence() == null ? null : Durations.java(silence());
    }

    public String ttlText() {
      return ttl == null ? null : Durations.format(ttl);
    }

    public String ttlJava() {
      return ttl == null ? null : Durations.java(ttl);
    }

    /**
     * Half the silence time: how often a writer rewrites its key at the least, so one late
     * write is not taken for silence.
     */
    public String rewriteEveryText() {
      return silence() == null ? null : Durations.format(silence().dividedBy(2));
    }

    /** A fifth of the silence time: how often a watcher checks for silent keys. */
    public String checkEveryText() {
      return silence() == null ? null : Durations.format(silence().dividedBy(5));
    }

    /** A third of the TTL: how often a lease holder renews. */
    public String renewJava() {
      return ttl == null ? null : Durations.java(ttl.dividedBy(3));
    }

    /** An example key for the snippets: the filter with its wildcards filled in. */
    public String exampleKey() {
      return keys.replace(">", "example").replace("*", "example");
    }
  }

  /**
   * One durable consumer of a stream.
   *
   * @param durable its name; for a consumer each instance makes for itself, the name with
   *     {@code {placeholder}} where the instance's id goes
   * @param filter the subject filter, or null for the whole stream
   * @param placeholder the instance id's name ({@code loop-id}), or null for a fixed durable
   *     that {@code apply} creates
   */
  record Consumer(String durable, String filter, String placeholder) {

    public boolean perInstance() {
      return placeholder != null;
    }

    /** The Java variable that holds the instance id: {@code loopId} for {@code loop-id}. */
    public String variable() {
      if (placeholder == null) {
        return null;
      }
      StringBuilder out = new StringBuilder();
      boolean upper = false;
      for (char c : placeholder.toCharArray()) {
        if (c == '-' || c == '_') {
          upper = true;
        } else {
          out.append(upper ? Character.toUpperCase(c) : c);
          upper = false;
        }
      }
      return out.toString();
    }

    /** The name as Java code: {@code "tool-runner"} or {@code "agentic-loop-" + loopId}. */
    public String durableJava() {
      return java(durable);
    }

    public String filterJava() {
      return filter == null ? null : java(filter);
    }

    /** The name for a shell: {@code agentic-loop-"$LOOP_ID"}. */
    public String durableShell() {
      return shell(durable);
    }

    public String filterShell() {
      return filter == null ? null : shell(filter);
    }

    String java(String text) {
      if (placeholder == null) {
        return '"' + text + '"';
      }
      String token = "{" + placeholder + "}";
      int at = text.indexOf(token);
      String before = text.substring(0, at);
      String after = text.substring(at + token.length());
      return (before.isEmpty() ? "" : '"' + before + "\" + ") + variable()
          + (after.isEmpty() ? "" : " + \"" + after + '"');
    }

    private String shell(String text) {
      if (placeholder == null) {
        return "'" + text + "'";
      }
      String env = "\"$" + placeholder.toUpperCase(Locale.ROOT).replace('-', '_') + "\"";
      String token = "{" + placeholder + "}";
      int at = text.indexOf(token);
      String before = text.substring(0, at);
      String after = text.substring(at + token.length());
      return (before.isEmpty() ? "" : "'" + before + "'") + env + (after.isEmpty() ? "" : "'" + after + "'");
    }
  }

  /**
   * A stream, its durable pull consumers and the stream that keeps its dead letters.
   *
   * @param maxAge how long a message stays, or null for no age limit
   * @param maxMsgs the most messages kept, or 0 for no limit
   * @param maxBytes the most bytes kept, or 0 for no limit
   * @param heartbeat how often a handler still working on a message says so with an
   *     in-progress ack, or null when handling is fast
   * @param concurrency how many messages are handled at once (the handler threads, and the
   *     consumer's max ack pending), or 0 when handling is fast and a buffered
   *     {@code consume()} serves
   * @param retryDelay how long a failed message waits before it is delivered again
   * @param instances how many processes read the durable (max ack pending is per consumer,
   *     so it is the handlers of all of them)
   * @param maxWork how long a handler may keep one message with in-progress acks, after which
   *     they stop and the message is delivered again (or dead-lettered); null for fast work
   * @param claim the KV bucket in which a handler claims a message's id before it acks it
   *     and starts long work, or null: a redelivered message whose id is claimed starts nothing
   */
  record Stream(int decision, String part, String stream, List<String> subjects, String retention,
      int replicas, Duration duplicateWindow, Duration maxAge, long maxMsgs, long maxBytes,
      List<Consumer> consumers, String deliver, Duration ackWait, int maxDeliver, int maxAckPending,
      Duration heartbeat, int concurrency, Duration retryDelay, int instances, Duration maxWork,
      String claim) implements Spec {

    /** How long the dead-letter stream keeps an announcement. */
    public static final Duration DEAD_LETTER_AGE = Duration.ofDays(14);
    /** The durable that reads the dead-letter stream. */
    public static final String DEAD_LETTER_DURABLE = "dead-letters";
    /** How often the dead-letter reader tries one announcement before leaving it for a person. */
    public static final int DEAD_LETTER_MAX_DELIVER = 10;

    public Stream {
      subjects = List.copyOf(subjects);
      consumers = List.copyOf(consumers);
    }

    /** The first consumer's durable name. */
    public String durable() {
      return consumers.get(0).durable();
    }

    /** The consumers {@code apply} creates (not those each instance makes for itself). */
    public List<Consumer> fixedConsumers() {
      return consumers.stream().filter(c -> !c.perInstance()).toList();
    }

    /**
     * True when a limits or workqueue stream has no age, count or size limit: it keeps every
     * message (a workqueue stream: every one nobody acknowledged) for ever.
     */
    public boolean unbounded() {
      return !retention.equals("interest") && maxAge == null && maxMsgs == 0 && maxBytes == 0;
    }

    public boolean claims() {
      return claim != null;
    }

    /** The claims bucket as a KV spec ({@code apply} creates it, {@code audit} checks it), or null. */
    public Kv claimBucket() {
      return claim == null ? null : new Kv(decision, part, claim, 1, claimAge(), 0, replicas, ">", "state");
    }

    /** How long a claim is kept: the stream's max age (no redelivery outlives it), else a week. */
    public Duration claimAge() {
      return maxAge != null ? maxAge : Duration.ofDays(7);
    }

    public String claimAgeText() {
      return Durations.format(claimAge());
    }

    public String claimAgeJava() {
      return Durations.java(claimAge());
    }

    public String maxWorkText() {
      return maxWork == null ? null : Durations.format(maxWork);
    }

    public String maxWorkJava() {
      return maxWork == null ? null : Durations.java(maxWork);
    }

    /** Whether each process makes its own durable (then max ack pending is one process's). */
    public boolean perInstance() {
      return consumers.stream().anyMatch(Consumer::perInstance);
    }

    /** Slow work: one message per handler thread at a time, fetched with {@code next()}. */
    public boolean slow() {
      return concurrency > 0;
    }

    /** The stream that captures the max-deliveries advisories of this stream's consumers. */
    public String deadLetterStream() {
      return stream + "_DEAD_LETTERS";
    }

    public String deadLetterSubject() {
      return "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES." + stream + ".*";
    }

    public String deadLetterAgeText() {
      return Durations.format(DEAD_LETTER_AGE);
    }

    public String deadLetterAgeJava() {
      return Durations.java(DEAD_LETTER_AGE);
    }

    /** The nats CLI's word for the retention: {@code limits}, {@code interest} or {@code work}. */
    public String retentionCli() {
      return retention.equals("workqueue") ? "work" : retention;
    }

    /** The jnats enum constant: {@code Limits}, {@code Interest} or {@code WorkQueue}. */
    public String retentionJava() {
      return switch (retention) {
        case "workqueue" -> "WorkQueue";
        case "interest" -> "Interest";
        default -> "Limits";
      };
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

    public String maxAgeText() {
      return maxAge == null ? null : Durations.format(maxAge);
    }

    public String maxAgeJava() {
      return maxAge == null ? null : Durations.java(maxAge);
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

    public String retryDelayText() {
      return Durations.format(retryDelay);
    }

    public String retryDelayJava() {
      return Durations.java(retryDelay);
    }

    /**
     * How long an instance's own durable may go unused before the server removes it: the
     * stream's max age, else a day. Work still in the stream is not lost with it: the same
     * instance, back later, makes the durable again and (deliver all) gets what is left.
     */
    public Duration instanceIdle() {
      return maxAge != null ? maxAge : Duration.ofHours(24);
    }

    public String instanceIdleText() {
      return Durations.format(instanceIdle());
    }

    public String instanceIdleJava() {
      return Durations.java(instanceIdle());
    }

    public String deadLetterDurable() {
      return DEAD_LETTER_DURABLE;
    }

    public int deadLetterMaxDeliver() {
      return DEAD_LETTER_MAX_DELIVER;
    }

    /**
     * The example publish's subject as Java: an instance's own subject where each instance
     * has its durable ({@code "tool.result." + loopId + ".example"}), else the first subject
     * with its wildcards filled in.
     */
    public String exampleSubjectJava() {
      for (Consumer c : consumers) {
        if (c.perInstance() && c.filter() != null) {
          return c.java(c.filter().replace(">", "example").replace("*", "example"));
        }
      }
      return '"' + exampleSubject() + '"';
    }

    /** A subject the example publish uses: the first subject with wildcards filled in. */
    public String exampleSubject() {
      return subjects.get(0).replace(">", "example").replace("*", "example");
    }
  }
}
