package dev.kvorstream.model;

/** What the heuristic concludes for a design or a part. */
public enum Verdict {
  KV_WATCH("kv-watch"),
  JETSTREAM_STREAM("jetstream-stream"),
  /** A design split into parts whose verdicts differ: a KV watch and a stream. */
  BOTH("both"),
  /** No test answered, given or inferred. */
  UNDECIDED("undecided");

  private final String id;

  Verdict(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Verdict of(Primitive primitive) {
    return primitive == Primitive.KV_WATCH ? KV_WATCH : JETSTREAM_STREAM;
  }

  /** The primitive this verdict names, or null for both and undecided. */
  public Primitive primitive() {
    return switch (this) {
      case KV_WATCH -> Primitive.KV_WATCH;
      case JETSTREAM_STREAM -> Primitive.JETSTREAM_STREAM;
      default -> null;
    };
  }
}
