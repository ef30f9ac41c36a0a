package dev.kvorstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.write.Marker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An unchanged rerun renders nothing again; anything an ADR is rendered from, changed,
 * renders it again: its design, a linked decision's title, a template, the settings.
 */
class RerunTest extends FolderTest {

  @BeforeEach
  void designs() throws IOException {
    design("0001-a.yaml", "title: A\nstatus: accepted\nanswers: {restart: resume}\n");
    design("0002-b.yaml", "title: B\nanswers: {restart: reprocess}\nrelated: [1]\n");
    design("0003-c.yaml", "title: C\nanswers: {restart: reprocess}\n");
  }

  @Test
  void anUnchangedRerunRendersNothingAgain() {
    assertThat(Cli.run(work, "generate").out()).contains("generate: 4 written, 0 unchanged");
    Cli.Result again = Cli.run(work, "generate");
    assertThat(again.out()).contains("generate: 0 written, 4 unchanged (3 not rendered again: their inputs are unchanged)");
    assertThat(Cli.run(work, "generate", "--check").out()).contains("all 4 files are up to date");
    assertThat(Cli.run(work, "check").code()).isZero();
  }

  @Test
  void aLinkedDecisionsNewTitleRendersTheLinkingAdrAgain() throws IOException {
    Cli.run(work, "generate");
    design("0001-a.yaml", "title: A renamed\nstatus: accepted\nanswers: {restart: resume}\n");
    assertThat(Cli.run(work, "generate", "--check").err()).contains("0001-a.md: out of date", "0002-b.md: out of date")
        .doesNotContain("0003-c.md");
    Cli.Result r = Cli.run(work, "generate");
    assertThat(r.out()).contains("updated decisions/0001-a.md", "updated decisions/0002-b.md",
        "(1 not rendered again");
    assertThat(read("0002-b.md")).contains("Related to [1. A renamed](0001-a.md)");
  }

  @Test
  void aChangedTemplateOrSettingRendersEverythingAgain() throws IOException {
    Cli.run(work, "generate");
    Path templates = Files.createDirectories(work.resolve("t/lib"));
    Files.writeString(templates.resolve("words.ftl"),
        Files.readString(Path.of("templates/lib/words.ftl")).replace("\"KV watch\"", "\"KV bucket watch\""));
    Cli.Result r = Cli.run(work, "generate", "--templates", "t");
    assertThat(r.out()).contains("generate: 4 written, 0 unchanged").doesNotContain("not rendered again");
    assertThat(read("0002-b.md")).contains("KV bucket watch");
    Cli.Result noInfer = Cli.run(work, "generate", "--no-infer");
    assertThat(noInfer.code()).as(noInfer.err()).isZero();
    assertThat(noInfer.out()).contains("generate: ").doesNotContain("not rendered again");
  }

  @Test
  void aNewFileAUserTemplateImportsCountsAsAChangedInput() throws IOException {
    // the user's ADR template imports a file of their own, which no built-in list names
    Path t = Files.createDirectories(work.resolve("t"));
    Files.writeString(t.resolve("adr.md.ftl"), "<#include \"mine/footer.ftl\">\n");
    Files.createDirectories(t.resolve("mine"));
    Files.writeString(t.resolve("mine/footer.ftl"), "# ${title}\n\n## Footer\n\nfirst footer\n");
    assertThat(Cli.run(work, "generate", "--templates", "t").code()).isZero();
    assertThat(read("0001-a.md")).startsWith("# A\n\n## Footer\n\nfirst footer\n");
    assertThat(Cli.run(work, "generate", "--templates", "t").out()).contains("(3 not rendered again");
    Files.writeString(t.resolve("mine/footer.ftl"), "# ${title}\n\n## Footer\n\nsecond footer\n");
    Cli.Result r = Cli.run(work, "generate", "--templates", "t");
    assertThat(r.out()).contains("updated decisions/0001-a.md").doesNotContain("not rendered again");
    assertThat(read("0001-a.md")).startsWith("# A\n\n## Footer\n\nsecond footer\n");

    // the site's pages, likewise: a changed file under the user's folder makes them again
    Path out = work.resolve("site");
    assertThat(Cli.run(work, "site", "--templates", "t", "--out", out.toString()).code()).isZero();
    assertThat(Cli.run(work, "site", "--templates", "t", "--out", out.toString()).out())
        .contains("site: 0 written");
    Files.writeString(t.resolve("mine/unrelated.txt"), "a note\n");
    Files.writeString(t.resolve("mine/footer.ftl"), "# ${title}\n\n## Footer\n\nthird footer\n");
    assertThat(Cli.run(work, "site", "--templates", "t", "--out", out.toString()).out())
        .doesNotContain("site: 0 written");
    assertThat(Files.readString(out.resolve("0001-a.html"))).contains("third footer");
  }

  @Test
  void aUserPageTemplateThatListsEveryDecisionSeesEachNewTitle() throws IOException {
    Path site = Files.createDirectories(work.resolve("t/site"));
    Files.writeString(site.resolve("decision.ftlh"), Files.readString(Path.of("templates/site/decision.ftlh"))
        + "<p class=\"all\"><#list decisions as o>${o.title};</#list></p>\n");
    Path out = work.resolve("out");
    assertThat(Cli.run(work, "site", "--templates", "t", "--out", out.toString()).code()).isZero();
    assertThat(Files.readString(out.resolve("0001-a.html"))).contains("A;B;C;");
    design("0003-c.yaml", "title: C renamed\nanswers: {restart: reprocess}\n");
    assertThat(Cli.run(work, "site", "--templates", "t", "--out", out.toString()).code()).isZero();
    assertThat(Files.readString(out.resolve("0001-a.html"))).contains("A;B;C renamed;");
  }

  @Test
  void aHandEditIsNeverTakenForUpToDate() throws IOException {
    Cli.run(work, "generate");
    Files.writeString(decisions.resolve("0003-c.md"), read("0003-c.md").replace("## Context", "## Context\n\nmine"));
    Cli.Result r = Cli.run(work, "generate");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("0003-c.md: edited by hand");
    assertThat(Marker.intactInputs(read("0003-c.md"))).isNull();
    assertThat(Marker.intactInputs(read("0002-b.md"))).hasSize(16);
  }

  @Test
  void aMarkerWithoutAFingerprintStillCountsAsGenerated() {
    String old = Marker.seal("# 1. A\n", "0001-a.yaml");
    assertThat(Marker.state(old)).isEqualTo(Marker.State.GENERATED);
    assertThat(Marker.intactInputs(old)).isNull();
    String now = Marker.seal("# 1. A\n", "0001-a.yaml", "0123456789abcdef");
    assertThat(Marker.state(now)).isEqualTo(Marker.State.GENERATED);
    assertThat(Marker.source(now)).isEqualTo("0001-a.yaml");
    assertThat(Marker.intactInputs(now)).isEqualTo("0123456789abcdef");
  }
}
