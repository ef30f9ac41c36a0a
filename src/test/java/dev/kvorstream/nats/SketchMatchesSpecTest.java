package dev.kvorstream.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.design.DesignLoader;
import dev.kvorstream.heuristic.Heuristic;
import dev.kvorstream.ledger.Assessor;
import dev.kvorstream.ledger.Decision;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.ledger.Folder;
import dev.kvorstream.model.Durations;
import dev.kvorstream.model.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The nats CLI lines and the jnats snippet in every ADR of the project's decisions say the
 * same as the spec the tool resolved: each flag and each builder call is parsed back out of
 * the ADR text and compared.
 */
class SketchMatchesSpecTest {

  static DecisionLog log() {
    Heuristic h = Heuristic.standard();
    return DecisionLog.build(Folder.read(Path.of("decisions"), "decisions",
        new DesignLoader(h.catalogue().ids())), new Assessor(h, true));
  }

  /** "nats stream add NAME --a x --b 'y'" as positional words and flag values. */
  record Line(List<String> words, Map<String, String> flags) {}

  static Line parse(String line) {
    List<String> words = new ArrayList<>();
    Map<String, String> flags = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?:'[^']*'|\"[^\"]*\"|[^\\s'\"])+").matcher(line);
    List<String> tokens = new ArrayList<>();
    while (m.find()) {
      tokens.add(unquote(m.group()));     // as the shell passes it on
    }
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.startsWith("--")) {
        boolean valued = i + 1 < tokens.size() && !tokens.get(i + 1).startsWith("--");
        flags.put(t.substring(2), valued ? tokens.get(++i) : "");
      } else {
        words.add(t);
      }
    }
    return new Line(words, flags);
  }

  /** The word a shell makes of 'a'"$B"'c': a$Bc. */
  static String unquote(String shell) {
    return shell.replace("'", "").replace("\"", "");
  }

  static List<String> natsLines(String adr) {
    return adr.lines().filter(l -> l.startsWith("nats ")).toList();
  }

  @Test
  void everyCliLineAndJavaSnippetMatchesTheSpec() throws IOException {
    int checked = 0;
    List<Decision> entries = log().entries();
    String index = Files.readString(Path.of("decisions/README.md"));
    for (Decision e : entries) {
      String adr = Files.readString(Path.of("decisions").resolve(e.adrFileName()));
      List<String> lines = natsLines(adr);
      assertThat(e.specs()).isNotEmpty();
      for (Spec spec : e.specs()) {
        if (spec instanceof Spec.Kv kv) {
          Line add = lines.stream().filter(l -> l.startsWith("nats kv add " + kv.bucket() + " "))
              .map(SketchMatchesSpecTest::parse).findFirst().orElseThrow();
          assertThat(add.flags()).containsEntry("history", String.valueOf(kv.history()))
              .containsEntry("replicas", String.valueOf(kv.replicas()));
          assertThat(add.flags().get("ttl")).isEqualTo(kv.ttl() == null ? null : Durations.format(kv.ttl()));
          assertThat(add.flags().keySet()).isSubsetOf("history", "replicas", "ttl", "max-value-size");
          Line watch = lines.stream().filter(l -> l.startsWith("nats kv watch " + kv.bucket() + " "))
              .map(SketchMatchesSpecTest::parse).findFirst().orElseThrow();
          assertThat(watch.words()).containsExactly("nats", "kv", "watch", kv.bucket(), kv.keys());
          assertThat(adr).contains(".name(\"" + kv.bucket() + "\")", ".maxHistoryPerKey(" + kv.history() + ")",
              ".replicas(" + kv.replicas() + ")", ".watch(\"" + kv.keys() + "\")");
        } else {
          Spec.Stream st = (Spec.Stream) spec;
          Line add = lines.stream().filter(l -> l.startsWith("nats stream add " + st.stream() + " "))
              .map(SketchMatchesSpecTest::parse).findFirst().orElseThrow();
          assertThat(add.flags()).containsEntry("subjects", String.join(",", st.subjects()))
              .containsEntry("retention", st.retentionCli())
              .containsEntry("dupe-window", Durations.format(st.duplicateWindow()))
              .containsEntry("replicas", String.valueOf(st.replicas()));
          assertThat(add.flags().get("max-age")).isEqualTo(st.maxAge() == null ? null : Durations.format(st.maxAge()));
          assertThat(add.flags().get("max-msgs")).isEqualTo(st.maxMsgs() == 0 ? null : String.valueOf(st.maxMsgs()));
          assertThat(add.flags().get("max-bytes")).isEqualTo(st.maxBytes() == 0 ? null : String.valueOf(st.maxBytes()));
          List<Line> consumers = lines.stream().filter(l -> l.startsWith("nats consumer add " + st.stream() + " "))
              .map(SketchMatchesSpecTest::parse).toList();
          assertThat(consumers).hasSize(st.consumers().size());
          for (int i = 0; i < consumers.size(); i++) {
            Spec.Consumer c = st.consumers().get(i);
            Line consumer = consumers.get(i);
            assertThat(consumer.words().get(4)).isEqualTo(c.perInstance() ? unquote(c.durableShell()) : c.durable());
            assertThat(consumer.flags()).containsEntry("deliver", st.deliver())
                .containsEntry("ack", "explicit").containsEntry("pull", "")
                .containsEntry("wait", Durations.format(st.ackWait()))
                .containsEntry("max-deliver", String.valueOf(st.maxDeliver()))
                .containsEntry("max-pending", String.valueOf(st.maxAckPending()));
            assertThat(consumer.flags().get("filter")).isEqualTo(c.filter() == null ? null
                : c.perInstance() ? unquote(c.filterShell()) : c.filter());
            assertThat(consumer.flags().get("inactive-threshold"))
                .isEqualTo(c.perInstance() ? Durations.format(st.instanceIdle()) : null);
            assertThat(adr).contains(".durable(" + c.durableJava() + ")");
            if (c.filter() != null) {
              assertThat(adr).contains(".filterSubject(" + c.filterJava() + ")");
            }
          }
          Line dead = lines.stream().filter(l -> l.startsWith("nats stream add " + st.deadLetterStream() + " "))
              .map(SketchMatchesSpecTest::parse).findFirst().orElseThrow();
          assertThat(dead.flags()).containsEntry("subjects", st.deadLetterSubject()).containsEntry("retention", "limits");
          assertThat(lines).contains("nats consumer add " + st.deadLetterStream() + " " + Spec.Stream.DEAD_LETTER_DURABLE
              + " --pull --deliver all --ack explicit --max-deliver " + Spec.Stream.DEAD_LETTER_MAX_DELIVER + " --defaults");
          assertThat(adr).contains(".name(\"" + st.stream() + "\")",
              ".retentionPolicy(RetentionPolicy." + st.retentionJava() + ")",
              ".duplicateWindow(" + Durations.java(st.duplicateWindow()) + ")",
              ".deliverPolicy(DeliverPolicy." + st.deliverJava() + ")",
              ".ackWait(" + Durations.java(st.ackWait()) + ")", ".maxDeliver(" + st.maxDeliver() + ")",
              ".maxAckPending(" + st.maxAckPending() + ")",
              ".keepDeadLetters(" + Durations.java(Spec.Stream.DEAD_LETTER_AGE) + ")");
          // the shared StreamWork names the dead-letter stream, its subject and durable as the spec does
          assertThat(st.deadLetterStream()).isEqualTo(st.stream() + "_DEAD_LETTERS");
          assertThat(st.deadLetterSubject()).isEqualTo("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES." + st.stream() + ".*");
          assertThat(index).contains("String deadLetters = stream + \"_DEAD_LETTERS\";",
              ".subjects(\"$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.\" + stream + \".*\")",
              ".durable(\"" + Spec.Stream.DEAD_LETTER_DURABLE + "\")");
          if (st.maxAge() != null) {
            assertThat(adr).contains(".maxAge(" + Durations.java(st.maxAge()) + ")");
          }
          assertThat(adr.contains("work.handleWithNext(" + st.concurrency() + ");")
              || adr.contains("work.handleClaimed(" + st.concurrency() + ", ")).isEqualTo(st.slow());
          assertThat(adr.contains("work.handleBuffered();")).isEqualTo(!st.slow());
          assertThat(Configs.consumer(st, st.consumers().get(0)).getMaxDeliver()).isEqualTo(st.maxDeliver());
        }
        checked++;
      }
    }
    assertThat(checked).as("at least one spec per decision").isGreaterThanOrEqualTo(entries.size()).isPositive();
  }

  @Test
  void durationsReadAndWriteTheCliForm() {
    assertThat(Durations.parse("1h30m")).hasMinutes(90);
    assertThat(Durations.parse("500ms").toMillis()).isEqualTo(500);
    assertThat(Durations.parse("1d")).isNull();
    assertThat(Durations.parse("30")).isNull();
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(Durations.java(Duration.ofMinutes(2))).isEqualTo("Duration.ofMinutes(2)");
  }
}
