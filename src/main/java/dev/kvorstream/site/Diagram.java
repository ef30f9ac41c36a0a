package dev.kvorstream.site;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a path's picture: the producer on the left, the bucket or stream in the
 * middle, the consumers stacked on the right, and the arrows between them. Coordinates
 * only; the SVG is written by the page template.
 */
public record Diagram(int width, int height, Box producer, Box via, List<Box> consumers,
    List<Arrow> arrows, String kind) {

  /** A labelled box; {@code shape} is {@code box} or {@code store}. */
  public record Box(int x, int y, int w, int h, String label, String shape) {
    public int cx() {
      return x + w / 2;
    }

    public int cy() {
      return y + h / 2;
    }
  }

  /** An arrow from one point to another with a label above its middle. */
  public record Arrow(int x1, int y1, int x2, int y2, String label) {
    public int lx() {
      return (x1 + x2) / 2;
    }

    public int ly() {
      return (y1 + y2) / 2 - 8;
    }
  }

  static final int BOX_W = 170;
  static final int BOX_H = 44;
  static final int GAP = 16;
  static final int COLUMN = 140;

  /**
   * Lays out a path.
   *
   * @param verdict {@code kv-watch}, {@code jetstream-stream}, or anything else for a
   *     path whose primitive is not decided
   */
  public static Diagram of(String producer, List<String> consumers, String verdict) {
    List<String> names = consumers.isEmpty() ? List.of("consumer") : consumers;
    int rows = names.size();
    int height = Math.max(BOX_H, rows * BOX_H + (rows - 1) * GAP) + 40;
    int mid = height / 2;
    Box from = new Box(10, mid - BOX_H / 2, BOX_W, BOX_H, shorten(producer == null ? "producer" : producer), "box");
    String kind = switch (verdict) {
      case "kv-watch" -> "kv";
      case "jetstream-stream" -> "stream";
      default -> "path";
    };
    String viaLabel = switch (kind) {
      case "kv" -> "KV bucket";
      case "stream" -> "JetStream stream";
      default -> "undecided";
    };
    int viaX = from.x() + BOX_W + COLUMN;
    Box via = new Box(viaX, mid - BOX_H / 2 - 6, BOX_W, BOX_H + 12, viaLabel, "store");
    int consumerX = viaX + BOX_W + COLUMN;
    int top = (height - (rows * BOX_H + (rows - 1) * GAP)) / 2;
    List<Box> boxes = new ArrayList<>();
    List<Arrow> arrows = new ArrayList<>();
    String in = switch (kind) {
      case "kv" -> "put";
      case "stream" -> "publish";
      default -> "";
    };
    arrows.add(new Arrow(from.x() + BOX_W, mid, via.x(), mid, in));
    String out = switch (kind) {
      case "kv" -> "watch";
      case "stream" -> "durable consumer";
      default -> "";
    };
    for (int i = 0; i < rows; i++) {
      Box b = new Box(consumerX, top + i * (BOX_H + GAP), BOX_W, BOX_H, shorten(names.get(i)), "box");
      boxes.add(b);
      arrows.add(new Arrow(via.x() + BOX_W, mid, b.x(), b.cy(), i == 0 || rows == 1 ? out : ""));
    }
    return new Diagram(consumerX + BOX_W + 10, height, from, via, boxes, arrows, kind);
  }

  private static String shorten(String label) {
    return label.length() <= 22 ? label : label.substring(0, 21) + "…";
  }
}
