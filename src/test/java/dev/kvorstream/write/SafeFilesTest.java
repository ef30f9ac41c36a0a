package dev.kvorstream.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFilesTest {

  @TempDir Path dir;

  static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  /** The mode the process's umask gives a new file, as any program would create it. */
  String umaskMode() throws IOException {
    Path plain = Files.createFile(dir.resolve("plain"));
    String mode = mode(plain);
    Files.delete(plain);
    return mode;
  }

  List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aNewFileGetsTheModeTheUmaskGives() throws IOException {
    String expected = umaskMode();
    assertThat(SafeFiles.write(dir.resolve("a.md"), "new\n")).isEqualTo(SafeFiles.Outcome.CREATED);
    assertThat(mode(dir.resolve("a.md"))).isEqualTo(expected);
  }

  @Test
  void aReplacedFileKeepsItsMode() throws IOException {
    Path file = dir.resolve("a.md");
    Files.writeString(file, "old\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
    assertThat(SafeFiles.write(file, "new\n")).isEqualTo(SafeFiles.Outcome.UPDATED);
    assertThat(Files.readString(file)).isEqualTo("new\n");
    assertThat(mode(file)).isEqualTo("rw-rw----");
  }

  @Test
  void equalContentIsNotWrittenAgain() throws IOException {
    Path file = dir.resolve("a.md");
    Files.writeString(file, "same\n");
    Files.setLastModifiedTime(file, FileTime.fromMillis(0));
    assertThat(SafeFiles.write(file, "same\n")).isEqualTo(SafeFiles.Outcome.UNCHANGED);
    assertThat(Files.getLastModifiedTime(file).toMillis()).isZero();
  }

  @Test
  void noTemporaryFileStaysAfterAWrite() throws IOException {
    SafeFiles.write(dir.resolve("a.md"), "one\n");
    SafeFiles.write(dir.resolve("a.md"), "two\n");
    assertThat(names()).containsExactly("a.md");
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path target = Files.createDirectories(dir.resolve("a.md"));
    Files.writeString(target.resolve("inside"), "x");
    assertThatThrownBy(() -> SafeFiles.write(target, "text\n")).isInstanceOf(IOException.class);
    assertThat(target).isDirectory();
    assertThat(names()).containsExactly("a.md");
  }

  @Test
  void createWritesOnlyWhenTheFileIsAbsent() throws IOException {
    assertThat(SafeFiles.create(dir.resolve("a.yaml"), "first\n")).isTrue();
    assertThat(SafeFiles.create(dir.resolve("a.yaml"), "second\n")).isFalse();
    assertThat(Files.readString(dir.resolve("a.yaml"))).isEqualTo("first\n");
  }

  @Test
  void writeAllReportsEachOutcomeInTheGivenOrder() throws IOException {
    Files.writeString(dir.resolve("b.md"), "b\n");
    Files.writeString(dir.resolve("c.md"), "old\n");
    Map<String, String> files = new LinkedHashMap<>();
    files.put("c.md", "new\n");
    files.put("a.md", "a\n");
    files.put("b.md", "b\n");
    assertThat(SafeFiles.writeAll(dir, files)).containsExactly(
        Map.entry("c.md", SafeFiles.Outcome.UPDATED),
        Map.entry("a.md", SafeFiles.Outcome.CREATED),
        Map.entry("b.md", SafeFiles.Outcome.UNCHANGED));
    assertThat(Files.readString(dir.resolve("c.md"))).isEqualTo("new\n");
  }

  @Test
  void leftoversOfAKilledRunAreRemovedAndNothingElse() throws IOException {
    Files.writeString(dir.resolve(".0001-a.md.k3j9.tmp"), "half");
    Files.writeString(dir.resolve("notes.tmp"), "mine");
    Files.writeString(dir.resolve(".kv-or-stream.lock"), "");
    Files.writeString(dir.resolve("0001-a.md"), "whole\n");
    SafeFiles.removeLeftovers(dir);
    assertThat(names()).containsExactly(".kv-or-stream.lock", "0001-a.md", "notes.tmp");
  }
}
