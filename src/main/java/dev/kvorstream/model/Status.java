package dev.kvorstream.model;

import java.util.Arrays;
import java.util.List;

/** A decision's lifecycle status, spelled as in the design file. */
public enum Status {
  PROPOSED("proposed", "Proposed"),
  ACCEPTED("accepted", "Accepted"),
  REJECTED("rejected", "Rejected"),
  DEPRECATED("deprecated", "Deprecated"),
  SUPERSEDED("superseded", "Superseded");

  private final String word;
  private final String label;

  Status(String word, String label) {
    this.word = word;
    this.label = label;
  }

  public String word() {
    return word;
  }

  /** Capitalised, as adr-tools writes it under {@code ## Status}. */
  public String label() {
    return label;
  }

  /** The status spelled {@code word}, case-insensitive, or null. */
  public static Status fromWord(String word) {
    for (Status s : values()) {
      if (s.word.equalsIgnoreCase(word)) {
        return s;
      }
    }
    return null;
  }

  public static List<String> words() {
    return Arrays.stream(values()).map(Status::word).toList();
  }
}
