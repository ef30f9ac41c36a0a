package dev.kvorstream.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kvorstream.problem.KvException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The preview's HTTP side, on the JDK's own server. It answers only with the files of the
 * site in memory, by their exact names: a request path is never mapped to a file on disk,
 * so no {@code ..}, encoded dot, slash or link can reach anything else, and there are no
 * directory listings. GET and HEAD only. {@value #EVENTS} is the stream of server-sent
 * events that tells open pages which version of the site is current.
 */
final class PreviewServer implements AutoCloseable {

  /** The path of the server-sent events stream (no file of the site has this name). */
  static final String EVENTS = "live-reload";

  /** A file name of the site: one path segment, nothing encoded, not hidden. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

  private static final String STOP = "";

  private final LiveSite site;
  private final HttpServer server;
  private final ExecutorService threads;
  private final Set<BlockingQueue<String>> listeners = new CopyOnWriteArraySet<>();
  private final URI uri;
  private final boolean anyHost;

  /**
   * Starts serving.
   *
   * @throws KvException exit 2 when the address is in use or not this machine's
   */
  PreviewServer(LiveSite site, String host, int port) {
    this.site = site;
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw KvException.usage("--host " + host + ": unknown host");
    }
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 64);
    } catch (BindException e) {
      throw KvException.usage("cannot listen on " + host + ":" + port + ": "
          + (port != 0 && e.getMessage() != null && e.getMessage().contains("in use")
              ? "the port is in use; stop what uses it or pick another with --port"
              : e.getMessage()));
    } catch (IOException e) {
      throw KvException.failed("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "kv-or-stream-serve");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
    anyHost = address.isAnyLocalAddress();
    String shown = address.isAnyLocalAddress() ? "127.0.0.1"
        : host.contains(":") ? "[" + host + "]" : host;
    uri = URI.create("http://" + shown + ":" + server.getAddress().getPort() + "/");
  }

  /** The address of the index page. */
  URI uri() {
    return uri;
  }

  /** Tells every open page the id of the site's version now. */
  void changed(String version) {
    listeners.forEach(q -> q.offer(version));
  }

  @Override
  public void close() {
    listeners.forEach(q -> q.offer(STOP));
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain", "only GET and HEAD\n");
        return;
      }
      if (!hostAllowed(exchange.getRequestHeaders().getFirst("Host"))) {
        // a page of another site that renamed itself to this address (DNS rebinding)
        send(exchange, 403, "text/plain", "not this server's name\n");
        return;
      }
      String path = exchange.getRequestURI().getRawPath();
      String name = path.equals("/") ? "index.html" : path.substring(1);
      if (name.equals(EVENTS) && method.equals("GET")) {
        events(exchange);
        return;
      }
      LiveSite.Served file;
      try {
        file = NAME.matcher(name).matches() ? site.file(name) : null;
      } catch (RuntimeException e) {
        send(exchange, 500, "text/plain", "kv-or-stream: internal error: " + e + "\n");
        return;
      }
      if (file == null) {
        send(exchange, 404, "text/plain", "not a page of this site\n");
        return;
      }
      String version = site.version();
      exchange.getResponseHeaders().set("Server-Timing", "site;desc=\"" + version + "\"");
      send(exchange, file.broken() ? 500 : 200, type(name), file.content());
    }
  }

  private boolean hostAllowed(String header) {
    if (anyHost || header == null) {
      return anyHost;
    }
    String expected = ":" + server.getAddress().getPort();
    String host = header.toLowerCase(Locale.ROOT);
    return host.equals(uri.getHost() + expected) || host.equals("localhost" + expected)
        || host.equals("127.0.0.1" + expected) || host.equals("[::1]" + expected);
  }

  /** Server-sent events: the version now, then each new one, until the page goes. */
  private void events(HttpExchange exchange) throws IOException {
    BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    queue.offer(site.version());
    listeners.add(queue);
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.sendResponseHeaders(200, 0);
      OutputStream body = exchange.getResponseBody();
      body.write("retry: 500\n\n".getBytes(StandardCharsets.UTF_8));
      body.flush();
      while (true) {
        String version = queue.poll(15, TimeUnit.SECONDS);
        if (STOP.equals(version)) {
          return;
        }
        // a comment line now and then finds pages that went away
        body.write((version == null ? ":\n\n" : "data: " + version + "\n\n").getBytes(StandardCharsets.UTF_8));
        body.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the page went away
    } finally {
      listeners.remove(queue);
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String type(String name) {
    return name.endsWith(".html") ? "text/html" : name.endsWith(".css") ? "text/css"
        : name.endsWith(".js") ? "text/javascript" : "text/plain";
  }
}
