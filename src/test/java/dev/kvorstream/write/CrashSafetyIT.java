package dev.kvorstream.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real child JVMs running the packaged jar: some killed while they write, two writing the
 * same folder at once. Every file must end up either the old version or the new one, never
 * a mixture or a fragment, and a run must never mix its files with another run's.
 *
 * <p>The kills are aimed: the test watches one file and kills the run the moment the run
 * replaces it, early, halfway or late in the writing. The reference outputs and the runs
 * that finish a killed run's job are made in-process (the same code), so only the runs that
 * are killed or race start a JVM.
 */
class CrashSafetyIT {

  static final Path JAR = Path.of("target/kv-or-stream.jar").toAbsolutePath();
  static final int DESIGNS = 150;

  @TempDir Path work;

  static void designs(Path dir, String status) throws IOException {
    Files.createDirectories(dir);
    for (int n = 1; n <= DESIGNS; n++) {
      Files.writeString(dir.resolve(String.format(Locale.ROOT, "%04d-path-%d.yaml", n, n)), """
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

  static Process start(Path dir, String... more) throws IOException {
    return new ProcessBuilder(command(dir, more)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** A generate run as bin/kv-or-stream starts it: quick to start, with the class-data archive. */
  static List<String> command(Path dir, String... more) {
    List<String> command = new ArrayList<>(List.of(javaBin(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-XX:SharedArchiveFile=" + JAR.resolveSibling("kv-or-stream.jsa"), "-Xshare:auto", "-Xlog:cds=off",
        "-jar", JAR.toString(), "generate", "--dir", dir.toString()));
    command.addAll(List.of(more));
    return command;
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** generate in this JVM (the same code as the jar): for reference outputs and set-up. */
  static void generateHere(Path dir, String... more) {
    String[] args = Stream.concat(Stream.of("generate", "--dir", dir.toString()), Stream.of(more))
        .toArray(String[]::new);
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err),
        new ByteArrayInputStream(new byte[0]), Clock.systemUTC(), Path.of(""));
    assertThat(code).as(err.toString()).isZero();
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

  static List<String> leftovers(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".tmp") || n.equals(Publisher.LOCK)).toList();
    }
  }

  /** What tells a file on disk has been written: a file moved into its place is a new one; one written in place has a new time or size. */
  static Object identity(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    return List.of(String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size());
  }

  /**
   * Waits until {@code file} is replaced (the run has written that far) or the run ends;
   * true when the run is still writing.
   */
  static boolean awaitReplaced(Process p, Path file) throws IOException {
    Object old = identity(file);
    while (p.isAlive()) {
      try {
        if (!old.equals(identity(file))) {
          return true;
        }
      } catch (NoSuchFileException e) {
        // between two steps of a move: look again
      }
      LockSupport.parkNanos(100_000);
    }
    return false;
  }

  @Test
  void aGenerateKilledWhileWritingLeavesEachFileOldOrNew() throws Exception {
    Path dir = work.resolve("log");
    Path other = work.resolve("reference");
    designs(dir, "proposed");
    generateHere(dir);
    designs(other, "accepted");
    generateHere(other);
    Map<String, String> proposed = markdown(dir);
    Map<String, String> accepted = markdown(other);
    assertThat(proposed.keySet()).isEqualTo(accepted.keySet());
    List<String> adrs = proposed.keySet().stream().filter(n -> !n.equals("README.md")).sorted().toList();

    // Each run rewrites every ADR (the status changes), several at a time, in number order.
    // The test watches one ADR and kills the run the moment that one is replaced: early in
    // the writing, halfway, late. Between kills, generate in this JVM finishes the job.
    int killedWhileWriting = 0;
    int attempts = 0;
    String status = "proposed";
    // on a busy machine a kill may land only after the last file: then more, earlier aims
    for (int watched : new int[] {DESIGNS / 10, DESIGNS / 2, DESIGNS / 4, DESIGNS * 3 / 4,
        DESIGNS / 20, DESIGNS / 30, DESIGNS / 15, 3}) {
      if (killedWhileWriting >= 2 || attempts >= 4 && killedWhileWriting >= 1) {
        break;
      }
      attempts++;
      status = status.equals("proposed") ? "accepted" : "proposed";
      Map<String, String> old = status.equals("accepted") ? proposed : accepted;
      Map<String, String> target = status.equals("accepted") ? accepted : proposed;
      designs(dir, status);
      Process p = start(dir);
      boolean writing = awaitReplaced(p, dir.resolve(adrs.get(watched)));
      p.destroyForcibly().waitFor();
      Map<String, String> now = markdown(dir);
      assertThat(now.keySet()).containsExactlyInAnyOrderElementsOf(proposed.keySet());
      int changed = 0;
      for (Map.Entry<String, String> f : now.entrySet()) {
        String name = f.getKey();
        assertThat(f.getValue()).as(name + " after a kill once ADR " + watched + " was written")
            .isIn(old.get(name), target.get(name));
        if (f.getValue().equals(target.get(name))) {
          changed++;
        }
      }
      if (writing && changed > 0 && changed < now.size()) {
        killedWhileWriting++;
      }
      // a new run takes over the dead run's lock file, removes its temporary files and
      // finishes the job; nothing of ours stays behind
      generateHere(dir);
      assertThat(markdown(dir)).isEqualTo(target);
      assertThat(leftovers(dir)).as("temporary files and the lock file").isEmpty();
    }
    System.out.println(attempts + " runs killed, " + killedWhileWriting + " of them while writing");
    assertThat(killedWhileWriting).as("kills that landed while files were being written").isPositive();
  }

  /** Sends a signal (STOP, CONT) to a process, as the {@code kill} command does. */
  static void signal(String name, Process p) throws Exception {
    assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor()).isZero();
  }

  static Process startLogged(Path dir, Path log, String... more) throws IOException {
    return new ProcessBuilder(command(dir, more)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /**
   * Two runs on one folder, one writing the nygard style and one madr. First a run is frozen
   * (SIGSTOP) in the middle of its writing and a second run is started: it must be turned
   * away and write nothing; once the first is let go, the folder is all its style. Then two
   * runs are started at once: the folder ends all one style or all the other. Without the
   * lock the second run would write while the first is frozen, and the folder would end up
   * mixed.
   */
  @Test
  void twoGenerateRunsAtOnceDoNotInterleave() throws Exception {
    Path dir = work.resolve("log");
    Map<String, Map<String, String>> expected = new HashMap<>();
    for (String style : List.of("nygard", "madr")) {
      Path reference = work.resolve("reference-" + style);
      designs(reference, "accepted");
      generateHere(reference, "--style", style);
      expected.put(style, markdown(reference));
    }
    assertThat(expected.get("nygard")).isNotEqualTo(expected.get("madr"));
    designs(dir, "accepted");
    generateHere(dir, "--style", "madr");
    List<String> adrs = expected.get("madr").keySet().stream().filter(n -> !n.equals("README.md")).sorted().toList();

    Process first = startLogged(dir, work.resolve("first.log"), "--style", "nygard");
    assertThat(awaitReplaced(first, dir.resolve(adrs.get(DESIGNS / 10)))).as("the first run is writing").isTrue();
    signal("STOP", first);
    try {
      Path secondLog = work.resolve("second.log");
      Process second = startLogged(dir, secondLog, "--style", "madr");
      assertThat(second.waitFor()).as(Files.readString(secondLog)).isEqualTo(3);
      assertThat(Files.readString(secondLog)).contains("another kv-or-stream run is writing to this folder");
    } finally {
      signal("CONT", first);
    }
    assertThat(first.waitFor()).as(Files.readString(work.resolve("first.log"))).isZero();
    Map<String, String> now = markdown(dir);
    assertThat(now).as("every file from the first run (" + styleCount(now, expected) + ")")
        .isEqualTo(expected.get("nygard"));
    assertThat(leftovers(dir)).isEmpty();

    // both at once, from no ADRs at all, so that each run has every file to write
    for (String name : markdown(dir).keySet()) {
      Files.delete(dir.resolve(name));
    }
    List<Process> runs = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (String style : List.of("madr", "nygard")) {
      Path log = work.resolve("both-" + style + ".log");
      logs.add(log);
      runs.add(startLogged(dir, log, "--style", style));
    }
    for (int i = 0; i < 2; i++) {
      int code = runs.get(i).waitFor();
      String output = Files.readString(logs.get(i));
      assertThat(code).as(output).isIn(0, 3);
      if (code == 3) {
        assertThat(output).contains("another kv-or-stream run is writing to this folder");
      }
    }
    now = markdown(dir);
    assertThat(now.equals(expected.get("nygard")) || now.equals(expected.get("madr")))
        .as("every file from the same run (" + styleCount(now, expected) + ")").isTrue();
    assertThat(leftovers(dir)).isEmpty();
  }

  private static String styleCount(Map<String, String> now, Map<String, Map<String, String>> expected) {
    long nygard = now.entrySet().stream().filter(e -> e.getValue().equals(expected.get("nygard").get(e.getKey()))).count();
    long madr = now.entrySet().stream().filter(e -> e.getValue().equals(expected.get("madr").get(e.getKey()))).count();
    return nygard + " files as nygard, " + madr + " as madr, of " + now.size();
  }
}
