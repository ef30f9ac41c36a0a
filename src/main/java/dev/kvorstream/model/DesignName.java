package dev.kvorstream.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code NNNN-slug.yaml} file name of a design: number, slug and extension. */
public record DesignName(int number, String digits, String slug, String extension) {

  private static final Pattern DESIGN =
      Pattern.compile("(\\d{4,9})-([a-z0-9]+(?:-[a-z0-9]+)*)\\.(yaml|yml)");

  /** An ADR's file name: {@code NNNN-} and anything up to {@code .md}. */
  private static final Pattern ADR = Pattern.compile("(\\d{4,9})-[^/\\\\]*\\.md");

  /** The number of an ADR file name ({@code NNNN-anything.md}), or -1 when it is not one. */
  public static int adrNumber(String fileName) {
    Matcher m = ADR.matcher(fileName);
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

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
