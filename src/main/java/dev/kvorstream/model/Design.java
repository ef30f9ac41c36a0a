package dev.kvorstream.model;

import dev.kvorstream.problem.Position;
import java.time.LocalDate;
import java.util.List;

/**
 * One design file: a new communication path and the answers to the four tests, or its
 * parts when the path is two concerns in one. {@code number} is 0 and {@code name} null for
 * a design read from a file that is not named {@code NNNN-slug.yaml} (stdin, say).
 * {@code fileHash} is the SHA-256 of the file's bytes, part of its ADR's input fingerprint.
 */
public record Design(
    String path,
    DesignName name,
    String title,
    Status status,
    LocalDate date,
    List<String> deciders,
    List<String> tags,
    String context,
    Flow flow,
    Concern concern,
    List<Part> parts,
    List<Ref> supersedes,
    List<Ref> related,
    List<Ref> amends,
    Position start,
    NatsBlock nats,
    String fileHash) {

  public Design {
    deciders = List.copyOf(deciders);
    tags = List.copyOf(tags);
    parts = List.copyOf(parts);
    supersedes = List.copyOf(supersedes);
    related = List.copyOf(related);
    amends = List.copyOf(amends);
    context = context == null ? "" : context;
  }

  public int number() {
    return name == null ? 0 : name.number();
  }

  public boolean split() {
    return !parts.isEmpty();
  }

  /** Title, context and flow: the words inference and case matching read. */
  public String words() {
    StringBuilder words = new StringBuilder(title).append('\n').append(context);
    if (flow != null) {
      words.append('\n').append(flow.producer() == null ? "" : flow.producer());
      for (String consumer : flow.consumers()) {
        words.append(' ').append(consumer);
      }
      words.append('\n').append(flow.subject() == null ? "" : flow.subject());
    }
    return words.toString();
  }
}
