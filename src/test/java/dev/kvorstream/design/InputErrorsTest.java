package dev.kvorstream.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kvorstream.cli.Main;
import dev.kvorstream.heuristic.Heuristic;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.ToolException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input in the configuration and in designs: every problem reported in one run, each at
 * its line and column, in our words.
 */
class InputErrorsTest {

  @TempDir Path root;

  private final DesignLoader loader = new DesignLoader(Heuristic.standard().catalogue().ids());

  List<String> configErrors(String yaml) throws IOException {
    Files.writeString(root.resolve(ProjectConfig.FILE), yaml);
    ToolException e = catchThrowableOfType(ToolException.class, () -> ProjectConfig.read(root));
    assertThat(e).as("an error for:\n" + yaml).isNotNull();
    assertThat(e.exitCode()).isEqualTo(2);
    return e.diagnostics().stream().map(Diagnostic::headline).toList();
  }

  List<String> designErrors(String yaml) {
    ToolException e = catchThrowableOfType(ToolException.class,
        () -> loader.load("d.yaml", null, yaml.getBytes(StandardCharsets.UTF_8)));
    assertThat(e).as("an error for:\n" + yaml).isNotNull();
    assertThat(e.exitCode()).isEqualTo(2);
    return e.diagnostics().stream().map(Diagnostic::headline).toList();
  }

  @Test
  void aQuoteOrBracketNeverClosedIsReportedWhereItOpens() {
    assertThat(designErrors("title: \"Broken\nstatus: [proposed\n")).singleElement().asString()
        .startsWith("d.yaml:1:8: error: YAML syntax: the file ends before this is closed")
        .contains("quoted scalar");
    assertThat(designErrors("title: Fine\ntags: [oops, more\n")).singleElement().asString()
        .startsWith("d.yaml:2:7: error: YAML syntax: the file ends before this is closed")
        .contains("flow sequence");
  }

  @Test
  void everyConfigurationProblemIsReportedInOneRun() throws IOException {
    assertThat(configErrors("""
        style: plain
        templatez: t
        site: {out: public, in: src}
        dir: [a]
        """)).containsExactly(
        "kv-or-stream.yaml:1:8: error: unknown style 'plain'; expected nygard or madr",
        "kv-or-stream.yaml:2:1: error: unknown key 'templatez' in kv-or-stream.yaml; did you mean"
            + " 'templates'?",
        "kv-or-stream.yaml:3:21: error: unknown key 'in' in site; expected out",
        "kv-or-stream.yaml:4:6: error: 'dir' must be text");
  }

  @Test
  void aListOrMapUsedAsAConfigurationKeyIsNamedAtItsPlace() throws IOException {
    assertThat(configErrors("""
        dir: decisions
        ? [a, b]
        : 1
        ? {c: d}
        : 2
        """)).containsExactly(
        "kv-or-stream.yaml:2:3: error: keys must be words such as dir or style; found a list",
        "kv-or-stream.yaml:4:3: error: keys must be words such as dir or style; found a map");
  }

  @Test
  void aListUsedAsADesignKeyIsNamedAtItsPlace() {
    assertThat(designErrors("""
        title: Price updates
        ? [a, b]
        : 1
        answers:
          ? [restart]
          : resume
        """)).containsExactly(
        "d.yaml:2:3: error: keys must be words; found a list",
        "d.yaml:5:5: error: keys must be words; found a list");
  }

  @Test
  void textReorderingCharactersAreRefusedInDesignsAtEachPlace() {
    assertThat(designErrors("title: Price \u202Eupdates\ncontext: |\n  ok\n  and \u2067here\u2069\n"))
        .containsExactly(
            "d.yaml:1:14: error: invisible character U+202E (right-to-left override) reorders the"
                + " text on screen, so it would read differently from what it says; remove it",
            "d.yaml:4:7: error: invisible character U+2067 (right-to-left isolate) reorders the"
                + " text on screen, so it would read differently from what it says; remove it",
            "d.yaml:4:12: error: invisible character U+2069 (pop directional isolate) reorders the"
                + " text on screen, so it would read differently from what it says; remove it");
  }

  @Test
  void textReorderingCharactersAreRefusedInTheConfiguration() throws IOException {
    assertThat(configErrors("dir: deci\u202Dsions\n")).singleElement().asString()
        .startsWith("kv-or-stream.yaml:1:10: error: invisible character U+202D");
  }

  @Test
  void theSourceLineUnderTheMessageShowsTheCharacterInsteadOfObeyingIt() {
    ToolException e = catchThrowableOfType(ToolException.class,
        () -> BidiControls.refuse("<title>", "Price \u202Eupdates"));
    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(e.diagnostics().get(0).format()).isEqualTo("""
        <title>:1:7: error: invisible character U+202E (right-to-left override) reorders the text on\
         screen, so it would read differently from what it says; remove it
        Price \uFFFDupdates
              ^""");
  }

  @Test
  void everyBidiControlIsRefusedAndNothingElse() {
    for (int c = 0; c < 0x10000; c++) {
      boolean refused = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
      assertThat(BidiControls.find("t", "a" + (char) c).isEmpty()).as(Integer.toHexString(c)).isEqualTo(!refused);
    }
  }

  @Test
  void newAndDecideRefuseTextReorderingCharactersOnTheCommandLine() throws IOException {
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"new", "Price \u202Eupdates"},
        new PrintWriter(new StringWriter()), new PrintWriter(err),
        new ByteArrayInputStream(new byte[0]), Clock.systemUTC(), root);
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("<title>:1:7: error: invisible character U+202E");
    assertThat(root.resolve("decisions")).doesNotExist();
    err = new StringWriter();
    code = Main.run(new String[] {"decide", "--text", "tool runs \u2066x"},
        new PrintWriter(new StringWriter()), new PrintWriter(err),
        new ByteArrayInputStream(new byte[0]), Clock.systemUTC(), root);
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("<--text>:1:11: error: invisible character U+2066");
  }
}
