package dev.kvorstream.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code NNNN-slug.yaml} file name of a design: number, slug and extension. */
public record DesignName(int number, String digits, String slug, String extension) {

  private static final Pattern DESIGN =
      Pattern.compile("(\\d{4,9})-([a-z0-9]+(?:-[a-z0-9]+)*)\\.(yaml|yml)");

  /** The parsed name, or null when the file name is not of the form. */
  public static DesignName parse(String fileName) {
    Matcher m = DESIGN.matcher(fileName);
    if (!m.matches()) {
      return null;
    }
    return new DesignName(Integer.parseInt(m.group(1)), m.group(1), m.group(2), m.group(3));
  }

  /** The stem shared by the design and its ADR: {@code 0007-tool-execution}. */
  public String stem() {
    return digits + "-" + slug;
  }

  public String fileName() {
    return stem() + "." + extension;
  }
}
