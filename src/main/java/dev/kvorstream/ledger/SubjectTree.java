package dev.kvorstream.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * NATS subjects in a tree of their tokens, to find which earlier subjects a new one
 * overlaps (some subject matches both) without comparing every pair: a lookup follows the
 * same token, {@code *} and {@code >} on both sides, so it costs about the subject's length.
 */
final class SubjectTree<T> {

  private final Map<String, SubjectTree<T>> children = new HashMap<>();
  private final List<T> endsHere = new ArrayList<>();
  private final List<T> tailHere = new ArrayList<>();

  void add(String subject, T owner) {
    SubjectTree<T> node = this;
    String[] tokens = subject.split("\\.");
    for (int i = 0; i < tokens.length; i++) {
      if (tokens[i].equals(">")) {
        node.tailHere.add(owner);
        return;
      }
      node = node.children.computeIfAbsent(tokens[i], k -> new SubjectTree<>());
    }
    node.endsHere.add(owner);
  }

  /** The owners of subjects added so far that overlap {@code subject}. */
  List<T> overlapping(String subject) {
    List<T> out = new ArrayList<>();
    find(subject.split("\\."), 0, out);
    return out;
  }

  private void find(String[] tokens, int i, List<T> out) {
    if (i == tokens.length) {
      out.addAll(endsHere);
      return;
    }
    out.addAll(tailHere);                       // a stored "...>" matches one or more tokens more
    String token = tokens[i];
    if (token.equals(">")) {                    // the new subject's tail: everything below this node
      for (SubjectTree<T> child : children.values()) {
        child.collectAll(out);
      }
      return;
    }
    if (token.equals("*")) {
      for (SubjectTree<T> child : children.values()) {
        child.find(tokens, i + 1, out);
      }
      return;
    }
    SubjectTree<T> exact = children.get(token);
    if (exact != null) {
      exact.find(tokens, i + 1, out);
    }
    SubjectTree<T> any = children.get("*");
    if (any != null) {
      any.find(tokens, i + 1, out);
    }
  }

  private void collectAll(List<T> out) {
    out.addAll(endsHere);
    out.addAll(tailHere);
    for (SubjectTree<T> child : children.values()) {
      child.collectAll(out);
    }
  }
}
