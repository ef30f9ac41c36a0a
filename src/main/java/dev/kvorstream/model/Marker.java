package dev.kvorstream.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of every generated Markdown file: an HTML comment naming the source and a
 * SHA-256 of all the text above it. A file whose checksum no longer matches was edited by
 * hand; a file without the line was written by hand.
 */
public final class Marker {

  /** What a file on disk is, judged by its marker. */
  public enum State { GENERATED, EDITED, HAND_WRITTEN }

  private static final Pattern LINE = Pattern.compile(
      "<!-- kv-or-stream: generated from (\\S+) sha256:([0-9a-f]{64})(?: inputs:([0-9a-f]{16}))? [^\\n]*-->\\n?$");

  private Marker() {}

  /** {@code body} (ending with a newline) followed by the marker line for {@code source}. */
  public static String seal(String body, String source) {
    return seal(body, source, null);
  }

  /**
   * The same, recording the fingerprint of everything the body was rendered from, so a
   * later run can tell that rendering it again would give the same text.
   */
  public static String seal(String body, String source, String inputs) {
    if (!body.endsWith("\n")) {
      body = body + "\n";
    }
    return body + "<!-- kv-or-stream: generated from " + source + " sha256:" + sha256(body)
        + (inputs == null ? "" : " inputs:" + inputs)
        + " do not edit; change the source and run kv-or-stream generate -->\n";
  }

  /**
   * The input fingerprint of a generated file that nobody edited, or null (no marker, an
   * edit, or no fingerprint recorded).
   */
  public static String intactInputs(String content) {
    Matcher m = find(content);
    if (m == null || m.group(3) == null) {
      return null;
    }
    return sha256(content.substring(0, m.start())).equals(m.group(2)) ? m.group(3) : null;
  }

  /** Judges existing file content. */
  public static State state(String content) {
    Matcher m = find(content);
    if (m == null) {
      return State.HAND_WRITTEN;
    }
    String body = content.substring(0, m.start());
    return sha256(body).equals(m.group(2)) ? State.GENERATED : State.EDITED;
  }

  /** The file the marker says this was generated from, or null when there is no marker. */
  public static String generatedFrom(String content) {
    Matcher m = find(content);
    return m == null ? null : m.group(1);
  }

  private static Matcher find(String content) {
    int start = content.lastIndexOf("<!-- kv-or-stream: generated from ");
    if (start < 0 || (start > 0 && content.charAt(start - 1) != '\n')) {
      return null;
    }
    Matcher m = LINE.matcher(content);
    m.region(start, content.length());
    return m.lookingAt() ? m : null;
  }

  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 of bytes, in lowercase hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
