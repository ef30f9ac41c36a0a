package dev.kvorstream.write;

import dev.kvorstream.model.Marker;
import dev.kvorstream.problem.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts rendered files into a folder, or compares them with it ({@code --check}). A file on
 * disk that was edited or written by hand is left as it is and reported, unless forced;
 * forced, the hand-made version is kept beside the new one as {@code NAME.orig} (or the
 * next free {@code NAME.orig.N}). One publisher at a time per folder: a lock file keeps a
 * second run out while one writes, and is removed when it is done.
 */
public final class Publisher {

  /** The lock file's name in the folder. */
  public static final String LOCK = ".kv-or-stream.lock";

  /** What happened to one file, or what is wrong with it. */
  public enum Action { CREATED, UPDATED, UNCHANGED, REMOVED, KEPT_EDITED, KEPT_HAND_WRITTEN,
    MISSING, OUT_OF_DATE, FORCED }

  /**
   * One file and its action.
   *
   * @param keptAs for {@link Action#FORCED}, the file that now holds the hand-made version
   *     ({@code NAME.orig}, or {@code NAME.orig.2}, ... when an earlier one is there); else null
   */
  public record Change(String file, Action action, String keptAs) {
    public Change(String file, Action action) {
      this(file, action, null);
    }
  }

  private final Path dir;

  public Publisher(Path dir) {
    this.dir = dir;
  }

  /**
   * Writes each file whose content changed, and removes unedited generated files that are no
   * longer produced ({@code stale}).
   */
  public List<Change> publish(Map<String, String> files, List<String> stale, boolean force) {
    try (FolderLock lock = FolderLock.tryAcquire(dir, LOCK)) {
      if (lock == null) {
        throw ToolException.failed("another kv-or-stream run is writing to this folder (it holds "
            + LOCK + "); wait for it to finish and run again", null);
      }
      return publishLocked(files, stale, force);
    } catch (IOException e) {
      throw ToolException.failed("cannot write in " + dir + ": " + e.getMessage(), e);
    }
  }

  private List<Change> publishLocked(Map<String, String> files, List<String> stale, boolean force)
      throws IOException {
    SafeFiles.removeLeftovers(dir);
    List<Change> changes = new ArrayList<>();
    Map<String, String> plain = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = dir.resolve(f.getKey());
      Marker.State state = existingState(target);
      if (state != null && state != Marker.State.GENERATED) {
        String current = Files.readString(target, StandardCharsets.UTF_8);
        if (current.equals(f.getValue())) {
          changes.add(new Change(f.getKey(), Action.UNCHANGED));
          continue;
        }
        if (!force) {
          changes.add(new Change(f.getKey(), state == Marker.State.EDITED
              ? Action.KEPT_EDITED : Action.KEPT_HAND_WRITTEN));
          continue;
        }
        String keptAs = backupName(f.getKey(), current);
        SafeFiles.write(dir.resolve(keptAs), current);
        SafeFiles.write(target, f.getValue());
        changes.add(new Change(f.getKey(), Action.FORCED, keptAs));
        continue;
      }
      plain.put(f.getKey(), f.getValue());
    }
    SafeFiles.writeAll(dir, plain).forEach((name, outcome) -> changes.add(new Change(name, switch (outcome) {
      case CREATED -> Action.CREATED;
      case UPDATED -> Action.UPDATED;
      case UNCHANGED -> Action.UNCHANGED;
    })));
    for (String name : stale) {
      Path target = dir.resolve(name);
      if (existingState(target) == Marker.State.GENERATED) {
        Files.delete(target);
        changes.add(new Change(name, Action.REMOVED));
      }
    }
    return changes;
  }

  /**
   * Where a forced run keeps the hand-made version of {@code name}: {@code NAME.orig}, unless
   * that holds another text (an earlier forced run's), then the first of {@code NAME.orig.2},
   * {@code NAME.orig.3}, ... that is free or holds this same text. No earlier copy is lost.
   */
  private String backupName(String name, String current) throws IOException {
    for (int n = 1; ; n++) {
      String candidate = name + ".orig" + (n == 1 ? "" : "." + n);
      Path p = dir.resolve(candidate);
      if (!Files.exists(p) || Files.readString(p, StandardCharsets.UTF_8).equals(current)) {
        return candidate;
      }
    }
  }

  /**
   * The files among {@code wanted} (file name to input fingerprint) that are on disk, were
   * not edited, and were rendered from the same inputs: rendering them again would give the
   * same text. Checked on every core.
   */
  public Set<String> upToDate(Map<String, String> wanted) {
    return wanted.entrySet().parallelStream()
        .filter(w -> upToDateText(w.getKey(), w.getValue()) != null)
        .map(Map.Entry::getKey).collect(Collectors.toSet());
  }

  /**
   * The text of a file on disk when it is intact and was rendered from the inputs given
   * (its input fingerprint), else null. Such a text is what rendering it again would give,
   * so a step that needs it can read it instead.
   */
  public String upToDateText(String file, String inputs) {
    Path path = dir.resolve(file);
    try {
      if (Files.exists(path)) {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        return inputs.equals(Marker.intactInputs(text)) ? text : null;
      }
    } catch (IOException e) {
      // unreadable: not up to date
    }
    return null;
  }

  /** Compares without writing: each file that is missing, out of date or hand-edited. */
  public List<Change> check(Map<String, String> files, List<String> stale) {
    List<Change> problems = new ArrayList<>();
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path target = dir.resolve(f.getKey());
        if (!Files.exists(target)) {
          problems.add(new Change(f.getKey(), Action.MISSING));
          continue;
        }
        String current = Files.readString(target, StandardCharsets.UTF_8);
        if (current.equals(f.getValue())) {
          continue;
        }
        Marker.State state = Marker.state(current);
        problems.add(new Change(f.getKey(), switch (state) {
          case GENERATED -> Action.OUT_OF_DATE;
          case EDITED -> Action.KEPT_EDITED;
          case HAND_WRITTEN -> Action.KEPT_HAND_WRITTEN;
        }));
      }
      for (String name : stale) {
        problems.add(new Change(name, Action.REMOVED));
      }
    } catch (IOException e) {
      throw ToolException.failed("cannot read in " + dir + ": " + e.getMessage(), e);
    }
    return problems;
  }

  private static Marker.State existingState(Path target) throws IOException {
    if (!Files.exists(target)) {
      return null;
    }
    return Marker.state(Files.readString(target, StandardCharsets.UTF_8));
  }
}
