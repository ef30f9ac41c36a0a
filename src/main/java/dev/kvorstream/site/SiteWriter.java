package dev.kvorstream.site;

import dev.kvorstream.problem.KvException;
import dev.kvorstream.write.Marker;
import dev.kvorstream.write.SafeFiles;
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

  public List<Change> write(Map<String, String> files, boolean force) {
    return write(new SiteBuilder.Output(List.copyOf(files.keySet()), files::get), force);
  }

  /** What became of one file, and the checksum the manifest keeps for it (or null). */
  private record Done(Action action, String hash) {}

  /**
   * Writes the site: each file is made, checked against what is there and written on the
   * writer threads, then let go, so the whole site is never in memory at once.
   */
  public List<Change> write(SiteBuilder.Output files, boolean force) {
    List<Change> changes = new ArrayList<>();
    try {
      Files.createDirectories(out);
      Map<String, String> before = readManifest();
      Map<String, Done> done = SafeFiles.atOnce(files.names(), name -> {
        String content = files.content().apply(name);
        String hash = sha256(content);
        Path target = out.resolve(name);
        if (Files.exists(target)) {
          String current = sha256(Files.readString(target, StandardCharsets.UTF_8));
          boolean ours = before.containsKey(name) && before.get(name).equals(current);
          if (!ours && !current.equals(hash) && !force) {
            return before.containsKey(name) ? new Done(Action.KEPT_CHANGED, before.get(name))
                : new Done(Action.KEPT_FOREIGN, null);
          }
        }
        return new Done(switch (SafeFiles.write(target, content)) {
          case CREATED -> Action.CREATED;
          case UPDATED -> Action.UPDATED;
          case UNCHANGED -> Action.UNCHANGED;
        }, hash);
      });
      Map<String, String> after = new TreeMap<>();
      done.forEach((name, d) -> {
        changes.add(new Change(name, d.action()));
        if (d.hash() != null) {
          after.put(name, d.hash());
        }
      });
      for (Map.Entry<String, String> old : before.entrySet()) {
        if (done.containsKey(old.getKey())) {
          continue;
        }
        Path target = out.resolve(old.getKey());
        if (Files.exists(target)
            && sha256(Files.readString(target, StandardCharsets.UTF_8)).equals(old.getValue())) {
          Files.delete(target);
          changes.add(new Change(old.getKey(), Action.REMOVED));
        } else if (Files.exists(target)) {
          changes.add(new Change(old.getKey(), Action.KEPT_CHANGED));
        }
      }
      StringBuilder manifest = new StringBuilder(
          "# Files written by kv-or-stream site, with their SHA-256; only these are replaced or removed.\n");
      after.forEach((name, hash) -> manifest.append(hash).append("  ").append(name).append('\n'));
      SafeFiles.write(out.resolve(MANIFEST), manifest.toString());
      return changes;
    } catch (IOException e) {
      throw KvException.failed("cannot write the site in " + out + ": " + e.getMessage(), e);
    }
  }

  private Map<String, String> readManifest() throws IOException {
    Map<String, String> entries = new TreeMap<>();
    Path manifest = out.resolve(MANIFEST);
    if (!Files.exists(manifest)) {
      return entries;
    }
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      int gap = line.indexOf("  ");
      if (gap == 64) {
        String name = line.substring(66);
        if (!name.contains("/") && !name.contains("\\") && !name.startsWith(".")) {
          entries.put(name, line.substring(0, 64));
        }
      }
    }
    return entries;
  }

  private static String sha256(String text) {
    return Marker.sha256(text);
  }
}
