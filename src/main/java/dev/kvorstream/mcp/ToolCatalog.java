package dev.kvorstream.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tools' names, descriptions and JSON Schemas, from {@code tools.json} beside this class.
 * The design file's schema is the one source of what a design holds: decide's {@code design}
 * is that schema, and new_decision's fields are its properties of the same names.
 */
final class ToolCatalog {

  /** One tool as the protocol lists it; the schemas are JSON values. */
  record Tool(String name, String title, String description, Map<String, Object> annotations,
      Map<String, Object> inputSchema, Map<String, Object> outputSchema) {}

  private static final String DESIGN_SCHEMA = "DESIGN_SCHEMA";
  private static final String DESIGN_FIELDS = "DESIGN_FIELDS ";

  private ToolCatalog() {}

  static List<Tool> load() {
    JsonMapper json = JsonMapper.builder().build();
    Map<String, Object> tools = read(json, "/dev/kvorstream/mcp/tools.json");
    Map<String, Object> design = read(json, "/dev/kvorstream/design/design.schema.json");
    design.remove("$schema");
    design.remove("$id");
    List<Tool> out = new ArrayList<>();
    for (Object t : (List<?>) tools.get("tools")) {
      Map<String, Object> tool = map(t);
      Map<String, Object> input = map(tool.get("inputSchema"));
      Object properties = input.get("properties");
      if (properties instanceof String s && s.startsWith(DESIGN_FIELDS)) {
        Map<String, Object> picked = new LinkedHashMap<>();
        for (String field : s.substring(DESIGN_FIELDS.length()).split(" ")) {
          Object schema = map(design.get("properties")).get(field);
          if (schema == null) {
            throw new IllegalStateException("tools.json: the design schema has no property " + field);
          }
          picked.put(field, schema);
        }
        input.put("properties", picked);
      } else {
        Map<String, Object> props = map(properties);
        props.replaceAll((k, v) -> DESIGN_SCHEMA.equals(v) ? design : v);
      }
      out.add(new Tool((String) tool.get("name"), (String) tool.get("title"), (String) tool.get("description"),
          map(tool.get("annotations")), input, map(tool.get("outputSchema"))));
    }
    return out;
  }

  private static Map<String, Object> read(JsonMapper json, String resource) {
    try (InputStream in = ToolCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return map(json.readValue(in, Map.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
