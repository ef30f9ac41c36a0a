package dev.kvorstream.mcp;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The bytes the SDK writes (UTF-8 JSON lines), passed on to the command's writer at each
 * flush; the SDK flushes after each whole message.
 */
final class WriterOutput extends OutputStream {

  private final PrintWriter out;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  WriterOutput(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void write(int b) {
    pending.write(b);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    pending.write(b, off, len);
  }

  @Override
  public synchronized void flush() {
    out.write(pending.toString(StandardCharsets.UTF_8));
    pending.reset();
    out.flush();
  }
}
