package dev.kvorstream.ledger;

import dev.kvorstream.model.DesignName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Decision numbers in use in a folder, judged from file names alone. */
public final class Numbers {


  private Numbers() {}

  /** One more than the highest number of any design or ADR in the folder. */
  public static int next(Path dir) throws IOException {
    int max = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        DesignName design = DesignName.parse(name);
        if (design != null) {
          max = Math.max(max, design.number());
          continue;
        }
        max = Math.max(max, DesignName.adrNumber(name));
      }
    }
    return max + 1;
  }
}
