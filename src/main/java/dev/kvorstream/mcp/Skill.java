package dev.kvorstream.mcp;

import dev.kvorstream.write.SafeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The agent skill (docs/skill/kv-or-stream/SKILL.md, packaged into the jar): its text, and
 * installing it where coding agents look for skills.
 */
public final class Skill {

  /** Where {@code skill --install} puts it by default, under the working folder. */
  public static final String DEFAULT_FOLDER = ".claude/skills";
  /** The skill's folder and file below a skills folder. */
  public static final String FILE = "kv-or-stream/SKILL.md";

  private Skill() {}

  /** The skill file's text. */
  public static String text() {
    try (InputStream in = Skill.class.getResourceAsStream("/skill/" + FILE)) {
      if (in == null) {
        throw new IllegalStateException("the skill is missing from the jar (/skill/" + FILE + ")");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What {@link #install} did. */
  public enum Installed { CREATED, UPDATED, UNCHANGED, DIFFERENT }

  /**
   * Writes the skill to {@code skillsFolder/kv-or-stream/SKILL.md}. A file there that differs
   * (an older version, or the user's edit) is replaced only when {@code force} is set.
   */
  public static Installed install(Path skillsFolder, boolean force) throws IOException {
    Path target = skillsFolder.resolve(FILE);
    String text = text();
    if (Files.exists(target)) {
      if (Files.readString(target, StandardCharsets.UTF_8).equals(text)) {
        return Installed.UNCHANGED;
      }
      if (!force) {
        return Installed.DIFFERENT;
      }
      SafeFiles.write(target, text);
      return Installed.UPDATED;
    }
    Files.createDirectories(target.getParent());
    SafeFiles.write(target, text);
    return Installed.CREATED;
  }
}
