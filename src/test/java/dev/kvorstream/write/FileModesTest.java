package dev.kvorstream.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file the commands write gets the mode the umask gives, as any other program's would. */
class FileModesTest {

  @TempDir Path work;

  void run(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err),
        new ByteArrayInputStream(new byte[0]), Clock.systemUTC(), work);
    assertThat(code).as(err.toString()).isZero();
  }

  static List<Path> files(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void newGenerateAndSiteWriteFilesWithTheUmasksMode() throws IOException {
    Path plain = Files.createFile(work.resolve("plain"));
    String umask = PosixFilePermissions.toString(Files.getPosixFilePermissions(plain));
    Files.delete(plain);
    run("new", "Price updates for the shop");
    run("generate");
    run("site", "--out", "public");
    List<Path> written = files(work);
    assertThat(written).hasSizeGreaterThan(6);
    for (Path f : written) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(work.relativize(f).toString())
          .isEqualTo(umask);
    }
  }
}
