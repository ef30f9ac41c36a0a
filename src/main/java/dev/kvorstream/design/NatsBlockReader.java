package dev.kvorstream.design;

import dev.kvorstream.model.NatsBlock;
import dev.kvorstream.problem.Position;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Checks and reads a {@code nats:} block: which keys it may hold, and what kind of value each takes. */
final class NatsBlockReader {

  private static final Set<String> NATS_NUMBERS = Set.of("history", "maxValueSize", "replicas",
      "maxDeliver", "maxAckPending", "maxMsgs", "maxBytes", "concurrency", "instances");
  private static final Set<String> NATS_LISTS = Set.of("subjects", "durables");
  private static final Set<String> NATS_DURATIONS =
      Set.of("ttl", "ackWait", "duplicateWindow", "heartbeat", "maxAge", "retryDelay", "maxWork",
          "silenceAfter");

  private final NodeReader reader;

  NatsBlockReader(NodeReader reader) {
    this.reader = reader;
  }

  NatsBlock read(Node node) {
    Map<String, NodeTuple> map = reader.mapping(node, "nats", NatsBlock.KEYS,
        "give KV settings (bucket, history, ...) or stream settings (stream, subjects, ...)");
    if (map == null) {
      return NatsBlock.EMPTY;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Position> where = new HashMap<>();
    map.forEach((key, tuple) -> {
      Node value = tuple.getValueNode();
      Object read;
      if (NATS_LISTS.contains(key)) {
        List<String> items = value instanceof SequenceNode
            ? reader.textList(value, key) : Optional.ofNullable(reader.text(value, key, false))
                .map(List::of).orElse(List.of());
        read = items.isEmpty() ? null : items;
      } else if (NATS_DURATIONS.contains(key) && value instanceof ScalarNode s
          && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
        reader.error(value, "'" + key + "' is the number " + s.getValue() + "; write a duration such as "
            + s.getValue() + "s or 2m (units: ms, s, m, h)");
        read = null;
      } else if (NATS_NUMBERS.contains(key)) {
        read = reader.number(value, key);
      } else {
        read = reader.text(value, key, false);
      }
      if (read != null) {
        values.put(key, read);
        where.put(key, reader.at(value));
      }
    });
    return new NatsBlock(values, where, reader.at(node));
  }
}
