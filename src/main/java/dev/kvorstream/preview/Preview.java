package dev.kvorstream.preview;

import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.problem.KvException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code kv-or-stream serve}: the decisions site, made in memory by the same code and
 * templates as {@code site}, served over HTTP, and made again when its designs, ADRs,
 * templates or settings change; open pages reload themselves. Nothing is written to disk.
 */
public final class Preview implements AutoCloseable {

  /**
   * What the command line asks for.
   *
   * @param workingDir where relative paths and kv-or-stream.yaml are
   * @param dir the decisions folder, or null for the settings' (else decisions)
   * @param templates a templates folder, or null for the settings' (else the built-in ones)
   * @param style nygard, madr, or null for the settings' (else nygard)
   * @param infer infer omitted answers from the design's words
   * @param host the address to listen on (127.0.0.1 by default: this machine only)
   * @param port the port to listen on; 0 picks a free one
   * @param open open the index in the system's browser
   */
  public record Options(Path workingDir, String dir, String templates, String style, boolean infer,
      String host, int port, boolean open) {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 4004;
  }

  private final LiveSite site;
  private final PreviewServer server;
  private final Watcher watcher;
  private final CountDownLatch closed = new CountDownLatch(1);

  private Preview(LiveSite site, PreviewServer server, Watcher watcher) {
    this.site = site;
    this.server = server;
    this.watcher = watcher;
  }

  /**
   * Reads the site, starts serving and watching, and returns at once.
   *
   * @param out told of each change that shows
   * @param err told of the problems each change brings
   * @throws KvException exit 2 when the folder, the settings or the templates cannot be used
   *     at all, or the port is taken
   */
  public static Preview start(Options options, PrintWriter out, PrintWriter err) {
    LiveSite site = new LiveSite(options);
    PreviewServer server = new PreviewServer(site, options.host(), options.port());
    AtomicReference<List<Diagnostic>> shown = new AtomicReference<>(site.problems());
    try {
      Watcher watcher = new Watcher(site, changed -> {
        int problems = site.problems().size();
        out.println("serve: " + String.join(", ", changed) + " changed; " + site.decisions()
            + " decisions, " + (problems == 0 ? "no problems"
                : problems == 1 ? "1 problem" : problems + " problems"));
        out.flush();
        if (!site.problems().equals(shown.getAndSet(site.problems()))) {
          site.problems().stream().sorted().forEach(d -> err.println(d.headline()));
          err.flush();
        }
        server.changed(site.version());
      }, e -> {
        err.println("kv-or-stream: internal error: " + e + " (serve goes on with the pages it had)");
        err.flush();
      });
      return new Preview(site, server, watcher);
    } catch (IOException e) {
      server.close();
      throw KvException.failed("cannot watch " + site.settings().display() + ": " + e.getMessage(), e);
    }
  }

  /** The site being served (for tests). */
  LiveSite site() {
    return site;
  }

  /** The address of the index page. */
  public URI uri() {
    return server.uri();
  }

  /** Stops watching and serving; open pages keep what they show. */
  @Override
  public void close() {
    watcher.close();
    server.close();
    closed.countDown();
  }

  /**
   * Runs until the process is stopped (Ctrl-C, a TERM signal): prints the address, serves,
   * and on the signal stops cleanly and ends the process with exit code 0.
   */
  public static int run(Options options, PrintWriter out, PrintWriter err) {
    Preview preview = start(options, out, err);
    out.println("serve: " + preview.site.decisions() + " decisions from "
        + preview.site.settings().display() + " at " + preview.uri() + " (Ctrl-C stops)");
    preview.site.problems().stream().sorted().forEach(d -> err.println(d.headline()));
    out.flush();
    err.flush();
    if (options.open()) {
      open(preview.uri(), err);
    }
    // Ctrl-C is the normal way to stop: the JVM runs this hook, and without halt(0) it
    // would end with the signal's exit code (130), which is not a failure here.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      preview.close();
      out.println("serve: stopped");
      out.flush();
      err.flush();
      Runtime.getRuntime().halt(ExitCode.OK);
    }, "kv-or-stream-serve-stop"));
    try {
      preview.closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      preview.close();
    }
    return ExitCode.OK;
  }

  /** Opens the address in the system's browser; if that fails, says so and serves on. */
  private static void open(URI uri, PrintWriter err) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    List<String> command = os.contains("mac") ? List.of("open", uri.toString())
        : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", uri.toString())
        : List.of("xdg-open", uri.toString());
    try {
      new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      err.println("serve: cannot open a browser (" + e.getMessage() + "); open " + uri);
      err.flush();
    }
  }
}
