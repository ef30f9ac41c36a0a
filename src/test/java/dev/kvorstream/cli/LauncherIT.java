package dev.kvorstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/kv-or-stream on the packaged jar and its class-data-sharing archive, as a user runs it. */
class LauncherIT {

  @TempDir Path work;

  record Run(int code, String out, String err) {}

  Run run(Path launcher, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(work.toFile())
        .redirectError(work.resolve("err").toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    return new Run(code, out, Files.readString(work.resolve("err")));
  }

  @Test
  void theArchiveIsThereAndALinkOnPathFindsTheJar() throws IOException, InterruptedException {
    assertThat(Path.of("target/kv-or-stream.jsa")).isRegularFile();
    Path bin = Files.createDirectories(work.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("kv-or-stream"), Path.of("bin/kv-or-stream").toAbsolutePath());
    Run version = run(link, "--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("kv-or-stream ");
    assertThat(version.err()).isEmpty();
    Run decide = run(link, "decide", Path.of("decisions/0006-tool-execution-requests.yaml").toAbsolutePath().toString());
    assertThat(decide.code()).isZero();
    assertThat(decide.out()).contains("Verdict: JetStream stream");
    assertThat(decide.err()).isEmpty();
    Files.delete(link);
  }

  @Test
  void theClassesOfADecideRunComeFromTheArchive() throws IOException, InterruptedException {
    Path jar = Path.of("target/kv-or-stream.jar").toAbsolutePath();
    Process p = new ProcessBuilder("java", "-XX:SharedArchiveFile=target/kv-or-stream.jsa", "-Xshare:on",
        "-Xlog:class+load=info", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(),
        "decide", "--format", "json", "decisions/0006-tool-execution-requests.yaml").redirectErrorStream(true).start();
    List<String> loads = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
        .filter(l -> (l.contains("] dev.kvorstream.") || l.contains("] picocli.")) && l.contains(" source: "))
        .filter(l -> !l.contains("$$Lambda$")).toList();
    assertThat(p.waitFor()).isZero();
    assertThat(loads).anyMatch(l -> l.contains("] picocli.CommandLine "));
    assertThat(loads).anyMatch(l -> l.contains("] dev.kvorstream.cli.DecideCommand "));
    assertThat(loads).allMatch(l -> l.contains("shared objects file"), "loaded from the archive");
  }

  @Test
  void mavenAsTheReadmeRunsItPrintsNoTerminalCodes() throws IOException, InterruptedException {
    // the README's build line is quiet Maven; Debian's Maven wrote ESC[0m resets on exit
    // until .mvn/jvm.config turned them off. validate starts and stops Maven the same way.
    Process p = new ProcessBuilder("mvn", "-B", "-q", "-o", "validate").redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).as(new String(out, StandardCharsets.UTF_8)).isZero();
    assertThat(new String(out, StandardCharsets.UTF_8)).doesNotContain("\u001b").isEmpty();
  }
}
