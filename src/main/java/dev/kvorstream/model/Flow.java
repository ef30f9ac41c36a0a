package dev.kvorstream.model;

import java.util.List;

/** Who publishes on the path, who consumes, and on which subject (each part optional). */
public record Flow(String producer, List<String> consumers, String subject) {
  public Flow {
    consumers = consumers == null ? List.of() : List.copyOf(consumers);
  }
}
