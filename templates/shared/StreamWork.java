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
    void handle(Message msg) throws Exception;
    boolean neverSucceeds(Exception e);                 // true: term(), no more deliveries
    void deadLetter(Message msg);                       // a message ended with term()
    void deadLetter(MessageInfo msg);                   // one that used up its deliveries
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

  StreamWork(Connection connection, String stream, String durable, Handler handler,
      ScheduledExecutorService timer) throws IOException, JetStreamApiException {
    this.connection = connection;
    this.stream = stream;
    this.consumer = connection.getConsumerContext(stream, durable);
    this.handler = handler;
    this.timer = timer;
  }

  /** How long a failed message waits before it is delivered again (nakWithDelay). */
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
   * Long work: claim the message's id (its Nats-Msg-Id, a valid KV key) in a bucket whose
   * TTL outlives any redelivery, ack at once, then work; the work's own state carries it
   * from there. A redelivered message whose id is claimed starts nothing.
   */
  void handleClaimed(int threads, KeyValue claims, byte[] owner) {
    loops(threads, msg -> {
      String id = msg.getHeaders().getFirst("Nats-Msg-Id");
      try {
        claims.create(id, owner);              // refused (10071) when the key exists
      } catch (JetStreamApiException e) {
        if (e.getApiErrorCode() != 10071) {
          throw e;                             // not claimed: it comes back after the ack wait
        }
        msg.ack();                             // claimed before: a redelivery of work already started
        return;
      }
      msg.ack();                               // ours now; a crash before this ack is the case above
      handler.handle(msg);                     // records its progress in its own state; a claim
                                               // with no state is a start that died: sweep those
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
        while (handler.running()) {
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
    try {
      handler.handle(msg);
      msg.ack();
    } catch (Exception e) {
      if (handler.neverSucceeds(e)) {
        handler.deadLetter(msg);
        msg.term();                            // no more deliveries
      } else {
        msg.nakWithDelay(retryDelay);          // again later, until max deliver
      }
    } finally {
      if (progress != null) {
        progress.cancel(false);
      }
    }
  }

  /**
   * Dead letters: the server announces a message that ran out of deliveries on core NATS (at
   * most once), so these announcements are kept in a stream of their own, {stream}_DEAD_LETTERS
   * (as many replicas as the work stream), read by the durable dead-letters, which fetches
   * each dead message by the stream sequence it names.
   */
  MessageConsumer keepDeadLetters(Duration keep) throws IOException, JetStreamApiException {
    JetStreamManagement jsm = connection.jetStreamManagement();
    StreamConfiguration work = jsm.getStreamInfo(stream).getConfiguration();
    String deadLetters = stream + "_DEAD_LETTERS";
    jsm.addStream(StreamConfiguration.builder().name(deadLetters)
        .subjects("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES." + stream + ".*")
        .maxAge(keep).storageType(StorageType.File).replicas(work.getReplicas()).build());
    jsm.addOrUpdateConsumer(deadLetters, ConsumerConfiguration.builder()
        .durable("dead-letters").deliverPolicy(DeliverPolicy.All).ackPolicy(AckPolicy.Explicit).build());
    boolean workQueue = work.getRetentionPolicy() == RetentionPolicy.WorkQueue;
    return connection.getConsumerContext(deadLetters, "dead-letters").consume(advisory -> {
      long seq = JsonValueUtils.readLong(JsonParser.parseUnchecked(advisory.getData()), "stream_seq", 0);
      MessageInfo dead = null;
      try {
        dead = jsm.getMessage(stream, seq);
        handler.deadLetter(dead);              // keep it where a person can look at it, by stream
                                               // and sequence, so a retry adds nothing
        if (workQueue) {
          jsm.deleteMessage(stream, seq);      // a workqueue stream keeps it otherwise
        }
        advisory.ack();
      } catch (JetStreamApiException e) {
        if (dead == null && e.getApiErrorCode() == 10037) {   // it left the stream meanwhile
          handler.deadLetter(advisory);        // keep the announcement itself
          advisory.ack();
        } else {
          advisory.nakWithDelay(retryDelay);   // another refusal: try again later
        }
      } catch (IOException e) {
        advisory.nakWithDelay(retryDelay);     // the server is unreachable: try again later
      }
    });
  }
}
