package dev.kvorstream.write;

import dev.kvorstream.model.Marker;
import dev.kvorstream.model.RenderedFiles;
import dev.kvorstream.problem.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the site into its folder. A manifest ({@value #MANIFEST}) records each file the
 * site wrote with its checksum. A file is replaced only if the site wrote it and nobody
 * changed it since; a file the site no longer produces is removed on the same condition.
 * Anything else in the folder (the user's own files) is never touched.
 */
public final class SiteWriter {

  /** The manifest's name in the output folder. */
  public static final String MANIFEST = ".kv-or-stream-site";

  /** What happened to one file. */
  public enum Action { CREATED, UPDATED, UNCHANGED, REMOVED, KEPT_CHANGED, KEPT_FOREIGN }

  /** One file and its action. */
  public record Change(String file, Action action) {}

  private final Path out;

  public SiteWriter(Path out) {
    this.out = out;
  }

  /** What the manifest says of one file: its checksum, and the fingerprint of its inputs (or null). */
  private record Recorded(String hash, String inputs) {}

  /** What became of one file, and what the manifest keeps of it (or null). */
  private record Done(Action action, Recorded recorded) {}

  /**
   * Writes the site: each file is made, checked against what is there and written on the
   * writer threads, then let go, so the whole site is never in memory at once. A file whose
   * input fingerprint is the one the manifest recorded, and which nobody changed since, is
   * not made again.
   */
  public List<Change> write(RenderedFiles files, boolean force) {
    List<Change> changes = new ArrayList<>();
    try {
      Files.createDirectories(out);
      Map<String, Recorded> before = readManifest();
      Map<String, Done> done = SafeFiles.atOnce(files.names(), name -> {
        Path target = out.resolve(name);
        Recorded old = before.get(name);
        String current = Files.exists(target) ? sha256(Files.readAllBytes(target)) : null;
        String inputs = files.inputs().apply(name);
        if (inputs != null && old != null && inputs.equals(old.inputs()) && old.hash().equals(current)) {
          return new Done(Action.UNCHANGED, old);
        }
        byte[] content = files.content().apply(name).getBytes(StandardCharsets.UTF_8);
        String hash = sha256(content);
        if (hash.equals(current)) {
          // already there, byte for byte (the file was just read to checksum it)
          return new Done(Action.UNCHANGED, new Recorded(hash, inputs));
        }
        if (current != null && !force && (old == null || !old.hash().equals(current))) {
          return old != null ? new Done(Action.KEPT_CHANGED, old) : new Done(Action.KEPT_FOREIGN, null);
        }
        return new Done(switch (SafeFiles.write(target, content)) {
          case CREATED -> Action.CREATED;
          case UPDATED -> Action.UPDATED;
          case UNCHANGED -> Action.UNCHANGED;
        }, new Recorded(hash, inputs));
      });
      Map<String, Recorded> after = new TreeMap<>();
      done.forEach((name, d) -> {
        changes.add(new Change(name, d.action()));
        if (d.recorded() != null) {
          after.put(name, d.recorded());
        }
      });
      for (Map.Entry<String, Recorded> old : before.entrySet()) {
        if (done.containsKey(old.getKey())) {
          continue;
        }
        Path target = out.resolve(old.getKey());
        if (Files.exists(target) && sha256(Files.readAllBytes(target)).equals(old.getValue().hash())) {
          Files.delete(target);
          changes.add(new Change(old.getKey(), Action.REMOVED));
        } else if (Files.exists(target)) {
          changes.add(new Change(old.getKey(), Action.KEPT_CHANGED));
        }
      }
      StringBuilder manifest = new StringBuilder("# Files written by kv-or-stream site: SHA-256, the"
          + " fingerprint of a page's inputs, name. Only these are replaced or removed.\n");
      after.forEach((name, r) -> manifest.append(r.hash()).append(r.inputs() == null ? "" : " " + r.inputs())
          .append("  ").append(name).append('\n'));
      SafeFiles.write(out.resolve(MANIFEST), manifest.toString());
      return changes;
    } catch (IOException e) {
      throw ToolException.failed("cannot write the site in " + out + ": " + e.getMessage(), e);
    }
  }

  /**
   * The manifest: {@code HASH  NAME} or {@code HASH INPUTS  NAME} per line (the first form
   * is what earlier versions wrote; their files count as ours all the same).
   */
  private Map<String, Recorded> readManifest() throws IOException {
    Map<String, Recorded> entries = new TreeMap<>();
    Path manifest = out.resolve(MANIFEST);
    if (!Files.exists(manifest)) {
      return entries;
    }
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      int gap = line.indexOf("  ");
      if (gap < 64 || !line.substring(0, 64).matches("[0-9a-f]{64}")) {
        continue;
      }
      String inputs = null;
      if (gap == 64 + 1 + 16 && line.charAt(64) == ' ') {
        inputs = line.substring(65, gap);
      } else if (gap != 64) {
        continue;
      }
      String name = line.substring(gap + 2);
      if (!name.contains("/") && !name.contains("\\") && !name.startsWith(".")) {
        entries.put(name, new Recorded(line.substring(0, 64), inputs));
      }
    }
    return entries;
  }

  private static String sha256(byte[] bytes) {
    return Marker.sha256(bytes);
  }

}
