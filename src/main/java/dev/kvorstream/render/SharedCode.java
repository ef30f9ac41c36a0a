package dev.kvorstream.render;

import dev.kvorstream.ledger.Decision;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Java that is the same in every decision of a kind, printed once in the index and on
 * the site's heuristic page instead of in each ADR: {@code StreamWork} (the handler loops,
 * in-progress acks, retries and the dead-letter reader of every stream decision) and
 * {@code KvFollow} (the bootstrap-then-live watcher and the silence check of every KV
 * decision). Each ADR calls it with its own values. The code lives in
 * {@code templates/shared/}, so a templates folder can override it like any template.
 *
 * @param name the class name, also the heading the ADRs link to
 * @param anchor the heading's anchor ({@code README.md#streamwork})
 * @param code the class as the user copies it
 */
public record SharedCode(String name, String anchor, String code) {

  public static final String STREAM_WORK = "StreamWork";
  public static final String KV_FOLLOW = "KvFollow";

  /** The classes some decision of the log calls, in a fixed order, read from the templates. */
  public static List<SharedCode> needed(DecisionLog log, Templates templates) {
    boolean streams = false;
    boolean follows = false;
    for (Decision e : log.entries()) {
      for (Spec spec : e.specs()) {
        streams |= spec instanceof Spec.Stream;
        follows |= spec instanceof Spec.Kv kv && usesKvFollow(kv);
      }
    }
    List<SharedCode> out = new ArrayList<>();
    if (follows) {
      out.add(of(KV_FOLLOW, templates));
    }
    if (streams) {
      out.add(of(STREAM_WORK, templates));
    }
    return out;
  }

  /** Whether a bucket's snippet follows its keys with KvFollow (a lease takes and renews one key instead). */
  public static boolean usesKvFollow(Spec.Kv kv) {
    return !kv.pattern().equals("lease");
  }

  static SharedCode of(String name, Templates templates) {
    return new SharedCode(name, name.toLowerCase(Locale.ROOT),
        templates.raw("shared/" + name + ".java").stripTrailing());
  }
}
