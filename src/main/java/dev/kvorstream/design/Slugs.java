package dev.kvorstream.design;

import java.text.Normalizer;
import java.util.Locale;

/**
 * File-name slugs from titles: lowercase ASCII letters, digits and single dashes, accents
 * and other marks dropped, at most {@value #MAX} characters, never empty. A slug can hold
 * no path separator and no dot, so a file named after it stays in its folder.
 */
public final class Slugs {

  /** The longest slug. */
  public static final int MAX = 60;

  private Slugs() {}

  public static String of(String title) {
    String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD)
        .replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("Æ", "ae").replace("Ø", "o")
        .replaceAll("\\p{M}+", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX) {
      int cut = slug.lastIndexOf('-', MAX);
      slug = slug.substring(0, cut > MAX / 2 ? cut : MAX).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "decision" : slug;
  }
}
