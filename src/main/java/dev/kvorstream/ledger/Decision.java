package dev.kvorstream.ledger;

import dev.kvorstream.heuristic.Assessment;
import dev.kvorstream.model.Design;
import dev.kvorstream.model.Spec;
import java.util.List;
import java.util.Locale;

/**
 * One decision of the log: generated from a design (with its assessment), or an ADR written
 * by hand. {@code links} holds both the links the design declares and the reverse ones that
 * other designs declare towards it, in number order; {@code specs} the NATS bucket or
 * stream each decided concern calls for.
 */
public record Decision(
    int number,
    String stem,
    Design design,
    Assessment assessment,
    HandWritten handWritten,
    List<Link> links,
    List<Spec> specs) {

  public Decision {
    links = List.copyOf(links);
    specs = List.copyOf(specs);
    if ((design == null) == (handWritten == null)) {
      throw new IllegalArgumentException("a decision is generated or hand-written");
    }
  }

  public boolean generated() {
    return design != null;
  }

  public String title() {
    return generated() ? design.title() : handWritten.title();
  }

  /** The ADR's file name: the design's stem with {@code .md}. */
  public String adrFileName() {
    return generated() ? stem + ".md" : handWritten.fileName();
  }

  /** The status word, lowercase ({@code accepted}); empty when a hand-written ADR has none. */
  public String status() {
    return generated() ? design.status().word() : handWritten.status().toLowerCase(Locale.ROOT);
  }

  /** The date as written, or the empty string. */
  public String date() {
    if (generated()) {
      return design.date() == null ? "" : design.date().toString();
    }
    return handWritten.date();
  }

  /** The links of one kind, in number order. */
  public List<Integer> linked(LinkKind kind) {
    return links.stream().filter(l -> l.kind() == kind).map(Link::target).toList();
  }
}
