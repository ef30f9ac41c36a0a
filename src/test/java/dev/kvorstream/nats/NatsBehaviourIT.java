package dev.kvorstream.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvorstream.model.Spec;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValue;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the ADRs claim about restarts, proven on a real nats-server with the settings the
 * ADRs print (the specs of the project's own examples).
 */
class NatsBehaviourIT {

  static NatsServer server;

  @BeforeAll
  static void start() throws Exception {
    server = NatsServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static Connection connect() throws Exception {
    return Nats.connect(server.url());
  }

  /** Records what a watcher sees: entries, and "END" where the initial values end. */
  static final class Recorder implements KeyValueWatcher {
    final List<String> seen = new CopyOnWriteArrayList<>();
    final CountDownLatch end = new CountDownLatch(1);

    @Override
    public void watch(KeyValueEntry entry) {
      seen.add(entry.getKey() + "=" + new String(entry.getValue(), StandardCharsets.UTF_8));
    }

    @Override
    public void endOfData() {
      seen.add("END");
      end.countDown();
    }
  }

  @Test
  void aRestartedKvWatcherGetsEveryCurrentValueThenTheEndMarkerThenLiveChanges() throws Exception {
    Spec.Kv spec = new Spec.Kv(1, null, "entity-state-it", 1, null, 0, 1, "graph.entity.>", "state");
    try (Connection nc = connect()) {
      nc.keyValueManagement().create(Configs.kv(spec));
      KeyValue kv = nc.keyValue(spec.bucket());
      kv.put("graph.entity.1", "draft");
      kv.put("graph.entity.2", "draft");
      kv.put("graph.entity.1", "published");

      Recorder first = new Recorder();
      try (var watch = kv.watch(spec.keys(), first)) {
        assertThat(first.end.await(5, TimeUnit.SECONDS)).isTrue();
      }
      // the watcher's process "restarts": a new watch, while a value changed in between
      kv.put("graph.entity.2", "archived");
      Recorder restarted = new Recorder();
      try (var watch = kv.watch(spec.keys(), restarted)) {
        assertThat(restarted.end.await(5, TimeUnit.SECONDS)).isTrue();
        kv.put("graph.entity.3", "draft");
        long deadline = System.currentTimeMillis() + 5000;
        while (restarted.seen.size() < 4 && System.currentTimeMillis() < deadline) {
          Thread.sleep(20);
        }
      }
      assertThat(first.seen).containsExactly("graph.entity.2=draft", "graph.entity.1=published", "END");
      // history 1: the restarted watcher sees only the latest value of each key, then live
      assertThat(restarted.seen).containsExactly(
          "graph.entity.1=published", "graph.entity.2=archived", "END", "graph.entity.3=draft");
    }
  }

  static Spec.Stream toolRuns(String stream, String subject, String retention, String deliver) {
    return new Spec.Stream(6, null, stream, List.of(subject), retention, 1, Duration.ofMinutes(2), null, 0, 0,
        List.of(new Spec.Consumer("tool-runner", null, null)), deliver, Duration.ofSeconds(1), 5, 1000, null, 0,
        Duration.ofSeconds(10), 1, null, null);
  }

  static List<String> drain(ConsumerContext consumer, int max, boolean ack) throws Exception {
    List<String> out = new ArrayList<>();
    try (FetchConsumer fetch = consumer.fetch(io.nats.client.FetchConsumeOptions.builder()
        .maxMessages(max).expiresIn(1500).build())) {
      Message m;
      while ((m = fetch.nextMessage()) != null) {
        out.add(new String(m.getData(), StandardCharsets.UTF_8));
        if (ack) {
          m.ack();
        }
      }
    }
    return out;
  }

  @Test
  void aRestartedDurableConsumerResumesAfterItsLastAckAndGetsUnackedWorkBack() throws Exception {
    Spec.Stream spec = toolRuns("TOOL_RUNS_IT", "it.tool.execute.>", "workqueue", "all");
    try (Connection nc = connect()) {
      JetStreamManagement jsm = nc.jetStreamManagement();
      jsm.addStream(Configs.stream(spec));
      nc.jetStream().publish("it.tool.execute.run", "before the consumer".getBytes(StandardCharsets.UTF_8));
      jsm.addOrUpdateConsumer(spec.stream(), Configs.consumer(spec, spec.consumers().get(0)));
      for (int i = 1; i <= 5; i++) {
        nc.jetStream().publish("it.tool.execute.run", ("job " + i).getBytes(StandardCharsets.UTF_8));
      }
      List<String> firstRun = new ArrayList<>();
      ConsumerContext consumer = nc.getConsumerContext(spec.stream(), spec.durable());
      try (FetchConsumer fetch = consumer.fetchMessages(4)) {
        Message m;
        while ((m = fetch.nextMessage()) != null) {
          String body = new String(m.getData(), StandardCharsets.UTF_8);
          firstRun.add(body);
          if (!body.equals("job 3")) {
            // job 3 is in hand when the process dies; the others are acked, and the ack is
            // confirmed (a plain ack still unsent when the connection closes is simply lost)
            m.ackSync(Duration.ofSeconds(5));
          }
        }
      }
      // deliver all (the default): what was published before the durable existed is not skipped
      assertThat(firstRun).containsExactly("before the consumer", "job 1", "job 2", "job 3");
    }
    Thread.sleep(1500);                       // longer than the ack wait
    try (Connection restarted = connect()) {
      List<String> secondRun = drain(restarted.getConsumerContext(spec.stream(), spec.durable()), 10, true);
      // acked work is not replayed; the unacked job comes back, then the rest
      assertThat(secondRun).containsExactlyInAnyOrder("job 3", "job 4", "job 5");
      assertThat(restarted.jetStreamManagement().getStreamInfo(spec.stream()).getStreamState().getMsgCount())
          .as("a workqueue stream removes each message at its ack").isZero();
    }
  }

  @Test
  void aDeliverNewDurableSkipsWhatTheStreamHeldBeforeIt() throws Exception {
    Spec.Stream spec = toolRuns("NEW_IT", "it.new.>", "limits", "new");
    try (Connection nc = connect()) {
      JetStreamManagement jsm = nc.jetStreamManagement();
      jsm.addStream(Configs.stream(spec));
      nc.jetStream().publish("it.new.run", "before".getBytes(StandardCharsets.UTF_8));
      jsm.addOrUpdateConsumer(spec.stream(), Configs.consumer(spec, spec.consumers().get(0)));
      nc.jetStream().publish("it.new.run", "after".getBytes(StandardCharsets.UTF_8));
      assertThat(drain(nc.getConsumerContext(spec.stream(), spec.durable()), 10, true)).containsExactly("after");
    }
  }

  @Test
  void aWorkQueueStreamRefusesASecondConsumerWhoseFilterOverlaps() throws Exception {
    try (Connection nc = connect()) {
      JetStreamManagement jsm = nc.jetStreamManagement();
      Spec.Stream spec = toolRuns("WQ_OVERLAP_IT", "it.wq.>", "workqueue", "all");
      jsm.addStream(Configs.stream(spec));
      jsm.addOrUpdateConsumer(spec.stream(), Configs.consumer(spec, "first", null));
      assertThatThrownBy(() -> jsm.addOrUpdateConsumer(spec.stream(), Configs.consumer(spec, "second", null)))
          .isInstanceOfSatisfying(JetStreamApiException.class,
              e -> assertThat(e.getApiErrorCode()).isEqualTo(10099));
      jsm.deleteConsumer(spec.stream(), "first");
      // one durable per instance, each with its own filter, as decision 7 prints them
      jsm.addOrUpdateConsumer(spec.stream(), Configs.consumer(spec, "loop-1", "it.wq.loop-1.>"));
      jsm.addOrUpdateConsumer(spec.stream(), Configs.consumer(spec, "loop-2", "it.wq.loop-2.>"));
      assertThatThrownBy(() -> jsm.addOrUpdateConsumer(spec.stream(), Configs.consumer(spec, "all", null)))
          .isInstanceOf(JetStreamApiException.class);
    }
  }

  @Test
  void theMaxDeliveriesAnnouncementIsLostWithoutAListenerButKeptByTheDeadLetterStream() throws Exception {
    Spec.Stream spec = new Spec.Stream(2, null, "DLQ_IT", List.of("it.dlq.>"), "workqueue", 1, Duration.ofMinutes(2),
        null, 0, 0, List.of(new Spec.Consumer("worker", null, null)), "all", Duration.ofSeconds(1), 2, 1000, null, 0,
        Duration.ofMillis(100), 1, null, null);
    try (Connection nc = connect()) {
      JetStreamManagement jsm = nc.jetStreamManagement();
      jsm.addStream(Configs.stream(spec));
      jsm.addOrUpdateConsumer(spec.stream(), Configs.consumer(spec, spec.consumers().get(0)));
      jsm.addStream(Configs.deadLetters(spec));
      nc.jetStream().publish("it.dlq.job", "poison".getBytes(StandardCharsets.UTF_8));
      ConsumerContext consumer = nc.getConsumerContext(spec.stream(), spec.durable());
      List<String> deliveries = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Message m = consumer.next(Duration.ofSeconds(1));
        if (m != null) {
          deliveries.add(new String(m.getData(), StandardCharsets.UTF_8));
          m.nakWithDelay(Duration.ofMillis(100));
        }
      }
      assertThat(deliveries).containsExactly("poison", "poison");   // max deliver 2
      // a listener that starts now hears nothing: the announcement was core NATS, at most once
      List<Message> late = new CopyOnWriteArrayList<>();
      io.nats.client.Dispatcher d = nc.createDispatcher(late::add);
      d.subscribe(spec.deadLetterSubject());
      Thread.sleep(500);
      assertThat(late).isEmpty();
      // the dead-letter stream kept it, and its stream sequence fetches the message
      jsm.addOrUpdateConsumer(spec.deadLetterStream(), Configs.deadLetterReader());
      Message advisory = nc.getConsumerContext(spec.deadLetterStream(), Spec.Stream.DEAD_LETTER_DURABLE)
          .next(Duration.ofSeconds(2));
      assertThat(advisory).isNotNull();
      long seq = io.nats.client.support.JsonValueUtils.readLong(
          io.nats.client.support.JsonParser.parseUnchecked(advisory.getData()), "stream_seq", 0);
      assertThat(new String(jsm.getMessage(spec.stream(), seq).getData(), StandardCharsets.UTF_8)).isEqualTo("poison");
    }
  }

  @Test
  void nakRedeliversAtOnceWhileNakWithDelayHoldsTheMessageBack() throws Exception {
    Spec.Stream spec = toolRuns("NAK_IT", "it.nak.>", "workqueue", "all");
    try (Connection nc = connect()) {
      JetStreamManagement jsm = nc.jetStreamManagement();
      jsm.addStream(Configs.stream(spec));
      jsm.addOrUpdateConsumer(spec.stream(), Configs.consumer(spec, "worker", null));
      nc.jetStream().publish("it.nak.job", "job".getBytes(StandardCharsets.UTF_8));
      ConsumerContext consumer = nc.getConsumerContext(spec.stream(), "worker");
      consumer.next(Duration.ofSeconds(1)).nak();
      Message again = consumer.next(Duration.ofSeconds(1));
      assertThat(again).as("nak(): back at once").isNotNull();
      again.nakWithDelay(Duration.ofSeconds(30));
      assertThat(consumer.next(Duration.ofSeconds(1))).as("nakWithDelay: held back").isNull();
    }
  }

  @Test
  void nakRedeliversAtOnceEvenWithABackoffListWhichPacesOnlyAckWaitTimeouts() throws Exception {
    Spec.Stream spec = toolRuns("BACKOFF_IT", "it.backoff.>", "workqueue", "all");
    try (Connection nc = connect()) {
      JetStreamManagement jsm = nc.jetStreamManagement();
      jsm.addStream(Configs.stream(spec));
      jsm.addOrUpdateConsumer(spec.stream(), io.nats.client.api.ConsumerConfiguration.builder(
          Configs.consumer(spec, "worker", null)).maxDeliver(4)
          .backoff(Duration.ofSeconds(5), Duration.ofSeconds(10)).build());
      nc.jetStream().publish("it.backoff.job", "job".getBytes(StandardCharsets.UTF_8));
      ConsumerContext consumer = nc.getConsumerContext(spec.stream(), "worker");
      consumer.next(Duration.ofSeconds(1)).nak();
      Message again = consumer.next(Duration.ofSeconds(1));
      assertThat(again).as("nak() with a 5s backoff: back at once all the same").isNotNull();
      assertThat(again.metaData().deliveredCount()).isEqualTo(2);
      // left to time out, it waits for the backoff's next entry (10s), not for at once
      assertThat(consumer.next(Duration.ofSeconds(2))).as("an ack-wait timeout follows the backoff").isNull();
    }
  }

  @Test
  void aDefaultWatchBootstrapsTheLatestValueWhateverTheHistoryAndOnlyIncludeHistoryReplaysOlder() throws Exception {
    Spec.Kv spec = new Spec.Kv(1, null, "history-it", 5, null, 0, 1, "run.>", "state");
    try (Connection nc = connect()) {
      nc.keyValueManagement().create(Configs.kv(spec));
      KeyValue kv = nc.keyValue(spec.bucket());
      kv.put("run.1", "started");
      kv.put("run.1", "step 2");
      kv.put("run.1", "done");
      Recorder plain = new Recorder();
      try (var watch = kv.watch("run.>", plain)) {
        assertThat(plain.end.await(5, TimeUnit.SECONDS)).isTrue();
      }
      Recorder history = new Recorder();
      try (var watch = kv.watch("run.>", history, io.nats.client.api.KeyValueWatchOption.INCLUDE_HISTORY)) {
        assertThat(history.end.await(5, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(plain.seen).containsExactly("run.1=done", "END");
      assertThat(history.seen).containsExactly("run.1=started", "run.1=step 2", "run.1=done", "END");
    }
  }

  @Test
  void aWorkQueueStreamRefusesADeliverNewConsumer() throws Exception {
    try (Connection nc = connect()) {
      JetStreamManagement jsm = nc.jetStreamManagement();
      jsm.addStream(StreamConfiguration.builder().name("WORK_IT").subjects("it.work.>")
          .retentionPolicy(RetentionPolicy.WorkQueue).build());
      assertThatThrownBy(() -> jsm.addOrUpdateConsumer("WORK_IT", ConsumerConfiguration.builder()
          .durable("worker").deliverPolicy(DeliverPolicy.New).ackPolicy(AckPolicy.Explicit).build()))
          .isInstanceOfSatisfying(JetStreamApiException.class,
              e -> assertThat(e.getApiErrorCode()).isEqualTo(10101));
      // with deliver all, as the ADRs require on a workqueue stream, it is accepted
      assertThat(jsm.addOrUpdateConsumer("WORK_IT", ConsumerConfiguration.builder()
          .durable("worker").deliverPolicy(DeliverPolicy.All).ackPolicy(AckPolicy.Explicit).build())
          .getName()).isEqualTo("worker");
    }
  }
}
