package dev.kvorstream.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/lifecycle.md: switching style re-renders every ADR kv-or-stream wrote and nobody
 * edited, without --force; an edited one is kept until --force, which saves it as NAME.orig.
 */
class StyleSwitchTest {

  @TempDir Path work;

  int generate(String... more) {
    String[] args = Stream.concat(Stream.of("generate", "--dir", "d"), Stream.of(more)).toArray(String[]::new);
    return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        new ByteArrayInputStream(new byte[0]), Clock.systemUTC(), work);
  }

  List<Path> adrs() throws IOException {
    try (Stream<Path> files = Files.list(work.resolve("d"))) {
      return files.filter(p -> p.getFileName().toString().matches("\\d{4}-.*\\.md")).sorted().toList();
    }
  }

  static boolean madr(Path adr) throws IOException {
    return Files.readString(adr).startsWith("---\n");
  }

  @Test
  void switchingStyleRerendersUneditedAdrsWithoutForceAndKeepsEditedOnes() throws IOException {
    Path dir = Files.createDirectories(work.resolve("d"));
    try (Stream<Path> designs = Files.list(Path.of("decisions"))) {
      for (Path d : designs.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Files.copy(d, dir.resolve(d.getFileName()));
      }
    }
    assertThat(generate()).isZero();
    List<Path> adrs = adrs();
    assertThat(adrs).hasSizeGreaterThan(2);
    for (Path adr : adrs) {
      assertThat(madr(adr)).as(adr.toString()).isFalse();
    }
    Path edited = adrs.get(1);
    String mine = Files.readString(edited).replaceFirst("\n## Status\n", "\n## Status\n\nReviewed on Monday.\n");
    Files.writeString(edited, mine);

    assertThat(generate("--style", "madr")).as("an edited ADR was kept").isEqualTo(1);
    for (Path adr : adrs) {
      if (!adr.equals(edited)) {
        assertThat(madr(adr)).as(adr + " re-rendered in the new style without --force").isTrue();
      }
    }
    assertThat(Files.readString(edited)).isEqualTo(mine);

    assertThat(generate("--style", "madr", "--force")).isZero();
    assertThat(madr(edited)).isTrue();
    assertThat(Files.readString(edited.resolveSibling(edited.getFileName() + ".orig"))).isEqualTo(mine);
  }
}
