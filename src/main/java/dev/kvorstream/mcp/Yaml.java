package dev.kvorstream.mcp;

import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** A design given as an object, written out as a block-style YAML design file. */
final class Yaml {

  private Yaml() {}

  static String block(Map<String, Object> design) {
    DumpSettings settings = DumpSettings.builder()
        .setDefaultFlowStyle(FlowStyle.BLOCK)
        .setIndent(2)
        .setIndicatorIndent(2)
        .setIndentWithIndicator(true)
        .setWidth(Integer.MAX_VALUE)
        .build();
    return new Dump(settings).dumpToString(design);
  }
}
