package dev.kvorstream.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every jnats block of every committed ADR (the project's decisions and the golden ADRs)
 * compiles as printed, with the shared classes of its folder's index, and runs on a real nats-server, and afterwards every bucket, stream
 * and durable consumer the ADR's CLI lines name exists there.
 */
class PrintedResourcesIT {

  static final Pattern KV = Pattern.compile("^nats kv add (\\S+)", Pattern.MULTILINE);
  static final Pattern STREAM = Pattern.compile("^nats stream add (\\S+)", Pattern.MULTILINE);
  static final Pattern CONSUMER = Pattern.compile("^nats consumer add (\\S+) (\\S+)", Pattern.MULTILINE);

  static List<Path> adrs(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().matches("\\d{4}-.*\\.md")).sorted().toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"decisions", "src/test/resources/golden/lifecycle/expected"})
  void everyPrintedSnippetRunsAndCreatesEverythingTheAdrNames(String folder, @TempDir Path work) throws Exception {
    int blocks = 0;
    List<String> named = new ArrayList<>();
    try (NatsServer server = NatsServer.start(); Connection nc = Nats.connect(server.url())) {
      List<String> texts = new ArrayList<>();
      List<String> all = new ArrayList<>();
      for (Path adr : adrs(Path.of(folder))) {
        texts.add(Files.readString(adr));
        all.addAll(Snippets.javaBlocks(texts.get(texts.size() - 1)));
      }
      // the ADRs' blocks with the shared classes of the index beside them, as a user copies both
      List<String> shared = Snippets.shared(Snippets.index(Path.of(folder)));
      assertThat(shared).as("shared classes in " + folder + "/README.md").isNotEmpty();
      Iterator<Class<? extends SnippetHarness>> compiled = Snippets.compileAll(all, shared, work).iterator();
      for (String text : texts) {
        for (String block : Snippets.javaBlocks(text)) {
          SnippetHarness h = Snippets.instance(compiled.next());
          h.running = false;                 // handler loops end at once; the setup is what counts
          h.loopId = "7f3a";
          try {
            h.run(nc);
          } finally {
            h.stop();
          }
          blocks++;
        }
        JetStreamManagement jsm = nc.jetStreamManagement();
        Matcher m = KV.matcher(text);
        while (m.find()) {
          named.add("KV " + m.group(1));
          assertThat(nc.keyValueManagement().getStatus(m.group(1)).getBucketName()).isEqualTo(m.group(1));
        }
        m = STREAM.matcher(text);
        while (m.find()) {
          named.add("stream " + m.group(1));
          assertThat(jsm.getStreamInfo(m.group(1)).getConfiguration().getName()).isEqualTo(m.group(1));
        }
        m = CONSUMER.matcher(text);
        while (m.find()) {
          String durable = m.group(2).replace("'", "").replace("\"", "").replace("$LOOP_ID", "7f3a");
          named.add("consumer " + m.group(1) + "/" + durable);
          assertThat(jsm.getConsumerInfo(m.group(1), durable).getName()).isEqualTo(durable);
        }
      }
    }
    assertThat(blocks).as("jnats blocks in " + folder).isGreaterThan(0);
    assertThat(named).as("resources named in " + folder).hasSizeGreaterThan(blocks);
  }
}
