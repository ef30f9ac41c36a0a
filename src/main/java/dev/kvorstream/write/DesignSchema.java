package dev.kvorstream.write;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON Schema of a design file, written beside the designs for editors (each design
 * names it in its first line). Refreshed only while it is ours: a schema the user put there
 * stays.
 */
public final class DesignSchema {

  /** Its file name in the decisions folder. */
  public static final String FILE = "design.schema.json";

  private DesignSchema() {}

  public static void writeBeside(Path dir) throws IOException {
    String schema;
    try (InputStream in = DesignSchema.class.getResourceAsStream("/dev/kvorstream/design/design.schema.json")) {
      schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path target = dir.resolve(FILE);
    if (!Files.exists(target) || Files.readString(target).contains("\"$id\": \"https://kv-or-stream.dev/schema/")) {
      SafeFiles.write(target, schema);
    }
  }
}
