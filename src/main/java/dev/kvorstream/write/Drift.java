package dev.kvorstream.write;

import java.util.Locale;

/** How {@code generate --check} and {@code check} word a generated file that is not as it should be. */
public final class Drift {

  private Drift() {}

  public static String describe(Publisher.Action action) {
    return switch (action) {
      case MISSING -> "missing; run kv-or-stream generate";
      case OUT_OF_DATE -> "out of date; run kv-or-stream generate";
      case KEPT_EDITED -> "edited by hand since it was generated";
      case KEPT_HAND_WRITTEN -> "written by hand where a generated file belongs";
      case REMOVED -> "generated from a design that no longer exists; run kv-or-stream generate";
      default -> action.name().toLowerCase(Locale.ROOT);
    };
  }
}
