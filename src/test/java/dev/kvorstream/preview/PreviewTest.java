package dev.kvorstream.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvorstream.cli.Cli;
import dev.kvorstream.problem.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewTest {

  @TempDir Path work;
  Path decisions;
  Preview preview;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  @BeforeEach
  void copyTheExamples() throws IOException {
    decisions = work.resolve("decisions");
    Files.createDirectories(decisions);
    try (Stream<Path> files = Files.list(Path.of("decisions"))) {
      for (Path f : files.toList()) {
        Files.copy(f, decisions.resolve(f.getFileName()));
      }
    }
  }

  @AfterEach
  void stop() {
    if (preview != null) {
      preview.close();
    }
  }

  /** How many designs the copied examples hold (the tests do not count them by hand). */
  long designs() throws IOException {
    try (Stream<Path> files = Files.list(decisions)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).count();
    }
  }

  Preview.Options options(int port) {
    return new Preview.Options(work, null, null, null, true, "127.0.0.1", port, false);
  }

  Preview start() {
    preview = Preview.start(options(0), new PrintWriter(out), new PrintWriter(err));
    return preview;
  }

  record Response(int status, String head, String body) {}

  /** A request sent as raw bytes: the path exactly as given, never normalised by a client. */
  Response raw(String method, String path) throws IOException {
    URI uri = preview.uri();
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      OutputStream o = socket.getOutputStream();
      o.write((method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      o.flush();
      InputStream in = socket.getInputStream();
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int gap = all.indexOf("\r\n\r\n");
      String head = gap < 0 ? all : all.substring(0, gap);
      String body = gap < 0 ? "" : all.substring(gap + 4);
      int status = head.isEmpty() ? 0 : Integer.parseInt(head.split(" ")[1]);
      return new Response(status, head, body);
    }
  }

  Map<String, String> folderContents() throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> files = Files.walk(work)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.put(work.relativize(f).toString(), new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
    }
    return all;
  }

  @Test
  void servesTheSamePagesSiteWritesPlusOnlyTheReloadScript() throws IOException {
    Path written = work.resolve("written");
    Cli.Result site = Cli.run(work, "site", "--dir", decisions.toString(), "--out", written.toString());
    assertThat(site.code()).as(site.err()).isZero();
    start();
    int pages = 0;
    try (Stream<Path> files = Files.list(written)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        Response r = raw("GET", "/" + f.getFileName());
        assertThat(r.status()).as(f.toString()).isEqualTo(200);
        assertThat(r.body().replace("<script src=\"live.js\"></script>\n", ""))
            .as(f.getFileName().toString()).isEqualTo(Files.readString(f));
        pages++;
      }
    }
    // every file site wrote: a page per design, the index, the heuristic page, the
    // stylesheet, the script and the search data
    assertThat(pages).isEqualTo(designs() + 5);
    assertThat(raw("GET", "/").body()).isEqualTo(raw("GET", "/index.html").body())
        .contains("<script src=\"live.js\"></script>");
    assertThat(raw("GET", "/live.js").body()).contains("new EventSource(\"live-reload\")");
    assertThat(raw("GET", "/index.html").head()).contains("Content-type: text/html; charset=utf-8")
        .containsPattern("Server-timing: site;desc=\"[0-9a-f]+-1\"");
  }

  @Test
  void nothingOutsideTheSiteIsServed() throws IOException {
    Files.writeString(work.resolve("secret.html"), "TOP SECRET");
    Files.createSymbolicLink(decisions.resolve("linked.html"), work.resolve("secret.html"));
    Files.createSymbolicLink(work.resolve("style.css.bak"), Path.of("/etc/passwd"));
    start();
    for (String path : new String[] {"/../secret.html", "/../../../../etc/passwd", "/%2e%2e/secret.html",
        "/%2E%2E%2Fsecret.html", "/..%2fsecret.html", "/.%2e/secret.html", "//etc/passwd",
        "/decisions/0001-entity-state-changes.yaml", "/0001-entity-state-changes.yaml",
        "/0001-entity-state-changes.md", "/linked.html", "/secret.html", "/style.css.bak",
        "/decisions/", "/.kv-or-stream-site", "/index.html/", "/./index.html", "/%69ndex.html",
        "/index.html%00", "/README.md", "/templates/site/layout.ftlh"}) {
      Response r = raw("GET", path);
      assertThat(r.status()).as(path).isIn(400, 404);
      assertThat(r.body()).as(path).doesNotContain("TOP SECRET").doesNotContain("root:")
          .doesNotContain("<html");
    }
    assertThat(raw("GET", "/index.html?q=1").status()).isEqualTo(200);
  }

  @Test
  void onlyGetAndHead() throws IOException {
    start();
    for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"}) {
      Response r = raw(method, "/index.html");
      assertThat(r.status()).as(method).isEqualTo(405);
      assertThat(r.head()).as(method).contains("Allow: GET, HEAD");
    }
    Response head = raw("HEAD", "/index.html");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void anotherHostNameIsRefused() throws IOException {
    start();
    URI uri = preview.uri();
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: attacker.example:" + uri.getPort()
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 403").doesNotContain("<html");
    }
  }

  @Test
  void aPortInUseIsAClearErrorWithExitCode2() {
    start();
    int port = preview.uri().getPort();
    assertThatThrownBy(() -> Preview.start(options(port), new PrintWriter(out), new PrintWriter(err)))
        .isInstanceOfSatisfying(ToolException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(2);
          assertThat(e.getMessage()).isEqualTo("cannot listen on 127.0.0.1:" + port
              + ": the port is in use; stop what uses it or pick another with --port");
        });
    Cli.Result serve = Cli.run(work, "serve", "--dir", decisions.toString(), "--port", String.valueOf(port));
    assertThat(serve.code()).isEqualTo(2);
    assertThat(serve.err()).isEqualTo("kv-or-stream: error: cannot listen on 127.0.0.1:" + port
        + ": the port is in use; stop what uses it or pick another with --port\n");
  }

  @Test
  void aBrokenDesignShowsItsPositionedErrorOnThePagesAndTheFixBringsThemBack() throws Exception {
    Map<String, String> before = folderContents();
    // the site alone, with no watcher, which could refresh between a write and the test's
    // own refresh and leave it nothing to report (seen under load)
    LiveSite site = new LiveSite(options(0));
    Path design = decisions.resolve("0006-tool-execution-requests.yaml");
    String good = Files.readString(design);
    Files.writeString(design, good.replaceFirst("title: .*", "title: [Tool execution"));
    assertThat(site.refresh(false, false)).containsExactly("0006-tool-execution-requests.yaml");
    String page = site.file("0006-tool-execution-requests.html").content();
    assertThat(page).contains("class=\"problems\"")
        .contains("<code class=\"where\">decisions/0006-tool-execution-requests.yaml:2:7</code>")
        .contains("YAML syntax: expected &#39;,&#39; or &#39;]&#39;");
    // the decision stays where it was, with its last valid content
    assertThat(page).contains("<h1>Tool execution requests from the agent loop</h1>");
    assertThat(site.file("index.html").content()).contains("decisions/0006-tool-execution-requests.yaml:2:7");
    Files.writeString(design, good);
    assertThat(site.refresh(false, false)).containsExactly("0006-tool-execution-requests.yaml");
    assertThat(site.file("0006-tool-execution-requests.html").content()).doesNotContain("class=\"problems\"");
    assertThat(site.problems()).isEmpty();
    Files.writeString(design, good);
    assertThat(folderContents()).isEqualTo(before);
  }

  @Test
  void aChangeMakesAgainOnlyThePagesItTouches() throws Exception {
    // the site alone, with no watcher: a watcher refreshing between the test's write and its
    // refresh (or reading the file half-written) would make the counts below a race
    LiveSite site = new LiveSite(options(0));
    String far = site.file("0009-workflow-execution-state.html").content();
    String neighbour = site.file("0002-document-ingestion-tasks.html").content();
    String edited = site.file("0001-entity-state-changes.html").content();
    String index = site.file("index.html").content();
    assertThat(site.file("0009-workflow-execution-state.html").content()).isSameAs(far);
    Path design = decisions.resolve("0001-entity-state-changes.yaml");
    Files.writeString(design, Files.readString(design).replaceFirst("title: .*", "title: Entity states, renamed"));
    String version = site.version();
    assertThat(site.refresh(false, false)).containsExactly("0001-entity-state-changes.yaml");
    assertThat(site.version()).isNotEqualTo(version);
    assertThat(site.file("0009-workflow-execution-state.html").content()).isSameAs(far);
    assertThat(site.file("0002-document-ingestion-tasks.html").content()).isNotEqualTo(neighbour)
        .contains("1. Entity states, renamed");
    assertThat(site.file("0001-entity-state-changes.html").content()).isNotEqualTo(edited)
        .contains("<h1>Entity states, renamed</h1>");
    assertThat(site.file("index.html").content()).isNotEqualTo(index).contains("Entity states, renamed");
    // a save that changes nothing is no change
    Files.writeString(design, Files.readString(design));
    assertThat(site.refresh(false, false)).isEmpty();
    assertThat(site.file("0001-entity-state-changes.html").content()).isNotEqualTo(edited);
  }

  @Test
  void theWatcherSeesAnEditAndTellsOpenPages() throws Exception {
    start();
    String version = preview.site().version();
    URI uri = preview.uri();
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.getOutputStream().write(("GET /live-reload HTTP/1.1\r\nHost: " + uri.getHost() + ":"
          + uri.getPort() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      assertThat(readUntil(in, "data: " + version + "\n\n")).contains("text/event-stream");
      Path design = decisions.resolve("0004-llm-completion-calls.yaml");
      Files.writeString(design, Files.readString(design).replaceFirst("title: .*", "title: Model calls"));
      String next = readUntil(in, "\n\n");
      assertThat(next).contains("data: ").doesNotContain(version);
      assertThat(preview.site().file("index.html").content()).contains("Model calls");
    }
    assertThat(out.toString()).contains("serve: 0004-llm-completion-calls.yaml changed; " + designs() + " decisions, no problems");
  }

  /** Waits until the served file satisfies the check (the watcher works on its own thread). */
  void eventually(String name, Predicate<String> check) throws Exception {
    for (int i = 0; i < 200; i++) {
      LiveSite.Served file = preview.site().file(name);
      if (file != null && check.test(file.content())) {
        return;
      }
      Thread.sleep(50);
    }
    LiveSite.Served file = preview.site().file(name);
    throw new AssertionError(name + " never changed as expected: " + (file == null ? "no such file" : file.content()));
  }

  @Test
  void theWatcherFollowsHandWrittenAdrsTemplatesAndTheSettings() throws Exception {
    Path templates = work.resolve("adr-templates");
    Files.createDirectories(templates.resolve("site"));
    Files.writeString(templates.resolve("site/style.css"), "body { color: black; }\n");
    Files.writeString(work.resolve("kv-or-stream.yaml"), "templates: adr-templates\n");
    start();
    assertThat(preview.site().file("style.css").content()).isEqualTo("body { color: black; }\n");

    Files.writeString(decisions.resolve("0011-by-hand.md"), "# 11. Written by hand\n\n## Status\n\nAccepted\n");
    eventually("index.html", html -> html.contains("<a href=\"0011-by-hand.html\">Written by hand</a>"));
    Files.writeString(decisions.resolve("0011-by-hand.md"), "# 11. Rewritten by hand\n\n## Status\n\nAccepted\n");
    eventually("0011-by-hand.html", html -> html.contains("<h1>Rewritten by hand</h1>"));

    Files.writeString(templates.resolve("site/style.css"), "body { color: navy; }\n");
    eventually("style.css", css -> css.equals("body { color: navy; }\n"));

    Files.writeString(work.resolve("kv-or-stream.yaml"), "templates: adr-templates\nstyle: nope\n");
    eventually("index.html", html -> html.contains("<code class=\"where\">kv-or-stream.yaml:2:8</code>"));
    Files.writeString(work.resolve("kv-or-stream.yaml"), "style: madr\n");
    eventually("index.html", html -> !html.contains("class=\"problems\""));
    eventually("style.css", css -> css.contains("--kv:"));
  }

  @Test
  void aBrokenTemplateGivesAnErrorPageThatNamesItAndTheFixBringsThePageBack() throws Exception {
    Path templates = work.resolve("adr-templates");
    Files.createDirectories(templates.resolve("site"));
    String decision = new String(PreviewTest.class.getResourceAsStream("/templates/site/decision.ftlh")
        .readAllBytes(), StandardCharsets.UTF_8);
    Files.writeString(templates.resolve("site/decision.ftlh"), decision.replace("<h1>${d.title}</h1>",
        "<h1>${d.title</h1>"));
    preview = Preview.start(new Preview.Options(work, null, "adr-templates", null, true, "127.0.0.1", 0, false),
        new PrintWriter(out), new PrintWriter(err));
    Response broken = raw("GET", "/0001-entity-state-changes.html");
    assertThat(broken.status()).isEqualTo(500);
    assertThat(broken.body()).contains("<h1>This page cannot be made right now</h1>")
        .contains("<code class=\"where\">adr-templates</code>: <span class=\"message\">cannot load template"
            + " site/decision.ftlh: Syntax error in template &quot;site/decision.ftlh&quot; in line 19, column 17").contains("<script src=\"live.js\"></script>");
    assertThat(raw("GET", "/index.html").status()).isEqualTo(200);
    Files.writeString(templates.resolve("site/decision.ftlh"), decision.replace("<h1>${d.title}</h1>",
        "<h1 class=\"mine\">${d.title}</h1>"));
    eventually("0001-entity-state-changes.html", html -> html.contains("<h1 class=\"mine\">"));
    assertThat(raw("GET", "/0001-entity-state-changes.html").status()).isEqualTo(200);
  }

  /** Reads until the text ends with the marker. */
  private static String readUntil(InputStream in, String marker) throws IOException {
    StringBuilder text = new StringBuilder();
    while (!text.toString().endsWith(marker)) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("stream ended before " + marker + ": " + text);
      }
      text.append((char) b);
    }
    return text.toString();
  }
}
