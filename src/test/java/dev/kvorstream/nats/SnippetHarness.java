package dev.kvorstream.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.Message;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.MessageInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The names an ADR's jnats snippet leaves to the reader ({@code handle}, {@code alreadyDone},
 * {@code deadLetter}, {@code timer}, {@code requestId}, {@code payload}, ...), supplied so the
 * snippet compiles and runs as printed; each records what it was called with. The snippet
 * becomes the body of {@link #run}.
 */
public abstract class SnippetHarness {

  /** Thrown by {@link #handle} for a payload starting "bad": a failure that never succeeds. */
  public static final class Hopeless extends RuntimeException {
    Hopeless(String what) {
      super(what);
    }
  }

  public final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
  public String requestId = "m0";
  public byte[] payload = "m0".getBytes(StandardCharsets.UTF_8);
  public String loopId = "loop-1";
  public String key = "sensor.reading.room-1";
  public byte[] value = "4.5".getBytes(StandardCharsets.UTF_8);
  public byte[] owner = "holder-1".getBytes(StandardCharsets.UTF_8);

  /** How long one handling takes. */
  public volatile Duration work = Duration.ZERO;
  /** What {@link #work(String)} does while the lease is held. */
  public volatile Runnable leaseWork = () -> { };
  public volatile boolean running = true;

  public final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
  public final List<String> handledBy = new CopyOnWriteArrayList<>();
  public final List<String> deadLetters = new CopyOnWriteArrayList<>();
  public final List<String> events = new CopyOnWriteArrayList<>();

  /** The keys {@link #expected} names: keys that should be written. */
  public volatile List<String> expectedKeys = List.of();
  /** Payloads whose first {@link #alreadyDone} check throws, as a failing idempotency lookup would. */
  public final Set<String> failFirstCheck = ConcurrentHashMap.newKeySet();
  /** Payloads {@link #alreadyDone} finds done (for a claim: whose run exists). */
  public final Set<String> done = ConcurrentHashMap.newKeySet();
  /** Payloads whose first {@link #handle} throws after it was counted, as a start that failed would. */
  public final Set<String> failFirstHandle = ConcurrentHashMap.newKeySet();

  /**
   * Set: {@link #alreadyDone} and {@link #handle} follow 0008's contract on this bucket (decision
   * 9's): the run's key is {@code workflow.state.<Nats-Msg-Id>}, recorded with create, and a
   * refused create (10071) means the run exists.
   */
  public volatile KeyValue runs;
  /** Ids whose run another engine records right after this one's alreadyDone found none. */
  public final Set<String> recordedMeanwhile = ConcurrentHashMap.newKeySet();
  /** True: the first {@code deadLetter(MessageInfo)} throws, as a failing store would. */
  public final java.util.concurrent.atomic.AtomicBoolean failFirstFetchedDeadLetter =
      new java.util.concurrent.atomic.AtomicBoolean();
  /** True: a JetStreamApiException never succeeds, as the reviewer's handler had it. */
  public volatile boolean apiErrorsNeverSucceed;

  public abstract void run(Connection connection) throws Exception;

  static String runKey(Message msg) {
    return "workflow.state." + msg.getHeaders().getFirst("Nats-Msg-Id");
  }

  public List<String> expected() {
    return expectedKeys;
  }

  public void report(Exception e) {
    events.add("report " + e);
  }

  public boolean running() {
    return running;
  }

  /**
   * False: the test counts how often the pattern hands a message to the handler; throws once
   * for a payload in {@link #failFirstCheck}.
   */
  public boolean alreadyDone(Message msg) {
    String body = new String(msg.getData(), StandardCharsets.UTF_8);
    if (failFirstCheck.remove(body)) {
      throw new IllegalStateException("the store of done work is unreachable for " + body);
    }
    if (runs != null) {
      try {
        boolean found = runs.get(runKey(msg)) != null;
        if (!found && recordedMeanwhile.remove(msg.getHeaders().getFirst("Nats-Msg-Id"))) {
          runs.create(runKey(msg), "engine-2".getBytes(StandardCharsets.UTF_8));  // the race
        }
        return found;
      } catch (java.io.IOException | JetStreamApiException e) {
        throw new IllegalStateException(e);
      }
    }
    return done.contains(body);
  }

  public void handle(Message msg) throws Exception {
    String body = new String(msg.getData(), StandardCharsets.UTF_8);
    if (runs != null) {
      try {
        runs.create(runKey(msg), owner);
      } catch (JetStreamApiException e) {
        if (e.getApiErrorCode() == 10071) {
          return;                         // the run exists: another engine recorded it
        }
        throw e;
      }
    }
    handled.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
    handledBy.add(loopId + ":" + msg.getSubject());
    Thread.sleep(work.toMillis());
    if (failFirstHandle.remove(body)) {
      throw new IllegalStateException("the start of " + body + " failed");
    }
    if (body.startsWith("bad")) {
      throw new Hopeless(body);
    }
    if (body.startsWith("poison")) {
      throw new IllegalStateException("the downstream service refused " + body);
    }
  }

  public boolean neverSucceeds(Exception e) {
    return e instanceof Hopeless || (apiErrorsNeverSucceed && e instanceof JetStreamApiException);
  }

  public void deadLetter(Message msg) {
    deadLetters.add("message " + msg.getSubject() + " " + new String(msg.getData(), StandardCharsets.UTF_8));
  }

  public void deadLetter(MessageInfo info) {
    if (failFirstFetchedDeadLetter.getAndSet(false)) {
      throw new IllegalStateException("the dead-letter store is down");
    }
    deadLetters.add("fetched " + info.getSubject() + " " + new String(info.getData(), StandardCharsets.UTF_8));
  }

  public void deadLetterGone(long streamSeq, Message advisory) {
    deadLetters.add("gone " + streamSeq + " " + advisory.getSubject());
  }

  public void forget(String k) {
    events.add("forget " + k);
  }

  public void rebuild(KeyValueEntry entry) {
    events.add("rebuild " + entry.getKey());
  }

  public void apply(KeyValueEntry entry) {
    events.add("apply " + entry.getKey());
  }

  public void markReady() {
    events.add("ready");
  }

  public void silent(String k) {
    events.add("silent " + k);
  }

  public void lost(String k) {
    events.add("lost " + k);
  }

  public void work(String k) {
    events.add("work " + k);
    leaseWork.run();
  }

  /** Stops the handler loops and the timer. */
  public void stop() {
    running = false;
    timer.shutdownNow();
  }
}
