package dev.kvorstream.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} in its own JVM, stopped the way a user stops it: Ctrl-C, that is SIGINT to
 * the process. The child starts with SIGINT at its default action ({@code env
 * --default-signal}), as in a terminal; a test runner started in the background may
 * otherwise pass it on ignored.
 */
class ServeProcessIT {

  @TempDir Path work;

  @Test
  void ctrlCStopsItWithExitCode0AndNoStackTraceAndOpenOpensTheIndex() throws Exception {
    Path decisions = work.resolve("decisions");
    Files.createDirectories(decisions);
    try (Stream<Path> files = Files.list(Path.of("decisions"))) {
      for (Path f : files.toList()) {
        Files.copy(f, decisions.resolve(f.getFileName()));
      }
    }
    // the system's browser, as --open finds it on Linux: a stand-in that notes what it opens
    Path bin = Files.createDirectories(work.resolve("bin"));
    Path opened = work.resolve("opened.txt");
    Files.writeString(bin.resolve("xdg-open"), "#!/bin/sh\necho \"$1\" > '" + opened + "'\n");
    bin.resolve("xdg-open").toFile().setExecutable(true);
    Path err = work.resolve("err.txt");
    ProcessBuilder start = new ProcessBuilder(List.of("env", "--default-signal=INT",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.kvorstream.cli.Main",
        "serve", "--port", "0", "--open"))
        .directory(work.toFile()).redirectError(err.toFile());
    start.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process serve = start.start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertThat(first).as(Files.readString(err)).isNotNull();
      long designs;
      try (Stream<Path> files = Files.list(decisions)) {
        designs = files.filter(f -> f.toString().endsWith(".yaml")).count();
      }
      Matcher address = Pattern.compile("^serve: " + designs
          + " decisions from decisions at (http://127\\.0\\.0\\.1:\\d+/) \\(Ctrl-C stops\\)$")
          .matcher(first);
      assertThat(address.matches()).as(first).isTrue();
      HttpResponse<String> index = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(address.group(1))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(index.statusCode()).isEqualTo(200);
      assertThat(index.body()).contains("Entity state changes in the knowledge graph");
      for (int i = 0; i < 100 && !Files.exists(opened); i++) {
        Thread.sleep(50);
      }
      assertThat(opened).hasContent(address.group(1));

      Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(serve.pid())).inheritIO().start();
      assertThat(kill.waitFor()).isZero();
      assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(serve.exitValue()).isZero();
      assertThat(out.readLine()).isEqualTo("serve: stopped");
      assertThat(out.readLine()).isNull();
      assertThat(Files.readString(err)).isEmpty();
    } finally {
      serve.destroyForcibly();
    }
  }

  @Test
  void aMissingFolderIsExitCode2BeforeAnythingIsServed() throws IOException, InterruptedException {
    Process serve = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.kvorstream.cli.Main",
        "serve", "--port", "0", "--dir", "nowhere"))
        .directory(work.toFile()).start();
    assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(serve.exitValue()).isEqualTo(2);
    assertThat(new String(serve.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(
        "kv-or-stream: error: no decisions folder 'nowhere'; create it with 'kv-or-stream new',"
            + " or point --dir at it\n");
  }
}
