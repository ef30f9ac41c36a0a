package dev.kvorstream.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvorstream.model.Marker;
import dev.kvorstream.problem.ToolException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherTest {

  @TempDir Path dir;

  static final String ADR = Marker.seal("# 1. A\n", "0001-a.yaml");

  Path lock() {
    return dir.resolve(Publisher.LOCK);
  }

  @Test
  void aRunLeavesNoLockBehind() {
    new Publisher(dir).publish(Map.of("0001-a.md", ADR), List.of(), false);
    assertThat(dir.resolve("0001-a.md")).hasContent(ADR.strip());
    assertThat(lock()).doesNotExist();
  }

  @Test
  void aLockFileLeftByAKilledRunIsTakenOverAndRemoved() throws IOException {
    Files.writeString(lock(), "4242 left by a killed run\n");
    var changes = new Publisher(dir).publish(Map.of("0001-a.md", ADR), List.of(), false);
    assertThat(changes).containsExactly(new Publisher.Change("0001-a.md", Publisher.Action.CREATED));
    assertThat(lock()).doesNotExist();
  }

  @Test
  void aRunTurnedAwayLeavesTheHoldersLockAndWritesNothing() throws IOException {
    try (FileChannel ch = FileChannel.open(lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = ch.lock()) {
      assertThatThrownBy(() -> new Publisher(dir).publish(Map.of("0001-a.md", ADR), List.of(), false))
          .isInstanceOf(ToolException.class)
          .hasMessageContaining("another kv-or-stream run is writing to this folder");
      assertThat(held.isValid()).isTrue();
      assertThat(lock()).exists();
    }
    assertThat(dir.resolve("0001-a.md")).doesNotExist();
  }

  @Test
  void aLockTakenWhileAnotherRunHoldsItIsRefusedByFolderLock() throws IOException {
    try (FolderLock first = FolderLock.tryAcquire(dir, Publisher.LOCK)) {
      assertThat(first).isNotNull();
      assertThat(FolderLock.tryAcquire(dir, Publisher.LOCK)).isNull();
    }
    assertThat(lock()).doesNotExist();
    try (FolderLock again = FolderLock.tryAcquire(dir, Publisher.LOCK)) {
      assertThat(again).isNotNull();
    }
  }

  @Test
  void anEditedFileIsKeptUnlessForcedAndThenSavedAsOrig() throws IOException {
    Path adr = dir.resolve("0001-a.md");
    Files.writeString(adr, ADR.replace("# 1. A", "# 1. A, edited"));
    String edited = Files.readString(adr);
    String fresh = Marker.seal("# 1. A\n\nMore.\n", "0001-a.yaml");
    assertThat(new Publisher(dir).publish(Map.of("0001-a.md", fresh), List.of(), false))
        .containsExactly(new Publisher.Change("0001-a.md", Publisher.Action.KEPT_EDITED));
    assertThat(Files.readString(adr)).isEqualTo(edited);
    assertThat(new Publisher(dir).publish(Map.of("0001-a.md", fresh), List.of(), true))
        .containsExactly(new Publisher.Change("0001-a.md", Publisher.Action.FORCED, "0001-a.md.orig"));
    assertThat(Files.readString(adr)).isEqualTo(fresh);
    assertThat(Files.readString(dir.resolve("0001-a.md.orig"))).isEqualTo(edited);
  }

  @Test
  void aSecondForcedRunKeepsTheFirstHandMadeVersionToo() throws IOException {
    Path adr = dir.resolve("0001-a.md");
    String fresh = Marker.seal("# 1. A\n\nMore.\n", "0001-a.yaml");
    Files.writeString(adr, ADR.replace("# 1. A", "# 1. A, first edit"));
    String first = Files.readString(adr);
    new Publisher(dir).publish(Map.of("0001-a.md", fresh), List.of(), true);
    Files.writeString(adr, fresh + "my second note\n");
    assertThat(new Publisher(dir).publish(Map.of("0001-a.md", fresh), List.of(), true))
        .containsExactly(new Publisher.Change("0001-a.md", Publisher.Action.FORCED, "0001-a.md.orig.2"));
    assertThat(Files.readString(dir.resolve("0001-a.md.orig"))).isEqualTo(first);
    assertThat(Files.readString(dir.resolve("0001-a.md.orig.2"))).isEqualTo(fresh + "my second note\n");
    // the same edit forced again is not copied a third time
    Files.writeString(adr, fresh + "my second note\n");
    assertThat(new Publisher(dir).publish(Map.of("0001-a.md", fresh), List.of(), true))
        .containsExactly(new Publisher.Change("0001-a.md", Publisher.Action.FORCED, "0001-a.md.orig.2"));
    assertThat(dir.resolve("0001-a.md.orig.3")).doesNotExist();
  }

  @Test
  void aHandWrittenFileIsKept() throws IOException {
    Path adr = dir.resolve("0001-a.md");
    Files.writeString(adr, "# 1. Mine\n");
    assertThat(new Publisher(dir).publish(Map.of("0001-a.md", ADR), List.of(), false))
        .containsExactly(new Publisher.Change("0001-a.md", Publisher.Action.KEPT_HAND_WRITTEN));
    assertThat(Files.readString(adr)).isEqualTo("# 1. Mine\n");
  }

  @Test
  void aStaleGeneratedFileIsRemovedButAnEditedOneStays() throws IOException {
    Files.writeString(dir.resolve("0002-gone.md"), Marker.seal("# 2. Gone\n", "0002-gone.yaml"));
    Files.writeString(dir.resolve("0003-kept.md"), "# 3. Kept\n");
    var changes = new Publisher(dir).publish(Map.of(), List.of("0002-gone.md", "0003-kept.md"), false);
    assertThat(changes).containsExactly(new Publisher.Change("0002-gone.md", Publisher.Action.REMOVED));
    assertThat(dir.resolve("0002-gone.md")).doesNotExist();
    assertThat(dir.resolve("0003-kept.md")).exists();
  }

  @Test
  void checkNamesWhatIsMissingOutOfDateOrEditedAndWritesNothing() throws IOException {
    Files.writeString(dir.resolve("0001-a.md"), Marker.seal("# 1. Old\n", "0001-a.yaml"));
    Files.writeString(dir.resolve("0002-b.md"), "# 2. By hand\n");
    var problems = new Publisher(dir).check(Map.of("0001-a.md", ADR, "0002-b.md", ADR, "0003-c.md", ADR),
        List.of());
    assertThat(problems).containsExactlyInAnyOrder(
        new Publisher.Change("0001-a.md", Publisher.Action.OUT_OF_DATE),
        new Publisher.Change("0002-b.md", Publisher.Action.KEPT_HAND_WRITTEN),
        new Publisher.Change("0003-c.md", Publisher.Action.MISSING));
    assertThat(dir.resolve("0003-c.md")).doesNotExist();
    assertThat(lock()).doesNotExist();
  }

  @Test
  void publishedFilesGetTheUmasksModeAndReplacedOnesKeepTheirs() throws IOException {
    Path plain = Files.createFile(dir.resolve("plain"));
    String umask = PosixFilePermissions.toString(Files.getPosixFilePermissions(plain));
    Files.delete(plain);
    Path index = dir.resolve("README.md");
    Files.writeString(index, Marker.seal("# Old index\n", "NNNN-*.yaml"));
    Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("rw-rw-r--"));
    new Publisher(dir).publish(Map.of("0001-a.md", ADR, "README.md", Marker.seal("# Index\n", "NNNN-*.yaml")),
        List.of(), false);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("0001-a.md"))))
        .isEqualTo(umask);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(index))).isEqualTo("rw-rw-r--");
  }
}
