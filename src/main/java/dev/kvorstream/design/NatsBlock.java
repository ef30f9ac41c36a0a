package dev.kvorstream.design;

import dev.kvorstream.problem.Position;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optional {@code nats:} block of a design or part, as written: each setting's value
 * (text, a whole number, or a list of text) and where it was written, for positioned
 * errors when the settings are checked against the verdict and each other.
 */
public record NatsBlock(Map<String, Object> values, Map<String, Position> at, Position start) {

  public static final NatsBlock EMPTY = new NatsBlock(Map.of(), Map.of(), null);

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
}
