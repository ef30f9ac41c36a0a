package dev.kvorstream.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as designs and the nats CLI write them: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h30m}. */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

  private Durations() {}

  /** The duration written as {@code text}, or null when it is not of the form. */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Matcher m = PART.matcher(text.strip());
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        return null;
      }
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        case "s" -> Duration.ofSeconds(n);
        default -> Duration.ofMillis(n);
      });
      end = m.end();
    }
    return end == text.strip().length() && end > 0 ? total : null;
  }

  /** The shortest form: {@code 2m}, {@code 1h30m}, {@code 90s} stays {@code 1m30s}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long h = d.toHours();
    long m = d.toMinutesPart();
    long s = d.toSecondsPart();
    long ms = d.toMillisPart();
    if (h > 0) {
      out.append(h).append('h');
    }
    if (m > 0) {
      out.append(m).append('m');
    }
    if (s > 0) {
      out.append(s).append('s');
    }
    if (ms > 0) {
      out.append(ms).append("ms");
    }
    return out.toString();
  }

  /** The jnats expression for the duration: {@code Duration.ofSeconds(30)}. */
  public static String java(Duration d) {
    if (d.toMillisPart() != 0 || d.isZero()) {
      return "Duration.ofMillis(" + d.toMillis() + ")";
    }
    if (d.toSecondsPart() != 0) {
      return "Duration.ofSeconds(" + d.toSeconds() + ")";
    }
    if (d.toMinutesPart() != 0) {
      return "Duration.ofMinutes(" + d.toMinutes() + ")";
    }
    return "Duration.ofHours(" + d.toHours() + ")";
  }
}
