package dev.kvorstream.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test that runs the program in a fresh working folder with an empty {@code decisions/}. */
abstract class FolderTest {

  @TempDir Path work;
  Path decisions;

  @BeforeEach
  void folder() throws IOException {
    decisions = Files.createDirectories(work.resolve("decisions"));
  }

  void design(String name, String yaml) throws IOException {
    Files.writeString(decisions.resolve(name), yaml);
  }

  String read(String name) throws IOException {
    return Files.readString(decisions.resolve(name));
  }
}
