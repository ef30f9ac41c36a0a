package dev.kvorstream.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tool's part of every fingerprint covers its version and every template and data file
 * it ships, so a new version or a changed file can never leave an ADR that looks up to date.
 */
class ToolPrintTest {

  static Set<String> filesUnder(Path root, String prefix) throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(Files::isRegularFile)
          .forEach(f -> names.add(prefix + root.relativize(f).toString().replace('\\', '/')));
    }
    return names;
  }

  @Test
  void theVersionIsTheOneThePomGives() throws IOException {
    Matcher m = Pattern.compile("<artifactId>kv-or-stream</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(Path.of("pom.xml")));
    assertThat(m.find()).isTrue();
    assertThat(ToolPrint.version()).isEqualTo(m.group(1));
  }

  @Test
  void everyTemplateAndDataFileOfTheSourcesIsRead() throws IOException {
    Set<String> sources = filesUnder(Path.of("templates"), "templates/");
    sources.addAll(filesUnder(Path.of("src/main/resources/dev/kvorstream"), "dev/kvorstream/"));
    Set<String> read = ToolPrint.resources(name -> !name.endsWith(".class")
        && (name.startsWith("templates/") || name.startsWith("dev/kvorstream/"))).keySet();
    assertThat(read).containsExactlyInAnyOrderElementsOf(sources);
  }

  @Test
  void theAdrPrintCoversEveryTemplateButTheSitesAndAllData() {
    assertThat(ToolPrint.forAdrs("templates/lib/nats.ftl")).isTrue();
    assertThat(ToolPrint.forAdrs("templates/a-new-include.ftl")).isTrue();
    assertThat(ToolPrint.forAdrs("dev/kvorstream/heuristic/cases.yaml")).isTrue();
    assertThat(ToolPrint.forAdrs("templates/site/style.css")).isFalse();
    assertThat(ToolPrint.forAdrs("templates/mcp/questions.json.ftl")).as("the MCP server's").isFalse();
    assertThat(ToolPrint.forAdrs("dev/kvorstream/mcp/tools.json")).as("the MCP server's").isFalse();
    assertThat(ToolPrint.forAdrs("dev/kvorstream/render/Renderer.class")).isFalse();
    assertThat(ToolPrint.forSite("templates/site/app.js")).isTrue();
    assertThat(ToolPrint.forSite("templates/adr.md.ftl")).isFalse();
  }

  @Test
  void aNewVersionAChangedFileOrANewFileChangesThePrint() {
    Map<String, byte[]> files = new HashMap<>();
    files.put("templates/adr.md.ftl", "# ${title}\n".getBytes(StandardCharsets.UTF_8));
    files.put("dev/kvorstream/heuristic/cases.yaml", "cases: []\n".getBytes(StandardCharsets.UTF_8));
    String before = ToolPrint.print("0.1.0", files, ToolPrint::forAdrs);
    assertThat(ToolPrint.print("0.1.0", new HashMap<>(files), ToolPrint::forAdrs)).isEqualTo(before);
    assertThat(ToolPrint.print("0.2.0", files, ToolPrint::forAdrs)).isNotEqualTo(before);
    Map<String, byte[]> changed = new HashMap<>(files);
    changed.put("templates/adr.md.ftl", "# ${title}!\n".getBytes(StandardCharsets.UTF_8));
    assertThat(ToolPrint.print("0.1.0", changed, ToolPrint::forAdrs)).isNotEqualTo(before);
    Map<String, byte[]> added = new HashMap<>(files);
    added.put("templates/lib/more.ftl", new byte[0]);
    assertThat(ToolPrint.print("0.1.0", added, ToolPrint::forAdrs)).isNotEqualTo(before);
    Map<String, byte[]> site = new HashMap<>(files);
    site.put("templates/site/style.css", "body {}".getBytes(StandardCharsets.UTF_8));
    assertThat(ToolPrint.print("0.1.0", site, ToolPrint::forAdrs)).as("a site file is not an ADR's input")
        .isEqualTo(before);
  }
}
