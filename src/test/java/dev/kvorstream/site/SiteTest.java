package dev.kvorstream.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.cli.Cli;
import dev.kvorstream.design.DesignLoader;
import dev.kvorstream.heuristic.Heuristic;
import dev.kvorstream.ledger.Assessor;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.ledger.Folder;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.Templates;
import dev.kvorstream.write.Publisher;
import dev.kvorstream.write.SiteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteTest {

  @TempDir Path work;

  record Run(int code, String out, String err) {}

  Run site(String dir, Path out, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "site";
    args[1] = "--dir";
    args[2] = dir;
    args[3] = "--out=" + out;
    System.arraycopy(more, 0, args, 4, more.length);
    Cli.Result r = Cli.run(args);
    return new Run(r.code(), r.out(), r.err());
  }

  @Test
  void markdownIsRenderedSafely() {
    MarkdownHtml md = new MarkdownHtml();
    String html = md.render("""
        # 1. Title

        Date: 2026-01-01

        ## Context

        <script>alert(1)</script>

        A [bad](javascript:alert(1)) link, a [next](0002-next.md) one, and <img src=x onerror=alert(1)>.

        ```mermaid
        flowchart LR
        ```

        | a | b |
        | --- | --- |
        | 1 | 2 |
        <!-- kv-or-stream: generated from 0001-title.yaml sha256:00 x -->
        """, Map.of("0002-next.md", "0002-next.html"));
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).doesNotContain("javascript:").doesNotContain("<img");
    assertThat(html).contains("href=\"0002-next.html\">next</a>").contains("href=\"\">bad</a>");
    assertThat(html).doesNotContain("flowchart").doesNotContain("Date: 2026").doesNotContain("kv-or-stream: generated");
    assertThat(html).contains("<table>").contains("<h2 id=\"context\">Context</h2>");
    assertThat(html).doesNotContain("<h1");
  }

  @Test
  void aMadrAdrLosesItsFrontMatterAndMetadataListButKeepsItsSections() {
    String html = new MarkdownHtml().render("""
        ---
        status: accepted
        date: 2026-01-01

        ---

        # Title

        - Status: accepted
        - Date: 2026-01-01

        ## Context and Problem Statement

        Why.
        """, Map.of());
    assertThat(html).doesNotContain("status: accepted").doesNotContain("Status: accepted").doesNotContain("<hr");
    assertThat(html).startsWith("<h2 id=\"context-and-problem-statement\">");
  }

  @Test
  void theSiteOfTheExamplesHasAPagePerDecisionAndOnlyRelativeLinks() throws IOException {
    Path out = work.resolve("public");
    Run r = site("decisions", out);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out.resolve("index.html")).exists();
    assertThat(out.resolve("heuristic.html")).exists();
    assertThat(out.resolve("0001-entity-state-changes.html")).exists();
    assertThat(out.resolve("style.css")).exists();
    for (Path page : Files.list(out).filter(p -> p.toString().endsWith(".html")).toList()) {
      String html = Files.readString(page);
      assertThat(html).doesNotContainPattern("(href|src)=\"(/|https?:)");
      assertThat(html).doesNotContain(out.toString());
    }
    // every link from a decision page to the heuristic page finds its section there, the
    // shared classes the snippets call included
    String heuristic = Files.readString(out.resolve("heuristic.html"));
    java.util.Set<String> targets = new java.util.TreeSet<>();
    for (Path page : Files.list(out).filter(p -> p.getFileName().toString().matches("\\d{4}-.*\\.html")).toList()) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"heuristic\\.html#([^\"]+)\"")
          .matcher(Files.readString(page));
      while (m.find()) {
        targets.add(m.group(1));
      }
    }
    assertThat(targets).contains("streamwork", "kvfollow");
    targets.forEach(t -> assertThat(heuristic).contains("id=\"" + t + "\""));
    assertThat(heuristic).contains("final class StreamWork {", "final class KvFollow {");
    String index = Files.readString(out.resolve("index.html"));
    assertThat(index).contains("<script src=\"search-index.js\"></script>");
    assertThat(Files.readString(out.resolve("search-index.js"))).contains("\"0010-sensor-telemetry.html\": \"temperature telemetry");
  }

  @Test
  void aRerunWritesNothingAndTheUsersOwnFilesAreNeverTouched() throws IOException {
    Path out = work.resolve("public");
    Files.createDirectories(out);
    Files.writeString(out.resolve("CNAME"), "decisions.example.org\n");
    Files.writeString(out.resolve("index.html"), "<p>my own page</p>");
    Run first = site("decisions", out);
    assertThat(first.code()).isEqualTo(1);
    assertThat(first.err()).contains("index.html: not written by the site; left as it is");
    assertThat(Files.readString(out.resolve("index.html"))).isEqualTo("<p>my own page</p>");

    Files.delete(out.resolve("index.html"));
    assertThat(site("decisions", out).code()).isZero();
    Run second = site("decisions", out);
    assertThat(second.out()).contains("site: 0 written, 15 unchanged, 0 removed");
    assertThat(out.resolve("CNAME")).hasContent("decisions.example.org");
  }

  @Test
  void pagesThatAreNoLongerProducedAreRemovedOnlyIfUnchanged(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("0001-a.yaml"), "title: A\n");
    Files.writeString(folder.resolve("0002-b.yaml"), "title: B\n");
    Path out = work.resolve("public");
    assertThat(site(folder.toString(), out).code()).isZero();
    Files.writeString(out.resolve("0002-b.html"), "changed by hand");
    Files.delete(folder.resolve("0001-a.yaml"));
    Files.delete(folder.resolve("0002-b.yaml"));
    Files.writeString(folder.resolve("0003-c.yaml"), "title: C\n");
    Run r = site(folder.toString(), out);
    assertThat(r.out()).contains("1 removed");
    assertThat(out.resolve("0001-a.html")).doesNotExist();
    assertThat(out.resolve("0002-b.html")).hasContent("changed by hand");
    assertThat(out.resolve("0003-c.html")).exists();
  }

  @Test
  void theSameDecisionsGiveTheSameSiteBytes() throws IOException {
    // a real log: the lifecycle designs (links, every status, special characters, a
    // hand-written ADR) and one more hand-written ADR with a table
    Path folder = work.resolve("decisions");
    Files.createDirectories(folder);
    try (var files = Files.list(Path.of("src/test/resources/golden/lifecycle/input"))) {
      for (Path f : files.toList()) {
        Files.copy(f, folder.resolve(f.getFileName()));
      }
    }
    Files.writeString(folder.resolve("0200-written-by-hand.md"),
        "# 200. Written by hand\n\nDate: 2026-02-01\n\n## Status\n\nAccepted\n\n## Context\n\nA table:\n\n"
            + "| a | b |\n| --- | --- |\n| 1 | 2 |\n");
    Path a = work.resolve("a");
    Path b = work.resolve("b/c");
    Run first = site(folder.toString(), a);
    Run second = site(folder.toString(), b);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(second.code()).as(second.err()).isZero();
    List<String> names;
    try (var files = Files.list(a)) {
      names = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    try (var files = Files.list(b)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactlyElementsOf(names);
    }
    assertThat(names).contains("0200-written-by-hand.html", "0003-use-nats.html",
        "0006-special-characters.html", "index.html", "search-index.js", SiteWriter.MANIFEST);
    assertThat(names.stream().filter(n -> n.endsWith(".html"))).hasSize(9);
    for (String name : names) {
      assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
    }
  }

  @Test
  void pagesAreTheSameWhetherTheAdrsAreReadFromDiskOrRenderedAndAnEditedAdrIsNotUsed() throws IOException {
    // decisions/ holds its ADRs as generate wrote them: the site reads those
    var heuristic = Heuristic.standard();
    var log = DecisionLog.build(Folder.read(Path.of("decisions"),
        "decisions", new DesignLoader(heuristic.catalogue().ids())),
        new Assessor(heuristic, true));
    var renderer = new Renderer(Templates.builtIn(),
        heuristic.catalogue(), "nygard", true);
    var publisher = new Publisher(Path.of("decisions"));
    assertThat(publisher.upToDate(renderer.inputs(log))).hasSize(log.entries().size());
    assertThat(publisher.upToDateText("0001-entity-state-changes.md", renderer.inputs(log.entries().get(0), log)))
        .isEqualTo(Files.readString(Path.of("decisions/0001-entity-state-changes.md")));
    assertThat(publisher.upToDateText("0001-entity-state-changes.md", "0000000000000000")).isNull();
    Path fromDisk = work.resolve("from-disk");
    site("decisions", fromDisk);
    // a copy of the designs alone: every ADR is rendered
    Path designs = work.resolve("designs");
    Files.createDirectories(designs);
    for (Path f : Files.list(Path.of("decisions")).toList()) {
      if (f.toString().endsWith(".yaml")) {
        Files.copy(f, designs.resolve(f.getFileName()));
      }
    }
    Path rendered = work.resolve("rendered");
    assertThat(site(designs.toString(), rendered).code()).isZero();
    assertThat(Files.list(rendered).count()).isEqualTo(Files.list(fromDisk).count());
    for (Path f : Files.list(fromDisk).toList()) {
      assertThat(rendered.resolve(f.getFileName())).as(f.getFileName().toString()).hasSameBinaryContentAs(f);
    }
    // an ADR edited by hand is not what the design says: the site renders the design instead
    Path withAdrs = work.resolve("with-adrs");
    Files.createDirectories(withAdrs);
    for (Path f : Files.list(Path.of("decisions")).toList()) {
      Files.copy(f, withAdrs.resolve(f.getFileName()));
    }
    Path adr = withAdrs.resolve("0001-entity-state-changes.md");
    Files.writeString(adr, Files.readString(adr).replace("## Context", "## Context\n\nEDITED BY HAND"));
    Path edited = work.resolve("edited");
    assertThat(site(withAdrs.toString(), edited).code()).isZero();
    assertThat(edited.resolve("0001-entity-state-changes.html")).hasSameBinaryContentAs(
        fromDisk.resolve("0001-entity-state-changes.html"));
    assertThat(Files.readString(edited.resolve("0001-entity-state-changes.html"))).doesNotContain("EDITED BY HAND");
  }
}
