package dev.kvorstream.model;

import java.util.Arrays;
import java.util.List;

/** The layouts an ADR can be written in, by the word that names each in options and config. */
public enum AdrStyle {
  /** Michael Nygard's layout (adr-tools, Structurizr): the default. */
  NYGARD("nygard"),
  /** MADR 4. */
  MADR("madr");

  /** The style used when neither an option nor the config file names one. */
  public static final AdrStyle DEFAULT = NYGARD;

  private final String word;

  AdrStyle(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  /** The style a word names, or null when it names none. */
  public static AdrStyle byWord(String word) {
    for (AdrStyle s : values()) {
      if (s.word.equals(word)) {
        return s;
      }
    }
    return null;
  }

  /** Every style's word, the default first. */
  public static List<String> words() {
    return Arrays.stream(values()).map(AdrStyle::word).toList();
  }
}
