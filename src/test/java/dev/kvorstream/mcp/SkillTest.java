package dev.kvorstream.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvorstream.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The agent skill: its front matter, and every command in it, run as an agent would. */
class SkillTest {

  static final Path SKILL = Path.of("docs/skill/kv-or-stream/SKILL.md");

  @TempDir Path work;

  record Run(int code, String out, String err) {}

  Run run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(new byte[0]), DecisionToolsTest.NOV_26, work);
    return new Run(code, out.toString(), err.toString());
  }

  /** The command lines of the skill's sh blocks, in order. */
  static List<String> commands() throws IOException {
    List<String> lines = new ArrayList<>();
    Matcher block = Pattern.compile("(?s)```sh\n(.*?)```").matcher(Files.readString(SKILL));
    while (block.find()) {
      block.group(1).lines().filter(l -> !l.isBlank()).forEach(lines::add);
    }
    return lines;
  }

  /** A command line split as sh splits it (double quotes only), the program name dropped. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
    while (m.find()) {
      words.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    assertThat(words.remove(0)).isEqualTo("kv-or-stream");
    return words;
  }

  @Test
  void theFrontMatterHasTheSeedsFields() throws IOException {
    String text = Files.readString(SKILL);
    assertThat(text).startsWith("---\nname: kv-or-stream\ndescription: ");
    String front = text.substring(4, text.indexOf("\n---\n", 4));
    assertThat(front.lines().map(l -> l.substring(0, l.indexOf(':'))))
        .containsExactly("name", "description", "argument-hint");
    assertThat(text).contains("$ARGUMENTS");
  }

  @Test
  void everyCommandOfTheSkillRunsAndRecordsTheDecision() throws IOException {
    String arguments = "The agent loop asks tool runners to execute tools that call paid external APIs";
    List<String> lines = commands();
    assertThat(lines).hasSize(5);
    List<Run> runs = new ArrayList<>();
    for (String line : lines) {
      String filled = line.replace("$ARGUMENTS", arguments).replace("TITLE", "Tool execution requests")
          .replace("--restart WORD", "--restart resume").replace("--delivery WORD", "--delivery queue")
          .replace("--processing WORD", "--processing slow").replace("--nature WORD", "--nature request");
      assertThat(filled).doesNotContain("WORD");
      Run r = run(words(filled));
      assertThat(r.code()).as(filled + "\n" + r.err()).isZero();
      runs.add(r);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> decided = JsonMapper.builder().build().readValue(runs.get(0).out(), Map.class);
    assertThat(decided.get("verdict")).isEqualTo("jetstream-stream");
    assertThat(decided.get("tests")).asList().hasSize(4);
    assertThat(runs.get(1).out()).isEqualTo("decisions/0001-tool-execution-requests.yaml\n");
    String design = Files.readString(work.resolve("decisions/0001-tool-execution-requests.yaml"));
    assertThat(design).contains("  restart: resume\n", "  delivery: queue\n", "  processing: slow\n",
        "  nature: request\n", "context: |\n  " + arguments + "\n");
    assertThat(runs.get(2).out()).contains("created decisions/0001-tool-execution-requests.md");
    assertThat(runs.get(3).out()).isEqualTo("check: 1 decisions, no problems\n");
    assertThat(runs.get(4).out()).contains("0001  proposed    jetstream-stream  Tool execution requests");
  }

  @Test
  void skillPrintsTheFileAndInstallsItWhereAgentsLook() throws IOException {
    String text = Files.readString(SKILL);
    assertThat(run(List.of("skill")).out()).isEqualTo(text);
    Run install = run(List.of("skill", "--install"));
    assertThat(install.out()).isEqualTo("created .claude/skills/kv-or-stream/SKILL.md\n");
    Path installed = work.resolve(".claude/skills/kv-or-stream/SKILL.md");
    assertThat(installed).hasContent(text);
    assertThat(run(List.of("skill", "--install")).out()).contains("is up to date");
    Files.writeString(installed, text + "my note\n");
    Run differs = run(List.of("skill", "--install"));
    assertThat(differs.code()).isEqualTo(1);
    assertThat(installed).hasContent(text + "my note\n");
    assertThat(run(List.of("skill", "--install", "--force")).out()).startsWith("updated ");
    assertThat(installed).hasContent(text);
    assertThat(run(List.of("skill", "--install", "--into", "agents")).out())
        .isEqualTo("created agents/kv-or-stream/SKILL.md\n");
  }
}
