package dev.kvorstream.nats;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The settings a design gets where its {@code nats:} block says nothing: general stream
 * defaults and per-case ones (a TTL for telemetry, presence and leases), read from
 * {@code defaults.yaml}.
 */
final class Defaults {

  /** The defaults of one common case: each null when the case sets nothing. */
  record CaseDefaults(Duration ttl, String pattern, Duration maxAge) {
    static final CaseDefaults NONE = new CaseDefaults(null, null, null);
  }

  static final Defaults STANDARD = read("defaults.yaml");

  final Duration ackWait;
  final int maxDeliver;
  final Duration duplicateWindow;
  final Duration retryDelay;
  final int concurrency;
  final Duration fanOutMaxAge;
  final Duration queueMaxAge;
  final int maxWorkAckWaits;
  private final Map<String, Map<String, Object>> cases;

  @SuppressWarnings("unchecked")
  private Defaults(Map<String, Object> data) {
    Map<String, Object> stream = (Map<String, Object>) data.get("stream");
    ackWait = duration(stream, "ackWait");
    maxDeliver = ((Number) stream.get("maxDeliver")).intValue();
    duplicateWindow = duration(stream, "duplicateWindow");
    retryDelay = duration(stream, "retryDelay");
    concurrency = ((Number) stream.get("concurrency")).intValue();
    fanOutMaxAge = duration(stream, "fanOutMaxAge");
    queueMaxAge = duration(stream, "queueMaxAge");
    maxWorkAckWaits = ((Number) stream.get("maxWorkAckWaits")).intValue();
    cases = (Map<String, Map<String, Object>>) data.get("cases");
  }

  /** The defaults of the case a design names, or none. */
  CaseDefaults of(String caseId) {
    Map<String, Object> c = caseId == null ? null : cases.get(caseId);
    if (c == null) {
      return CaseDefaults.NONE;
    }
    return new CaseDefaults(duration(c, "ttl"), (String) c.get("pattern"), duration(c, "maxAge"));
  }

  private static Duration duration(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    Duration d = Durations.parse(value.toString());
    if (d == null) {
      throw new IllegalStateException("defaults.yaml: " + key + " is not a duration: " + value);
    }
    return d;
  }

  private static Defaults read(String name) {
    LoadSettings settings = LoadSettings.builder().setLabel(name).setAllowDuplicateKeys(false).build();
    try (InputStream in = Defaults.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) new Load(settings).loadFromReader(reader);
        return new Defaults(data);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
