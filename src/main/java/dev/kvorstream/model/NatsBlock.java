package dev.kvorstream.model;

import dev.kvorstream.problem.Position;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The optional {@code nats:} block of a design or part, as written: each setting's value
 * (text, a whole number, or a list of text) and where it was written, for positioned
 * errors when the settings are checked against the verdict and each other.
 */
public record NatsBlock(Map<String, Object> values, Map<String, Position> at, Position start) {

  public static final NatsBlock EMPTY = new NatsBlock(Map.of(), Map.of(), null);

  /** The keys a KV watch's block may hold. */
  public static final List<String> KV_KEYS =
      List.of("bucket", "history", "ttl", "maxValueSize", "replicas", "keys", "pattern",
          "silenceAfter");
  /** The keys a JetStream stream's block may hold. */
  public static final List<String> STREAM_KEYS = List.of("stream", "subjects", "retention",
      "durable", "durables", "filter", "deliver", "ackWait", "maxDeliver", "maxAckPending",
      "duplicateWindow", "heartbeat", "maxAge", "maxMsgs", "maxBytes", "concurrency", "retryDelay",
      "instances", "maxWork", "claim", "replicas");
  /** Every key of a {@code nats:} block: KV settings, then stream settings. */
  public static final List<String> KEYS =
      Stream.concat(KV_KEYS.stream(), STREAM_KEYS.stream()).distinct().toList();

  public NatsBlock {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    at = Map.copyOf(at);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public Object get(String key) {
    return values.get(key);
  }

  public Position where(String key) {
    return at.getOrDefault(key, start);
  }

  /**
   * Why NATS refuses {@code subject} as a stream subject or filter, or null when it takes
   * it: tokens are separated by single dots, none empty or holding white space; {@code *}
   * and {@code >} stand alone as a token, and {@code >} only as the last one.
   */
  public static String subjectProblem(String subject) {
    if (subject == null || subject.isEmpty()) {
      return "it is empty";
    }
    if (subject.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
      return "it holds white space";
    }
    if (subject.startsWith(".") || subject.endsWith(".") || subject.contains("..")) {
      return "a token is empty (a dot at the start or end, or two dots together)";
    }
    String[] tokens = subject.split("\\.");
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      if (t.contains(">") && (!t.equals(">") || i != tokens.length - 1)) {
        return "'>' may only be the whole last token";
      }
      if (t.contains("*") && !t.equals("*")) {
        return "'*' must be a whole token";
      }
    }
    return null;
  }
}
