package dev.kvorstream.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    Spec.Kv spec = new Spec.Kv(1, null, "entity-state-it", 1, null, 0, 1, "graph.entity.>");
    try (Connection nc = connect()) {
      nc.keyValueManagement().create(Provisioner.kvConfig(spec));
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

  @Test
  void aRestartedDurableConsumerResumesAfterItsLastAckAndGetsUnackedWorkBack() throws Exception {
    Spec.Stream spec = new Spec.Stream(6, null, "TOOL_RUNS_IT", List.of("it.tool.execute.>"), "limits",
        1, Duration.ofMinutes(2), "tool-runner", "new", Duration.ofSeconds(1), 5, 1000, null);
    try (Connection nc = connect()) {
      JetStreamManagement jsm = nc.jetStreamManagement();
      jsm.addStream(Provisioner.streamConfig(spec));
      nc.jetStream().publish("it.tool.execute.run", "before the consumer".getBytes(StandardCharsets.UTF_8));
      jsm.addOrUpdateConsumer(spec.stream(), Provisioner.consumerConfig(spec));
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
          if (!body.equals("job 4")) {
            m.ack();                         // job 4 is in hand when the process dies
          }
        }
      }
      assertThat(firstRun).containsExactly("job 1", "job 2", "job 3", "job 4");
    }
    Thread.sleep(1500);                       // longer than the ack wait
    try (Connection restarted = connect()) {
      List<String> secondRun = new ArrayList<>();
      ConsumerContext consumer = restarted.getConsumerContext(spec.stream(), spec.durable());
      try (FetchConsumer fetch = consumer.fetch(io.nats.client.FetchConsumeOptions.builder()
          .maxMessages(10).expiresIn(3000).build())) {
        Message m;
        while ((m = fetch.nextMessage()) != null) {
          secondRun.add(new String(m.getData(), StandardCharsets.UTF_8));
          m.ack();
        }
      }
      // deliver policy new: nothing from before the consumer existed; acked work is not
      // replayed; the unacked job comes back, then the rest
      assertThat(secondRun).containsExactlyInAnyOrder("job 4", "job 5");
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
