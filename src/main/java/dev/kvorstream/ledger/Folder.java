package dev.kvorstream.ledger;

import dev.kvorstream.design.DesignLoader;
import dev.kvorstream.model.Design;
import dev.kvorstream.model.DesignName;
import dev.kvorstream.model.Marker;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.Position;
import dev.kvorstream.problem.Problems;
import dev.kvorstream.problem.ToolException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What one decisions folder holds: the designs (loaded, every error of every file
 * collected), the text of each ADR that has no design beside it (by file name), and those
 * ADRs as hand-written entries or orphans.
 */
public record Folder(
    Path dir,
    String display,
    List<Design> designs,
    Map<String, String> adrsOnDisk,
    List<HandWritten> handWritten,
    List<String> orphans,
    List<Diagnostic> misnamed) {


  /** The path of a file in the folder as the user would name it. */
  public static String displayPath(String display, String fileName) {
    return display.equals(".") || display.isEmpty() ? fileName
        : display.endsWith("/") ? display + fileName : display + "/" + fileName;
  }

  public String displayPath(String fileName) {
    return displayPath(display, fileName);
  }

  /**
   * Whether the folder holds a decision log: a design, an ADR, or an index that
   * kv-or-stream wrote. A folder with none of them (a copy of {@code docs/}, a source folder,
   * an empty folder) is not one, and a command that writes refuses it.
   */
  public boolean isDecisionLog() {
    if (!designs.isEmpty() || !adrsOnDisk.isEmpty()) {
      return true;
    }
    Path index = dir.resolve(INDEX);
    try {
      return Files.isRegularFile(index)
          && INDEX_SOURCE.equals(Marker.generatedFrom(Files.readString(index, StandardCharsets.UTF_8)));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /**
   * The folder, when it holds a decision log.
   *
   * @throws ToolException exit 2 when it does not, so that nothing is written into it
   */
  public Folder requireDecisionLog() {
    if (!isDecisionLog()) {
      throw ToolException.usage(display + ": not a decision log (no designs, no ADRs, no index"
          + " written by kv-or-stream); start one with kv-or-stream new");
    }
    return this;
  }

  /** The index's file name, and the source its marker names. */
  private static final String INDEX = "README.md";
  private static final String INDEX_SOURCE = "NNNN-*.yaml";

  /**
   * The regular files of a decisions folder in name order: what {@link #read} reads, and
   * what a reader that reads the folder again and again (serve) lists.
   *
   * @throws ToolException when the folder is missing (usage) or cannot be listed (failure)
   */
  public static List<Path> files(Path dir, String display) {
    if (!Files.isDirectory(dir)) {
      throw ToolException.usage("no decisions folder '" + display
          + "'; create it with 'kv-or-stream new', or point --dir at it");
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw ToolException.failed("cannot list " + display + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the folder.
   *
   * @throws ToolException exit 2 with every design error found, or when the folder is missing
   */
  public static Folder read(Path dir, String display, DesignLoader loader) {
    List<Path> files = files(dir, display);
    Problems problems = new Problems();
    List<Design> designs = new ArrayList<>();
    Map<String, String> adrs = new HashMap<>();
    List<Diagnostic> misnamed = new ArrayList<>();
    Map<String, Integer> adrNumbers = new HashMap<>();
    List<Path> designFiles = new ArrayList<>();
    List<Path> adrFiles = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String shown = displayPath(display, name);
      if (name.startsWith(".")) {
        continue;
      }
      if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        if (DesignName.parse(name) == null) {
          misnamed.add(Diagnostic.of(Position.ofFile(shown),
              "design file not named NNNN-slug.yaml (a number of at least 4 digits, a dash, "
                  + "a lowercase slug); it is not part of the log"));
        } else {
          designFiles.add(file);
        }
        continue;
      }
      int adr = DesignName.adrNumber(name);
      if (adr >= 0) {
        adrFiles.add(file);
        adrNumbers.put(name, adr);
      }
    }
    // Designs are independent: read them on every core, then merge in file order.
    List<Object> loaded = designFiles.parallelStream().map(file -> {
      String name = file.getFileName().toString();
      String shown = displayPath(display, name);
      try {
        return (Object) loader.load(shown, DesignName.parse(name), Files.readAllBytes(file));
      } catch (ToolException e) {
        return e;
      } catch (IOException e) {
        return ToolException.failed("cannot read " + shown + ": " + e.getMessage(), e);
      }
    }).toList();
    for (Object result : loaded) {
      if (result instanceof Design d) {
        designs.add(d);
      } else {
        ToolException e = (ToolException) result;
        if (e.diagnostics().isEmpty()) {
          throw e;
        }
        problems.addAll(e.diagnostics());
      }
    }
    problems.throwIfAny();
    // Only ADRs without a design beside them are read here (hand-written ones, or generated
    // ones whose design is gone); the generated ones are compared when they are written.
    Set<String> stems = new HashSet<>();
    designs.forEach(d -> stems.add(d.name().stem() + ".md"));
    for (Path file : adrFiles) {
      String name = file.getFileName().toString();
      if (stems.contains(name)) {
        continue;
      }
      try {
        adrs.put(name, Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        adrs.put(name, "");
      }
    }
    Set<String> designStems = new HashSet<>();
    designs.forEach(d -> designStems.add(d.name().stem() + ".md"));
    List<HandWritten> handWritten = new ArrayList<>();
    List<String> orphans = new ArrayList<>();
    adrs.keySet().stream().sorted().forEach(name -> {
      if (designStems.contains(name)) {
        return;
      }
      String text = adrs.get(name);
      if (Marker.state(text) == Marker.State.GENERATED) {
        orphans.add(name);
      } else {
        handWritten.add(HandWritten.parse(adrNumbers.get(name), name, text));
      }
    });
    return new Folder(dir, display, designs, adrs, handWritten, orphans, misnamed);
  }
}
