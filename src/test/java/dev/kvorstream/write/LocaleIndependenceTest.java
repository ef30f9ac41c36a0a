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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM's locale changes nothing the tool writes: the same designs give the same ADRs,
 * index, site and file names under Turkish (dotless i), German and Arabic (its own digits)
 * as in the root locale.
 */
class LocaleIndependenceTest {

  @TempDir Path work;

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

  int run(Locale locale, String... args) {
    Locale before = Locale.getDefault();
    Locale.setDefault(locale);
    try {
      StringWriter err = new StringWriter();
      int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err),
          new ByteArrayInputStream(new byte[0]), CLOCK, work);
      assertThat(err.toString()).as(String.join(" ", args) + " under " + locale).isEmpty();
      return code;
    } finally {
      Locale.setDefault(before);
    }
  }

  /** Every file under a folder, by relative path, with its bytes as text. */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f).toString(), Files.readString(f));
      }
    }
    return out;
  }

  Map<String, String> build(Locale locale, String name) throws IOException {
    Path dir = work.resolve(name);
    Files.createDirectories(dir);
    try (Stream<Path> designs = Files.list(Path.of("decisions"))) {
      for (Path d : designs.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Files.copy(d, dir.resolve(d.getFileName()));
      }
    }
    assertThat(run(locale, "new", "Inventory item state for the audit log", "--dir", name,
        "--context", "The inventory service keeps the state of each item; the audit log reads it.")).isZero();
    assertThat(run(locale, "generate", "--dir", name)).isZero();
    assertThat(run(locale, "site", "--dir", name, "--out", name + "-site")).isZero();
    Map<String, String> all = new TreeMap<>();
    tree(dir).forEach((k, v) -> all.put("log/" + k, v));
    tree(work.resolve(name + "-site")).forEach((k, v) -> all.put("site/" + k, v));
    return all;
  }

  @Test
  void theSameDesignsGiveTheSameBytesInEveryLocale() throws IOException {
    Map<String, String> root = build(Locale.ROOT, "root");
    assertThat(root.keySet()).anyMatch(n -> n.matches("log/[0-9]{4}-inventory-item-state-for-the-audit-log.yaml"));
    assertThat(root.keySet()).anyMatch(n -> n.endsWith(".html"));
    for (Locale locale : new Locale[] {Locale.forLanguageTag("tr-TR"), Locale.GERMANY,
        Locale.forLanguageTag("ar-SA")}) {
      Map<String, String> other = build(locale, locale.toLanguageTag());
      assertThat(other.keySet()).as(locale.toString()).containsExactlyElementsOf(root.keySet());
      for (String name : root.keySet()) {
        assertThat(other.get(name)).as(name + " under " + locale).isEqualTo(root.get(name));
      }
    }
  }
}
