package dev.kvorstream.model;

/** The two NATS primitives a test can vote for. */
public enum Primitive {
  KV_WATCH("kv-watch"),
  JETSTREAM_STREAM("jetstream-stream");

  private final String id;

  Primitive(String id) {
    this.id = id;
  }

  /** The word used in JSON, YAML and templates. */
  public String id() {
    return id;
  }

  public static Primitive fromId(String id) {
    for (Primitive p : values()) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown primitive '" + id + "'");
  }
}
