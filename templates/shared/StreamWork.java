import io.nats.client.*;
import io.nats.client.api.*;
import io.nats.client.support.*;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.*;

/**
 * Handles the messages of one durable pull consumer, and reads its dead letters. Each stream
 * decision calls it with its own stream, durable and values; your code is the Handler.
 */
final class StreamWork {

  /** Your part: the work, and where reports and dead letters go. */
  interface Handler {
    boolean running();                                  // false ends the handler loops
    boolean alreadyDone(Message msg) throws Exception;  // delivery is at least once
    void handle(Message msg) throws Exception;          // claimed: once it recorded the run it must
                                                        // not throw (the run's failures are the run's);
                                                        // a refused create (10071): the run exists, return
    boolean neverSucceeds(Exception e);                 // true: term(), no more deliveries
    void deadLetter(Message msg);                       // ended with term(), or no valid id to claim
    void deadLetter(MessageInfo msg);                   // used up its deliveries: fetched by sequence
    void deadLetterGone(long streamSeq, Message advisory);  // used up its deliveries, but left the
                                                        // stream before the fetch: its announcement
    void report(Exception e);
  }

  private final Connection connection;
  private final String stream;
  private final ConsumerContext consumer;
  private final Handler handler;
  private final ScheduledExecutorService timer;
  private Duration retryDelay = Duration.ofSeconds(10);
  private Duration inProgressEvery;                     // null: fast work, no in-progress acks
  private Duration maxWork;

  /** durable null: a StreamWork that only reads the stream's dead letters (keepDeadLetters). */
  StreamWork(Connection connection, String stream, String durable, Handler handler,
      ScheduledExecutorService timer) throws IOException, JetStreamApiException {
    this.connection = connection;
    this.stream = stream;
    this.consumer = durable == null ? null : connection.getConsumerContext(stream, durable);
    this.handler = handler;
    this.timer = timer;
  }

  /** A failed message waits this long times its delivery count (nakWithDelay): 10s, 20s, ... */
  StreamWork retryAfter(Duration delay) {
    retryDelay = delay;
    return this;
  }

  /** Slow work: an in-progress ack this often (shorter than the ack wait) while a handler works. */
  StreamWork inProgressEvery(Duration every) {
    inProgressEvery = every;
    return this;
  }

  /** After this long the in-progress acks stop: a hung handler's message comes back. */
  StreamWork maxWork(Duration limit) {
    maxWork = limit;
    return this;
  }

  /**
   * Slow work: each of n threads takes one message with next() and finishes it before it
   * takes the next, so no message waits in a client buffer while its ack wait runs out.
   * Give the durable max ack pending n (times the processes that read it).
   */
  void handleWithNext(int threads) {
    loops(threads, this::handleOne);
  }

  /**
   * Long work: the message's id (its Nats-Msg-Id, a valid KV key such as a UUID) is claimed in
   * a bucket whose TTL outlives any redelivery, then handle records the run under its own key
   * in the run state bucket (with create: a refused create means the run exists, so handle
   * returns), starts it on your own executor and returns; only then is the message acked.
   * alreadyDone and handle use the run's key, never the claim. A message comes back only if
   * its claimant stopped before the run was recorded, or just its ack was lost (alreadyDone
   * finds the run); after that the run's own supervision recovers it.
   */
  void handleClaimed(int threads, KeyValue claims, byte[] owner) {
    loops(threads, msg -> {
      String id = msg.hasHeaders() ? msg.getHeaders().getFirst("Nats-Msg-Id") : null;
      if (id == null || id.isEmpty() || Validator.notNonWildcardKvKey(id)) {
        handler.deadLetter(msg);               // nothing to claim it by: it can never start
        msg.term();
        return;
      }
      if (handler.alreadyDone(msg)) {
        msg.ack();                             // the run is recorded: the run's supervision has it
        return;
      }
      KeyValueEntry claim = claims.get(id);
      if (claim == null) {
        claims.create(id, owner);              // refused (10071) if claimed meanwhile: it comes back
      } else {
        claims.update(id, owner, claim.getRevision());   // its claimant stopped before the run
      }                                        // existed: take over (refused if another did first)
      work(msg);                               // handle, with in-progress acks, then ack
    });
  }

  /**
   * Fast work: consume() keeps a buffer of messages (500 by default) whose ack wait runs while
   * they wait; if a full buffer can take longer than the ack wait, use handleWithNext.
   */
  MessageConsumer handleBuffered() throws IOException, JetStreamApiException {
    return consumer.consume(msg -> {
      try {
        handleOne(msg);
      } catch (Exception e) {
        handler.report(e);                     // unacknowledged: it comes back after the ack wait
      }
    });
  }

  private interface Step {
    void take(Message msg) throws Exception;
  }

  private void loops(int threads, Step step) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < threads; i++) {
      pool.submit(() -> {
        while (handler.running()) {            // running() ends it (and an interrupt while it backs off)
          try {
            Message msg = consumer.next(Duration.ofSeconds(1));   // null when nothing came
            if (msg != null) {
              step.take(msg);
            }
          } catch (Exception e) {              // e.g. 409 consumer deleted, a lost connection, a
            handler.report(e);                 // failed ack: a thread that died here would stop
            Thread.sleep(1000);                // handling in silence; back off, then carry on
          }
        }
        return null;
      });
    }
    pool.shutdown();                           // the threads end with their loops
  }

  private void handleOne(Message msg) throws Exception {
    if (handler.alreadyDone(msg)) {
      msg.ack();                               // done before a crash took its ack: skip it
      return;
    }
    work(msg);
  }

  private void work(Message msg) throws Exception {
    long started = System.nanoTime();
    ScheduledFuture<?> progress = inProgressEvery == null ? null : timer.scheduleAtFixedRate(() -> {
      if (maxWork != null && System.nanoTime() - started > maxWork.toNanos()) {
        return;                                // worked too long: let the ack wait run out
      }
      try {
        msg.inProgress();                      // still working: the ack wait starts again
      } catch (Exception e) {
        handler.report(e);                     // a task that throws is never run again
      }
    }, inProgressEvery.toMillis(), inProgressEvery.toMillis(), TimeUnit.MILLISECONDS);
    Exception failed = null;
    try {
      handler.handle(msg);
    } catch (Exception e) {
      failed = e;
    } finally {
      if (progress != null) {
        progress.cancel(false);                // first, so no new tick undoes a delayed nak (one already running may)
      }
    }
    if (failed == null) {
      msg.ack();                               // a failed ack is reported, not a failed handle
    } else if (handler.neverSucceeds(failed)) {
      handler.deadLetter(msg);
      msg.term();                              // no more deliveries
    } else {
      msg.nakWithDelay(retryDelay.multipliedBy(msg.metaData().deliveredCount()));  // later each
                                               // time, until max deliver: then a dead letter
    }
  }

  /**
   * Dead letters: the server announces a message that ran out of deliveries on core NATS (at
   * most once), so these announcements are kept in a stream of their own, {stream}_DEAD_LETTERS
   * (as many replicas as the work stream), read by the durable dead-letters (10 deliveries,
   * then an announcement waits in that stream for a person), which fetches each dead message
   * by the stream sequence it names. Key what you keep by that sequence: after a lost ack the
   * same one comes again, as deadLetterGone if it was already deleted.
   */
  MessageConsumer keepDeadLetters(Duration keep) throws IOException, JetStreamApiException {
    JetStreamManagement jsm = connection.jetStreamManagement();
    StreamConfiguration work = jsm.getStreamInfo(stream).getConfiguration();
    String deadLetters = stream + "_DEAD_LETTERS";
    jsm.addStream(StreamConfiguration.builder().name(deadLetters)
        .subjects("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES." + stream + ".*")
        .maxAge(keep).storageType(StorageType.File).replicas(work.getReplicas()).build());
    jsm.addOrUpdateConsumer(deadLetters, ConsumerConfiguration.builder().durable("dead-letters")
        .deliverPolicy(DeliverPolicy.All).ackPolicy(AckPolicy.Explicit).maxDeliver(10).build());
    boolean workQueue = work.getRetentionPolicy() == RetentionPolicy.WorkQueue;
    return connection.getConsumerContext(deadLetters, "dead-letters").consume(advisory -> {
      long seq = JsonValueUtils.readLong(JsonParser.parseUnchecked(advisory.getData()), "stream_seq", 0);
      MessageInfo dead = null;
      try {
        if (seq > 0) {
          dead = jsm.getMessage(stream, seq);
          handler.deadLetter(dead);            // keep it where a person can look at it
          if (workQueue) {
            jsm.deleteMessage(stream, seq, false);   // a workqueue stream keeps it otherwise
          }
        } else {
          handler.deadLetterGone(seq, advisory);     // an announcement that names no message
        }
        advisory.ack();
      } catch (JetStreamApiException e) {
        if (dead == null && e.getApiErrorCode() == 10037) {   // it left the stream meanwhile
          handler.deadLetterGone(seq, advisory);
          advisory.ack();
        } else {
          handler.report(e);
          advisory.nakWithDelay(retryDelay);   // another refusal: try again later
        }
      } catch (IOException | RuntimeException e) {
        handler.report(e);                     // unreachable, or your deadLetter failed: later
        advisory.nakWithDelay(retryDelay);     // again, 10 tries: then it waits for a person
      }
    });
  }
}
