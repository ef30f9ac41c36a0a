import io.nats.client.*;
import io.nats.client.api.*;
import io.nats.client.impl.*;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.*;

/**
 * Follows the keys of a KV bucket: the bootstrap (the state now) apart from live changes,
 * ready only once the bootstrap ended, and, with silenceAfter, a check that notices a writer
 * falling silent. Each KV decision calls it with its own bucket and keys; your code
 * is the Watcher.
 */
final class KvFollow {

  /** Your part: what a value means to this component. */
  interface Watcher {
    void rebuild(KeyValueEntry entry);   // bootstrap: the state as it is now, not a new event
    void apply(KeyValueEntry entry);     // a live change; apply idempotently
    void forget(String key);             // deleted or purged (or, on 2.11+, expired)
    void markReady();                    // every current value has arrived
    void report(Exception e);

    default void silent(String key) {    // not written for the silenceAfter time
      report(new IllegalStateException(key + " went silent"));
    }
  }

  private final KeyValue kv;
  private final Watcher watcher;
  private final Map<String, ZonedDateTime> lastWrite = new ConcurrentHashMap<>();
  private final Set<String> expected = ConcurrentHashMap.newKeySet();
  private volatile boolean live;         // false while the initial values arrive
  private volatile boolean silence;      // whether silenceAfter was called (before watch)

  KvFollow(KeyValue kv, Watcher watcher) {
    this.kv = kv;
    this.watcher = watcher;
  }

  /**
   * Reports a key not written for `after` (the bucket's TTL, or how long a stuck writer may
   * look alive): on 2.9 and 2.10 a key that expires leaves the bucket without a word to its
   * watchers, so this checks the age of what was last seen, five times per `after`, and is
   * at most a fifth of it late. The expected keys (the owner's list of sensors, members, ...)
   * count from now: one that expired before this process started, or never wrote, is silent
   * from the start, and a delete does not take it off the list. A purged key stays checked:
   * on 2.11+ an expiry marker arrives as a purge, and jnats 2.26 cannot tell the two apart.
   * getCreated() is the server's clock and now() this machine's: keep both on NTP.
   */
  KvFollow silenceAfter(Duration after, Collection<String> expected, ScheduledExecutorService timer) {
    silence = true;
    ZonedDateTime start = ZonedDateTime.now();
    this.expected.addAll(expected);
    expected.forEach(k -> lastWrite.put(k, start));
    long every = after.dividedBy(5).toMillis();
    timer.scheduleAtFixedRate(() -> {
      try {
        ZonedDateTime now = ZonedDateTime.now();
        lastWrite.forEach((k, at) -> {
          // remove only the time looked at: a write that came meanwhile keeps the key
          if (at.plus(after).isBefore(now) && lastWrite.remove(k, at)) {
            watcher.silent(k);           // the writer stopped: alert, or drop its value
          }
        });
      } catch (RuntimeException e) {
        watcher.report(e);               // a task that throws is never run again
      }
    }, every, every, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Watches the keys: first the current value of each (the bootstrap), then live changes. */
  NatsKeyValueWatchSubscription watch(String keys)
      throws IOException, JetStreamApiException, InterruptedException {
    return kv.watch(keys, new KeyValueWatcher() {
      @Override
      public void watch(KeyValueEntry entry) {
        if (entry.getOperation() != KeyValueOperation.PUT) {
          if (entry.getOperation() == KeyValueOperation.DELETE && !expected.contains(entry.getKey())) {
            lastWrite.remove(entry.getKey());   // deleted on purpose: no longer expected
          }
          watcher.forget(entry.getKey());
        } else {
          if (silence) {
            lastWrite.put(entry.getKey(), entry.getCreated());
          }
          if (!live) {
            watcher.rebuild(entry);
          } else {
            watcher.apply(entry);
          }
        }
      }

      @Override
      public void endOfData() {
        live = true;
        watcher.markReady();             // only now report this component ready
      }
    });
  }
}
