package dev.kvorstream.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.design.DesignLoader;
import dev.kvorstream.heuristic.Heuristic;
import dev.kvorstream.ledger.Assessor;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.ledger.Folder;
import dev.kvorstream.model.Marker;
import dev.kvorstream.model.RenderedFiles;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.Templates;
import dev.kvorstream.site.SiteBuilder;
import dev.kvorstream.write.SiteWriter.Action;
import dev.kvorstream.write.SiteWriter.Change;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site's writer: made only when needed, and never over a person's change. */
class SiteWriterTest {

  @TempDir Path out;

  /** Which files were made, and how often. */
  final Map<String, Integer> made = new ConcurrentHashMap<>();

  RenderedFiles output(Map<String, String> texts, Map<String, String> prints) {
    return new RenderedFiles(List.copyOf(texts.keySet()), name -> {
      made.merge(name, 1, Integer::sum);
      return texts.get(name);
    }, prints::get);
  }

  static Map<String, Action> actions(List<Change> changes) {
    Map<String, Action> out = new TreeMap<>();
    changes.forEach(c -> out.put(c.file(), c.action()));
    return out;
  }

  final Map<String, String> texts = new LinkedHashMap<>(Map.of(
      "index.html", "<p>index</p>", "0001-a.html", "<p>a</p>", "0002-b.html", "<p>b</p>"));
  final Map<String, String> prints = new ConcurrentHashMap<>(Map.of(
      "0001-a.html", "1111111111111111", "0002-b.html", "2222222222222222"));

  @Test
  void aPageWhoseInputsAreUnchangedAndIntactIsNotMadeAgain() throws IOException {
    SiteWriter writer = new SiteWriter(out);
    assertThat(actions(writer.write(output(texts, prints), false))).containsOnlyKeys(texts.keySet())
        .allSatisfy((name, action) -> assertThat(action).isEqualTo(Action.CREATED));
    assertThat(made).containsOnlyKeys(texts.keySet());
    assertThat(Files.readString(out.resolve(SiteWriter.MANIFEST)))
        .contains(Marker.sha256("<p>a</p>") + " 1111111111111111  0001-a.html\n")
        .contains(Marker.sha256("<p>index</p>") + "  index.html\n");

    made.clear();
    assertThat(actions(writer.write(output(texts, prints), false)).values()).containsOnly(Action.UNCHANGED);
    assertThat(made).containsOnlyKeys("index.html");

    // b's inputs change: b alone is made again (with its new text)
    made.clear();
    texts.put("0002-b.html", "<p>b, changed</p>");
    prints.put("0002-b.html", "3333333333333333");
    assertThat(actions(writer.write(output(texts, prints), false)))
        .containsEntry("0002-b.html", Action.UPDATED).containsEntry("0001-a.html", Action.UNCHANGED);
    assertThat(made).containsOnlyKeys("index.html", "0002-b.html");
    assertThat(out.resolve("0002-b.html")).hasContent("<p>b, changed</p>");
  }

  @Test
  void aPageEditedByHandIsMadeAndComparedAndKeptWithoutForce() throws IOException {
    SiteWriter writer = new SiteWriter(out);
    writer.write(output(texts, prints), false);
    Files.writeString(out.resolve("0001-a.html"), "<p>mine</p>");
    made.clear();
    assertThat(actions(writer.write(output(texts, prints), false))).containsEntry("0001-a.html", Action.KEPT_CHANGED);
    assertThat(made).containsKey("0001-a.html");
    assertThat(out.resolve("0001-a.html")).hasContent("<p>mine</p>");
    // still kept on the next run: the manifest keeps the checksum of what the site wrote
    assertThat(actions(writer.write(output(texts, prints), false))).containsEntry("0001-a.html", Action.KEPT_CHANGED);
    assertThat(actions(writer.write(output(texts, prints), true))).containsEntry("0001-a.html", Action.UPDATED);
    assertThat(out.resolve("0001-a.html")).hasContent("<p>a</p>");
  }

  @Test
  void aManifestOfAnEarlierVersionWithoutFingerprintsStillMarksTheFilesAsOurs() throws IOException {
    List<String> lines = new ArrayList<>(List.of("# written by an earlier kv-or-stream"));
    for (var t : texts.entrySet()) {
      Files.writeString(out.resolve(t.getKey()), "old " + t.getValue());
      lines.add(Marker.sha256("old " + t.getValue()) + "  " + t.getKey());
    }
    Files.write(out.resolve(SiteWriter.MANIFEST), lines);
    assertThat(actions(new SiteWriter(out).write(output(texts, prints), false)).values())
        .containsOnly(Action.UPDATED);
    assertThat(made).containsOnlyKeys(texts.keySet());
    assertThat(Files.readString(out.resolve(SiteWriter.MANIFEST))).contains(" 2222222222222222  0002-b.html\n");
  }

  static DecisionLog log(Path dir) {
    var heuristic = Heuristic.standard();
    return DecisionLog.build(Folder.read(dir,
        dir.toString(), new DesignLoader(heuristic.catalogue().ids())),
        new Assessor(heuristic, true));
  }

  @Test
  void theFingerprintOfAPageFollowsItsDecisionAndItsNeighboursTitles(@TempDir Path copy) throws IOException {
    var heuristic = Heuristic.standard();
    var log = log(Path.of("decisions"));
    var templates = Templates.builtIn();
    var renderer = new Renderer(templates, heuristic.catalogue(), "nygard", true);
    Function<String, String> inputs = new SiteBuilder(templates, renderer, heuristic.catalogue())
        .plan(log, (file, print) -> null).inputs();
    Function<String, String> again = new SiteBuilder(templates, renderer, heuristic.catalogue())
        .plan(log, (file, print) -> null).inputs();
    var madr = new Renderer(templates, heuristic.catalogue(), "madr", true);
    Function<String, String> otherStyle = new SiteBuilder(templates, madr, heuristic.catalogue())
        .plan(log, (file, print) -> null).inputs();
    String page = "0002-document-ingestion-tasks.html";
    assertThat(inputs.apply(page)).matches("[0-9a-f]{16}").isEqualTo(again.apply(page))
        .isNotEqualTo(inputs.apply("0003-search-index-updates.html"))
        .isNotEqualTo(otherStyle.apply(page));
    assertThat(inputs.apply("index.html")).isNull();

    // decision 1's title changes: its page, its neighbour 2 (previous link) and 3 (related
    // link) get new fingerprints; 6 does not show decision 1 and keeps its fingerprint
    for (Path f : Files.list(Path.of("decisions")).toList()) {
      String text = Files.readString(f);
      Files.writeString(copy.resolve(f.getFileName()), f.getFileName().toString().startsWith("0001-")
          ? text.replace("title: Entity state changes in the knowledge graph", "title: Entity changes") : text);
    }
    Function<String, String> retitled = new SiteBuilder(templates, renderer, heuristic.catalogue())
        .plan(log(copy), (file, print) -> null).inputs();
    for (String changed : List.of("0001-entity-state-changes.html", "0002-document-ingestion-tasks.html",
        "0003-search-index-updates.html")) {
      assertThat(retitled.apply(changed)).as(changed).isNotEqualTo(inputs.apply(changed));
    }
    assertThat(retitled.apply("0006-tool-execution-requests.html"))
        .isEqualTo(inputs.apply("0006-tool-execution-requests.html"));
  }
}
