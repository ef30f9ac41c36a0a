package dev.kvorstream.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics so a step can report every problem in one run. */
public final class Problems {

  private final List<Diagnostic> found = new ArrayList<>();

  public void add(Position position, String message) {
    found.add(Diagnostic.of(position, message));
  }

  public void add(Diagnostic diagnostic) {
    found.add(diagnostic);
  }

  public void addAll(List<Diagnostic> diagnostics) {
    found.addAll(diagnostics);
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** Sorted by path, line and column, so the report does not depend on the order of work. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(found);
    copy.sort(null);
    return List.copyOf(copy);
  }

  /** Throws {@link ToolException#badInput} when anything was found. */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw ToolException.badInput(sorted());
    }
  }
}
