package dev.kvorstream.heuristic;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Reads the heuristic's own YAML resources (cue words, the catalogue) from the classpath. */
final class DataFiles {

  private DataFiles() {}

  static Map<String, Object> read(String name) {
    LoadSettings settings = LoadSettings.builder().setLabel(name).setAllowDuplicateKeys(false).build();
    try (InputStream in = DataFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) new Load(settings).loadFromReader(reader);
        return data;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value == null ? List.of() : (List<Object>) value;
  }
}
