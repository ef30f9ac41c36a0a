package dev.kvorstream.design;

import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.KvException;
import dev.kvorstream.problem.Position;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A design file's bytes as text: strict UTF-8 (an invalid byte is reported at its line and
 * column), a byte-order mark dropped, binary files, oversized files and text-reordering
 * characters ({@link BidiControls}) refused.
 */
public final class SourceText {

  /** The largest design file read, in bytes. */
  public static final int MAX_BYTES = 1 << 20;

  private SourceText() {}

  public static String decode(String path, byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw KvException.badInput(Diagnostic.of(Position.ofFile(path),
          "file is " + bytes.length + " bytes; a design may be at most " + MAX_BYTES + " bytes"));
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw KvException.badInput(Diagnostic.of(at(path, bytes, i),
            "binary file (a NUL byte); a design is UTF-8 text"));
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw KvException.badInput(Diagnostic.of(at(path, bytes, in.position()),
          String.format(java.util.Locale.ROOT, "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
              bytes[in.position()] & 0xff)));
    }
    try {
      decoder.flush(out);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(e);
    }
    out.flip();
    String text = out.toString();
    text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    BidiControls.refuse(path, text);
    return text;
  }

  /** The line and column of byte {@code offset}, counting the valid text before it. */
  private static Position at(String path, byte[] bytes, int offset) {
    String before;
    try {
      before = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes, 0, offset)).toString();
    } catch (CharacterCodingException e) {
      before = "";
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String shown = before.substring(lineStart).replace("\r", "");
    return new Position(path, line, shown.length() + 1, shown + "\uFFFD");
  }
}
