package dev.kvorstream.bench;

import dev.kvorstream.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run behind the class-data-sharing archive that {@code mvn package} makes
 * (pom.xml, docs/performance.md): runs the everyday commands once, in one JVM, on a copy of
 * the designs in the bundled {@code decisions/} (without their ADRs, so that
 * everything is rendered) under {@code target/}, so that the JVM's list of loaded
 * classes covers what {@code decide}, {@code generate}, {@code check} and {@code site} load,
 * with picocli's grammar, help and completion classes.
 * It writes only under the work folder it is given.
 *
 * <p>Usage: {@code Training DECISIONS WORK}
 */
public final class Training {

  private Training() {}

  public static void main(String[] args) throws IOException {
    Path decisions = Path.of(args[0]).toAbsolutePath();
    Path work = Path.of(args[1]).toAbsolutePath();
    Path copy = work.resolve("decisions");
    Path site = work.resolve("site");
    deleteTree(work);
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(decisions)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        Files.copy(f, copy.resolve(f.getFileName().toString()));
      }
    }
    Path design = Files.list(copy).filter(p -> p.toString().endsWith(".yaml")).sorted()
        .filter(p -> !p.getFileName().toString().equals("kv-or-stream.yaml")).findFirst().orElseThrow();
    String d = copy.toString();
    List<String[]> runs = List.of(
        new String[] {"decide", design.toString()},
        new String[] {"decide", "--format", "json", design.toString()},
        new String[] {"decide", "--text", "workers take jobs from a queue, each handled once"},
        new String[] {"generate", "--dir", d},
        new String[] {"generate", "--check", "--dir", d},
        new String[] {"check", "--dir", d},
        new String[] {"list", "--dir", d},
        new String[] {"site", "--dir", d, "--out", site.toString()},
        new String[] {"--help"},
        new String[] {"decide", "--help"},
        new String[] {"completion", "bash"},
        new String[] {"--version"});
    for (String[] run : runs) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(run, new PrintWriter(out), new PrintWriter(err), InputStream.nullInputStream(),
          Clock.systemUTC(), work);
      if (code != 0) {
        throw new IllegalStateException("training run " + String.join(" ", run) + " exited " + code
            + ":\n" + err);
      }
    }
    deleteTree(work);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
