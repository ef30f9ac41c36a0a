package dev.kvorstream.nats;

import dev.kvorstream.design.NatsBlock;
import dev.kvorstream.problem.Diagnostic;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

/** Reads one {@code nats:} block's values with their fallbacks, adding a positioned problem per bad one. */
final class Settings {

  private final NatsBlock block;
  private final List<Diagnostic> problems;

  Settings(NatsBlock block, List<Diagnostic> problems) {
    this.block = block;
    this.problems = problems;
  }

  String text(String key, String fallback) {
    return block.has(key) ? (String) block.get(key) : fallback;
  }

  @SuppressWarnings("unchecked")
  List<String> list(String key, List<String> fallback) {
    return block.has(key) ? (List<String>) block.get(key) : fallback;
  }

  String choice(String key, String fallback, List<String> allowed) {
    String value = text(key, fallback);
    if (!allowed.contains(value)) {
      problems.add(Diagnostic.of(block.where(key), "unknown " + key + " '" + value + "'; expected "
          + String.join(", ", allowed.stream().map(a -> "'" + a + "'").toList())));
      return fallback;
    }
    return value;
  }

  int integer(String key, int fallback, int min, int max) {
    return (int) longValue(key, fallback, min, max);
  }

  long longValue(String key, long fallback, long min, long max) {
    if (!block.has(key)) {
      return fallback;
    }
    long value = (Long) block.get(key);
    if (value < min || value > max) {
      problems.add(Diagnostic.of(block.where(key), "'" + key + "' is " + value + "; it must be from "
          + min + " to " + max + (key.equals("history") ? " (NATS keeps at most 64 revisions per key)" : "")));
      return fallback;
    }
    return value;
  }

  Duration duration(String key, Duration fallback) {
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

  static final String BUCKET_RULE = "NATS takes letters, digits, '-' and '_'";
  static final String NAME_RULE = "NATS takes printable ASCII without spaces, '.', '*', '>', '/' or '\\'";

  /** A name checked with one of jnats' validators (they refuse what the server refuses). */
  String name(String key, String fallback, BiFunction<String, Boolean, String> validator, String rule) {
    String name = text(key, fallback);
    check(key, name, name, validator, rule);
    return name;
  }

  void check(String key, String shown, String name, BiFunction<String, Boolean, String> validator, String rule) {
    try {
      validator.apply(name, true);
    } catch (IllegalArgumentException e) {
      problems.add(Diagnostic.of(block.where(key), (key.equals("durables") ? "durable" : key) + " name '" + shown
          + "' is not allowed; " + rule));
    }
  }
}
