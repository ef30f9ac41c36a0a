package dev.kvorstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.ledger.HandWritten;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class LifecycleTest extends FolderTest {

  @Test
  void statusEditsTheDesignInPlaceKeepingCommentsAndLineEnds() throws IOException {
    String crlf = "# our design\r\ntitle: Tool runs   # the path\r\nstatus: proposed   # for now\r\nanswers:\r\n  restart: resume\r\n";
    design("0001-tool-runs.yaml", crlf);
    Cli.Result r = Cli.run(work, "status", "1", "accepted");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("decisions/0001-tool-runs.yaml: status proposed -> accepted");
    assertThat(read("0001-tool-runs.yaml")).isEqualTo(crlf.replace("status: proposed", "status: accepted"));

    assertThat(Cli.run(work, "deprecate", "1").code()).isZero();
    assertThat(read("0001-tool-runs.yaml")).contains("status: deprecated   # for now\r\n");

    design("0002-no-status.yaml", "title: No status yet\nanswers: {restart: reprocess}\n");
    assertThat(Cli.run(work, "accept", "2").code()).isZero();
    assertThat(read("0002-no-status.yaml")).isEqualTo("title: No status yet\nstatus: accepted\nanswers: {restart: reprocess}\n");

    assertThat(Cli.run(work, "status", "1", "done").code()).isEqualTo(2);
    assertThat(Cli.run(work, "status", "9", "accepted").err()).contains("no design numbered 9");
  }

  @Test
  void aBranchCollisionIsNamedByCheckAndFixedByRenumber() throws IOException {
    // main had 1 and 2; two branches each added decision 3; both merged
    design("0001-base.yaml", "title: Base\nstatus: accepted\nanswers: {restart: resume}\n");
    design("0002-other.yaml", "title: Other\nstatus: accepted\nanswers: {restart: reprocess}\n");
    design("0003-from-branch-a.yaml", "title: From branch A\nanswers: {restart: resume}\nrelated: [1]\n");
    design("0003-from-branch-b.yaml", "title: From branch B\nanswers: {restart: reprocess}\nrelated: [2]\n");
    design("0004-refers-to-three.yaml", "title: Refers to three\nanswers: {restart: resume}\nrelated: [3, 1]\n");

    Cli.Result check = Cli.run(work, "check");
    assertThat(check.code()).isEqualTo(1);
    assertThat(check.err()).contains("decision number 3 is taken by 2 files (0003-from-branch-a.yaml, 0003-from-branch-b.yaml)",
        "fix it with: kv-or-stream renumber decisions/0003-from-branch-b.yaml");
    assertThat(Cli.run(work, "generate").code()).isEqualTo(2);

    Cli.Result renumber = Cli.run(work, "renumber", "decisions/0003-from-branch-b.yaml");
    assertThat(renumber.code()).as("an ambiguous reference is reported").isEqualTo(1);
    assertThat(renumber.out()).contains("moved decisions/0003-from-branch-b.yaml -> decisions/0005-from-branch-b.yaml");
    assertThat(renumber.err()).contains("0004-refers-to-three.yaml:3:11: refers to 3, which is taken by another file too");
    assertThat(read("0004-refers-to-three.yaml")).contains("related: [3, 1]");

    assertThat(Cli.run(work, "check").code()).isEqualTo(1);
    Cli.Result gen = Cli.run(work, "generate");
    assertThat(gen.code()).as(gen.err()).isZero();
    assertThat(Cli.run(work, "check").code()).isZero();
    assertThat(read("0005-from-branch-b.md")).startsWith("# 5. From branch B\n");
  }

  @Test
  void renumberRewritesUnambiguousReferencesAndRetiresTheOldAdr() throws IOException {
    design("0001-a.yaml", "title: A\nstatus: superseded\nanswers: {restart: resume}\n");
    design("0002-b.yaml", "title: B\n# comment kept\nsupersedes:\n  - 1\nrelated: [1]\nanswers: {restart: resume}\n");
    assertThat(Cli.run(work, "generate").code()).isZero();
    Cli.Result r = Cli.run(work, "renumber", "decisions/0001-a.yaml", "--to", "7");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("updated decisions/0002-b.yaml: 2 references 1 -> 7",
        "removed decisions/0001-a.md (generate writes 0007-a.md)");
    assertThat(read("0002-b.yaml")).isEqualTo("title: B\n# comment kept\nsupersedes:\n  - 7\nrelated: [7]\nanswers: {restart: resume}\n");
    assertThat(decisions.resolve("0007-a.yaml")).exists();
    assertThat(decisions.resolve("0001-a.yaml")).doesNotExist();
    assertThat(Cli.run(work, "generate").code()).isZero();
    assertThat(read("0007-a.md")).contains("Superseded by [2. B](0002-b.md)");
    assertThat(Cli.run(work, "renumber", "decisions/0007-a.yaml", "--to", "2").err()).contains("decision number 2 is taken");
  }

  @Test
  void linksAreWrittenBothWaysInBothStylesAndReadersFindTitleStatusAndDate() throws IOException {
    design("0001-old.yaml", "title: Old way\nstatus: superseded\ndate: 2026-01-01\nanswers: {restart: resume}\n");
    design("0002-base.yaml", "title: Base\nstatus: accepted\ndate: 2026-01-02\nanswers: {restart: reprocess}\n");
    design("0003-new.yaml", "title: New way\nstatus: accepted\ndate: 2026-02-01\ndeciders: [team a]\n"
        + "answers: {restart: resume}\nsupersedes: [1]\namends: [2]\n");

    assertThat(Cli.run(work, "generate").code()).isZero();
    String old = read("0001-old.md");
    String base = read("0002-base.md");
    String neu = read("0003-new.md");
    assertThat(old).contains("## Status\n\nsuperseded\n\nSuperseded by [3. New way](0003-new.md)");
    assertThat(base).contains("Amended by [3. New way](0003-new.md)");
    assertThat(neu).contains("Supersedes [1. Old way](0001-old.md)", "Amends [2. Base](0002-base.md)");
    // read them as adr-tools does: the first line, the first line under ## Status, Date:
    HandWritten read = HandWritten.parse(1, "0001-old.md", old);
    assertThat(read.title()).isEqualTo("Old way");
    assertThat(read.status()).isEqualTo("superseded");
    assertThat(read.date()).isEqualTo("2026-01-01");
    assertThat(old.lines().findFirst()).hasValue("# 1. Old way");

    assertThat(Cli.run(work, "generate", "--style", "madr", "--force").code()).isZero();
    String madrOld = read("0001-old.md");
    String madrNew = read("0003-new.md");
    Map<String, Object> front = frontMatter(madrNew);
    assertThat(front).containsEntry("status", "accepted").containsEntry("date", "2026-02-01");
    assertThat(front.get("decision-makers")).isEqualTo(List.of("team a"));
    assertThat(frontMatter(madrOld)).containsEntry("status", "superseded");
    // the list log4brains reads: before the first ## heading, status superseded by the successor's slug
    String header = madrOld.substring(0, madrOld.indexOf("\n## "));
    assertThat(header).contains("\n# Old way\n", "- Status: superseded by [0003-new](0003-new.md)", "- Date: 2026-01-01");
    assertThat(madrNew.substring(0, madrNew.indexOf("\n## "))).contains("- Status: accepted", "- Deciders: team a");
    assertThat(madrNew).contains("* Supersedes [1. Old way](0001-old.md)", "* Amends [2. Base](0002-base.md)");
    assertThat(read("0002-base.md")).contains("* Amended by [3. New way](0003-new.md)");
    // no line of the front matter may turn into a heading for a Markdown reader
    String frontText = madrNew.substring(0, madrNew.indexOf("\n---\n", 4));
    assertThat(frontText).endsWith("\n");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> frontMatter(String md) {
    assertThat(md).startsWith("---\n");
    String yaml = md.substring(4, md.indexOf("\n---\n", 4));
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
  }

  @Test
  void aConfigFileSetsTheFolderStyleAndSiteOutput() throws IOException {
    Path adr = Files.createDirectories(work.resolve("docs/adr"));
    Files.writeString(adr.resolve("0001-a.yaml"), "title: A\nstatus: accepted\nanswers: {restart: resume}\n");
    Files.writeString(work.resolve("kv-or-stream.yaml"), "dir: docs/adr\nstyle: madr\nsite:\n  out: public\n");
    assertThat(Cli.run(work, "generate").code()).isZero();
    assertThat(Files.readString(adr.resolve("0001-a.md"))).startsWith("---\nstatus: accepted\n");
    assertThat(Cli.run(work, "site").code()).isZero();
    assertThat(work.resolve("public/0001-a.html")).exists();
    assertThat(Cli.run(work, "generate", "--style", "nygard", "--force").code()).isZero();
    assertThat(Files.readString(adr.resolve("0001-a.md"))).startsWith("# 1. A\n");

    Files.writeString(work.resolve("kv-or-stream.yaml"), "dir: docs/adr\nstyel: madr\n");
    Cli.Result bad = Cli.run(work, "list");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("kv-or-stream.yaml:2:1: error: unknown key 'styel' in kv-or-stream.yaml; did you mean 'style'?");
  }

  @Test
  void exportGraphCompletionAndSchema() throws IOException {
    design("0001-a.yaml", "title: A \"quoted\"\nstatus: accepted\nanswers: {restart: resume}\nnats: {stream: A_STREAM}\n");
    design("0002-b.yaml", "title: B\nanswers: {restart: reprocess}\nsupersedes: [1]\nrelated: [1]\n");
    Cli.Result export = Cli.run(work, "export", "--format", "json");
    assertThat(export.code()).isZero();
    assertThat(export.out()).startsWith("{\n  \"format\": \"kv-or-stream/decisions\",\n  \"version\": 1,")
        .contains("\"title\": \"A \\\"quoted\\\"\"", "\"stream\": \"A_STREAM\"", "\"superseded-by\": [2]",
            "\"verdict\": \"kv-watch\"");
    Cli.Result mermaid = Cli.run(work, "graph");
    assertThat(mermaid.out()).contains("flowchart LR", "d1[\"1. A #quot;quoted#quot;\"]:::stream",
        "d2 -->|supersedes| d1", "d1 --- d2");
    Cli.Result dot = Cli.run(work, "graph", "--format", "dot");
    assertThat(dot.out()).contains("digraph decisions {", "d1 [label=\"1. A \\\"quoted\\\"\"",
        "d2 -> d1 [label=\"supersedes\"];");
    assertThat(Cli.run(work, "graph", "--format", "png").code()).isEqualTo(2);
    assertThat(Cli.run(work, "generate").code()).isZero();
    assertThat(read("README.md")).contains("## Map", "```mermaid", "d2 -->|supersedes| d1");

    Cli.Result bash = Cli.run(work, "completion", "bash");
    assertThat(bash.out()).contains("complete -F", "generate", "renumber");
    assertThat(Cli.run(work, "completion", "zsh").out()).contains("ZSH_VERSION", "bashcompinit");

    Cli.Result created = Cli.run(work, "new", "Schema please");
    assertThat(read("0003-schema-please.yaml")).startsWith("# yaml-language-server: $schema=design.schema.json\n");
    assertThat(read("design.schema.json")).isEqualTo(Files.readString(Path.of("docs/design.schema.json")));
    assertThat(created.code()).isZero();
  }

  @Test
  void newAskAsksTheFourQuestionsAndWritesTheAnswers() throws IOException {
    Cli.Result r = Cli.runWithInput(work,
        "The graph service publishes each entity's properties; three services read them\n"
            + "yes\nthe state is rebuilt on restart\nx\n1\n\n3\n1\n\n",
        "new", "Entity state", "--ask");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Context: what flows", "Test 1, restart:", "3) don't know",
        "Type 1, 2 or 3 (or fan-out, queue; Enter for don't know).", "Verdict: KV watch");
    String yaml = read("0001-entity-state.yaml");
    assertThat(yaml).contains("  restart: reprocess\n", "  delivery: fan-out\n", "  # processing:\n",
        "  nature: fact\n", "why:\n  restart: \"the state is rebuilt on restart\"\n",
        "context: |\n  The graph service publishes each entity's properties; three services read them\n");
    assertThat(Cli.run(work, "decide", "decisions/0001-entity-state.yaml").code()).isZero();
  }

  @Test
  void newAskWithAContextOptionDoesNotAskForIt() throws IOException {
    Cli.Result r = Cli.runWithInput(work, "no\n\n\n\n\n", "new", "Report exports", "--ask",
        "--context", "Each export runs for an hour");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("Context: what flows");
    assertThat(read("0001-report-exports.yaml")).contains("  restart: resume\n", "Each export runs for an hour");
  }

  @Test
  void newLinksTheNewDesignAndMarksTheSupersededOneInPlace() throws IOException {
    String old = "# the first try\ntitle: Old way\nstatus: accepted   # since March\nanswers: {restart: resume}\n";
    design("0001-old.yaml", old);
    design("0002-base.yaml", "title: Base\nstatus: accepted\nanswers: {restart: reprocess}\n");
    design("0003-other.yaml", "title: Other\nstatus: accepted\nanswers: {restart: reprocess}\n");
    Cli.Result r = Cli.run(work, "new", "New way", "--supersedes", "1", "--amends=2", "--related", "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("decisions/0004-new-way.yaml\n");
    assertThat(r.err()).contains("decisions/0001-old.yaml: status accepted -> superseded (by 4)");
    assertThat(read("0004-new-way.yaml")).contains("\nsupersedes: [1]\n", "\namends: [2]\n", "\nrelated: [3]\n");
    assertThat(read("0001-old.yaml")).isEqualTo(old.replace("status: accepted", "status: superseded"));

    Cli.Result generate = Cli.run(work, "generate");
    assertThat(generate.code()).as(generate.err()).isZero();
    Cli.Result check = Cli.run(work, "check");
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(read("0001-old.md")).contains("Superseded by [4. New way](0004-new-way.md)");
    assertThat(read("0003-other.md")).contains("[4. New way](0004-new-way.md)");

    Cli.Result twice = Cli.run(work, "new", "Newer way", "--supersedes", "4", "--supersedes", "1", "--related", "2");
    assertThat(twice.code()).as(twice.err()).isZero();
    assertThat(read("0005-newer-way.yaml")).contains("\nsupersedes: [4, 1]\n", "\nrelated: [2]\n");
    assertThat(read("0004-new-way.yaml")).contains("status: superseded");
  }

  @Test
  void newWithALinkToNoDecisionWritesNothing() throws IOException {
    String old = "title: Old way\nstatus: accepted\n";
    design("0001-old.yaml", old);
    Cli.Result r = Cli.run(work, "new", "New way", "--supersedes", "1", "--related", "9");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no decision numbered 9");
    assertThat(read("0001-old.yaml")).isEqualTo(old);
    try (var files = Files.list(decisions)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("0001-old.yaml");
    }
  }

  @Test
  void newWithATitleThatIsTakenNamesTheDecisionAndWritesNothingUnlessForced() throws IOException {
    design("0001-orders.yaml", "title: Order events\nstatus: accepted\n");
    Cli.Result r = Cli.run(work, "new", "order  EVENTS ");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("decisions/0001-orders.yaml already has the title 'Order events'", "--force");
    assertThat(decisions.resolve("0002-order-events.yaml")).doesNotExist();
    Cli.Result forced = Cli.run(work, "new", "Order events", "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(decisions.resolve("0002-order-events.yaml")).exists();

    design("0003-broken.yaml", "titel: Broken\n");
    Cli.Result beside = Cli.run(work, "new", "Another path");
    assertThat(beside.code()).as("a broken design does not stop new").isZero();
    assertThat(beside.err()).contains("titles were not compared");
    assertThat(decisions.resolve("0004-another-path.yaml")).exists();
    assertThat(Cli.run(work, "new", "Linked", "--related", "1").code()).as("links need a readable folder").isEqualTo(2);
  }

  @Test
  void newAskThatRunsOutOfInputWritesNothing() throws IOException {
    Cli.Result r = Cli.runWithInput(work, "\n1\n\n2\n", "new", "Entity state", "--ask");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("before test 3 was answered; nothing written");
    try (var files = Files.list(decisions)) {
      assertThat(files).isEmpty();
    }
    Cli.Result elsewhere = Cli.runWithInput(work, "", "new", "Entity state", "--ask", "--dir", "fresh");
    assertThat(elsewhere.code()).isEqualTo(2);
    assertThat(work.resolve("fresh")).doesNotExist();
  }

  @Test
  void acceptingAnAcceptedDecisionSaysSoAndChangesNothing() throws IOException {
    design("0002-done.yaml", "title: Done\nstatus: accepted\n");
    FileTime then = FileTime.fromMillis(1_000_000_000L);
    Files.setLastModifiedTime(decisions.resolve("0002-done.yaml"), then);
    Cli.Result r = Cli.run(work, "accept", "2");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("decisions/0002-done.yaml: already accepted; nothing changed\n");
    assertThat(Files.getLastModifiedTime(decisions.resolve("0002-done.yaml"))).isEqualTo(then);
    assertThat(Cli.run(work, "status", "2", "accepted").out()).contains("already accepted");
  }
}
