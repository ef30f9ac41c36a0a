package dev.kvorstream.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real child JVMs running the packaged jar: one killed in the middle of {@code generate},
 * two running {@code generate} on the same folder at once. Every file must end up either
 * the old version or the new one, never a mixture or a fragment.
 */
class CrashSafetyIT {

  static final Path JAR = Path.of("target/kv-or-stream.jar").toAbsolutePath();
  static final int DESIGNS = 1000;

  @TempDir Path dir;

  static void designs(Path dir, String status) throws IOException {
    for (int n = 1; n <= DESIGNS; n++) {
      Files.writeString(dir.resolve(String.format("%04d-path-%d.yaml", n, n)), """
          title: Path %d
          status: %s
          date: 2026-03-03
          context: |
            Service %d publishes the current state of item %d for every dashboard.
          answers:
            restart: reprocess
          """.formatted(n, status, n % 17, n));
    }
  }

  static Process generate(Path dir) throws IOException {
    return new ProcessBuilder(javaBin(), "-jar", JAR.toString(), "generate", "--dir", dir.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static Map<String, String> markdown(Path dir) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        out.put(p.getFileName().toString(), Files.readString(p));
      }
    }
    return out;
  }

  @Test
  void aGenerateKilledAtAnyMomentLeavesEachFileOldOrNew() throws Exception {
    designs(dir, "proposed");
    assertThat(generate(dir).waitFor()).isZero();
    Map<String, String> before = markdown(dir);
    Path reference = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-new"));
    designs(reference, "accepted");
    assertThat(generate(reference).waitFor()).isZero();
    Map<String, String> after = markdown(reference);

    // How long a whole run takes here; the writes happen in its last part, so the kills
    // are aimed across the second half of that time, until some land while writing.
    designs(dir, "accepted");
    long start = System.nanoTime();
    Process timed = generate(dir);
    assertThat(timed.waitFor()).isZero();
    long whole = (System.nanoTime() - start) / 1_000_000;
    assertThat(markdown(dir)).isEqualTo(after);

    int killedMidway = 0;
    for (int attempt = 0; attempt < 24 && killedMidway < 2; attempt++) {
      designs(dir, attempt % 2 == 0 ? "proposed" : "accepted");
      Map<String, String> old = attempt % 2 == 0 ? after : before;
      Map<String, String> target = attempt % 2 == 0 ? before : after;
      long delay = whole / 2 + (whole * (attempt % 12)) / 24;
      Process p = generate(dir);
      boolean finished = p.waitFor(delay, TimeUnit.MILLISECONDS);
      if (!finished) {
        p.destroyForcibly().waitFor();
      }
      Map<String, String> now = markdown(dir);
      assertThat(now.keySet()).containsExactlyInAnyOrderElementsOf(before.keySet());
      int changed = 0;
      for (Map.Entry<String, String> f : now.entrySet()) {
        String name = f.getKey();
        assertThat(f.getValue()).as(name + " after a kill at " + delay + " ms")
            .isIn(old.get(name), target.get(name));
        if (f.getValue().equals(target.get(name))) {
          changed++;
        }
      }
      if (!finished && changed > 0 && changed < now.size()) {
        killedMidway++;
      }
      // finish this round so the next one starts from a known state
      assertThat(generate(dir).waitFor()).isZero();
      assertThat(markdown(dir)).isEqualTo(target);
    }
    System.out.println("a whole run: " + whole + " ms; runs killed while writing: " + killedMidway);
    assertThat(killedMidway).as("kills that landed while files were being written").isPositive();
    designs(dir, "accepted");
    assertThat(generate(dir).waitFor()).isZero();
    assertThat(markdown(dir)).isEqualTo(after);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
          .as("temporary files left by the killed runs are cleaned up").isEmpty();
    }
  }

  @Test
  void twoGenerateRunsAtOnceDoNotInterleave() throws Exception {
    Path reference = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-ref"));
    for (String status : List.of("proposed", "accepted", "deprecated")) {
      designs(dir, status);
      designs(reference, status);
      assertThat(generate(reference).waitFor()).isZero();
      Map<String, String> expected = markdown(reference);

      List<Process> runs = new ArrayList<>();
      List<File> logs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        File log = Files.createTempFile("kv-run", ".log").toFile();
        logs.add(log);
        runs.add(new ProcessBuilder(javaBin(), "-jar", JAR.toString(), "generate", "--dir", dir.toString())
            .redirectErrorStream(true).redirectOutput(log).start());
      }
      for (int i = 0; i < 2; i++) {
        int code = runs.get(i).waitFor();
        String output = Files.readString(logs.get(i).toPath());
        assertThat(code).as(output).isIn(0, 3);
        if (code == 3) {
          assertThat(output).contains("another kv-or-stream run is writing to this folder");
        }
      }
      assertThat(markdown(dir)).isEqualTo(expected);
    }
  }
}
