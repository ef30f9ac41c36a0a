package dev.kvorstream.preview;

import dev.kvorstream.design.DesignLoader;
import dev.kvorstream.ledger.Folder;
import dev.kvorstream.ledger.HandWritten;
import dev.kvorstream.model.Design;
import dev.kvorstream.model.DesignName;
import dev.kvorstream.model.Marker;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.Position;
import dev.kvorstream.problem.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decisions folder as the preview keeps it between changes. A rescan reads every file's
 * bytes but parses again only the files whose bytes changed. A design that becomes invalid
 * keeps its last valid version in the log (its page stays where it was) and its errors are
 * reported beside it; a design that was never valid is left out and reported. Read only:
 * nothing is ever written to the folder.
 */
final class LiveFolder {

  private static final Pattern ADR = Pattern.compile("(\\d{4,9})-[^/\\\\]*\\.md");

  /** One design file as last read: its bytes, its last valid design, its errors now. */
  private record Read(byte[] bytes, Design lastGood, List<Diagnostic> problems) {}

  /** What a rescan gives: the folder to build the log from, and the problems found. */
  record Scan(Folder folder, List<Diagnostic> problems, List<String> changed) {}

  private final Path dir;
  private final String display;
  private final DesignLoader loader;
  private final Map<String, Read> designs = new HashMap<>();
  private final Map<String, String> adrs = new HashMap<>();

  LiveFolder(Path dir, String display, DesignLoader loader) {
    this.dir = dir;
    this.display = display;
    this.loader = loader;
  }

  /**
   * Reads the folder again.
   *
   * @throws ToolException when the folder is missing or cannot be listed
   */
  Scan rescan() {
    // the files site reads (Folder.read): what the preview shows is what site would write
    List<Path> files = Folder.files(dir, display);
    List<String> changed = new ArrayList<>();
    List<Diagnostic> misnamed = new ArrayList<>();
    Map<String, Path> designFiles = new TreeMap<>();
    Map<String, Path> adrFiles = new TreeMap<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        if (DesignName.parse(name) == null) {
          misnamed.add(Diagnostic.of(Position.ofFile(Folder.displayPath(display, name)),
              "design file not named NNNN-slug.yaml (a number of at least 4 digits, a dash, "
                  + "a lowercase slug); it is not part of the log"));
        } else {
          designFiles.put(name, file);
        }
      } else if (ADR.matcher(name).matches()) {
        adrFiles.put(name, file);
      }
    }
    changed.addAll(forget(designs.keySet(), designFiles.keySet()));
    changed.addAll(forget(adrs.keySet(), adrFiles.keySet()));
    designFiles.entrySet().parallelStream().map(f -> load(f.getKey(), f.getValue()))
        .filter(c -> c != null).sequential().forEach(c -> {
          designs.put(c.getKey(), c.getValue());
          changed.add(c.getKey());
        });

    List<Design> good = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    designs.keySet().stream().sorted().forEach(name -> {
      Read r = designs.get(name);
      problems.addAll(r.problems());
      if (r.lastGood() != null) {
        good.add(r.lastGood());
      }
    });
    Set<String> stems = new HashSet<>();
    good.forEach(d -> stems.add(d.name().stem() + ".md"));
    List<HandWritten> handWritten = new ArrayList<>();
    List<String> orphans = new ArrayList<>();
    Map<String, String> onDisk = new HashMap<>();
    for (Map.Entry<String, Path> f : adrFiles.entrySet()) {
      String name = f.getKey();
      if (stems.contains(name)) {
        continue;
      }
      String text = readAdr(f.getValue());
      if (!text.equals(adrs.put(name, text))) {
        changed.add(name);
      }
      onDisk.put(name, text);
      if (Marker.state(text) == Marker.State.GENERATED) {
        orphans.add(name);
      } else {
        Matcher m = ADR.matcher(name);
        m.matches();
        handWritten.add(HandWritten.parse(Integer.parseInt(m.group(1)), name, text));
      }
    }
    Folder folder = new Folder(dir, display, good, onDisk, handWritten, orphans, misnamed);
    return new Scan(folder, problems, changed);
  }

  /** Drops the files that are gone; their names. */
  private static List<String> forget(Set<String> known, Set<String> present) {
    List<String> gone = known.stream().filter(n -> !present.contains(n)).sorted().toList();
    known.removeAll(gone);
    return gone;
  }

  /** A design file read again when its bytes changed (null when they did not). */
  private Map.Entry<String, Read> load(String name, Path file) {
    Read before = designs.get(name);
    String shown = Folder.displayPath(display, name);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return Map.entry(name, new Read(null, before == null ? null : before.lastGood(),
          List.of(Diagnostic.of(Position.ofFile(shown), "cannot read: " + e.getMessage()))));
    }
    if (before != null && Arrays.equals(before.bytes(), bytes)) {
      return null;
    }
    try {
      return Map.entry(name, new Read(bytes, loader.load(shown, DesignName.parse(name), bytes), List.of()));
    } catch (ToolException e) {
      List<Diagnostic> problems = e.diagnostics().isEmpty()
          ? List.of(Diagnostic.of(Position.ofFile(shown), e.getMessage())) : e.diagnostics();
      return Map.entry(name, new Read(bytes, before == null ? null : before.lastGood(), problems));
    }
  }

  private static String readAdr(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
