package dev.kvorstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: help, usage errors, and the completion script in a real bash. */
class CommandLineTest {

  @TempDir Path work;

  @Test
  void everyCommandHasHelpThatNamesItsOptions() {
    for (String name : Main.COMMANDS) {
      Cli.Result r = Cli.run(work, name, "--help");
      assertThat(r.code()).as(name).isZero();
      assertThat(r.out()).as(name).startsWith("Usage: kv-or-stream " + name + " [OPTIONS]");
      for (var option : Main.syntax(name).options()) {
        assertThat(r.out()).as(name).contains(option.name());
      }
      assertThat(Cli.run(work, "help", name).out()).isEqualTo(r.out());
    }
    assertThat(Cli.run(work).out()).isEqualTo(Cli.run(work, "--help").out());
  }

  @Test
  void usageMistakesExitTwoWithTheCommandsHelpHint() {
    Cli.Result typo = Cli.run(work, "generat");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).isEqualTo("kv-or-stream: error: unknown command 'generat'; did you mean 'generate'?\n"
        + "Try 'kv-or-stream --help' for more.\n");
    Cli.Result option = Cli.run(work, "decide", "--formt", "json", "a.yaml");
    assertThat(option.code()).isEqualTo(2);
    assertThat(option.err()).isEqualTo("kv-or-stream: error: decide: unknown option '--formt'; did you mean"
        + " '--format'?\nTry 'kv-or-stream decide --help' for more.\n");
    assertThat(Cli.run(work, "decide").err()).startsWith("kv-or-stream: error: decide: missing FILE (or --text");
    assertThat(Cli.run(work, "decide", "a.yaml", "--text", "x").err()).contains("not both");
    assertThat(Cli.run(work, "accept", "seven").err())
        .startsWith("kv-or-stream: error: accept: N: 'seven' is not a whole number");
    assertThat(Cli.run(work, "renumber", "a.yaml", "--to", "x").code()).isEqualTo(2);
    assertThat(Cli.run(work, "help", "nope").code()).isEqualTo(2);
  }

  @Test
  void theBashCompletionCompletesCommandsOptionsAndChoices() throws IOException, InterruptedException {
    Path script = work.resolve("kv-or-stream.bash");
    Files.writeString(script, Cli.run(work, "completion", "bash").out());
    assertThat(complete(script, "kv-or-stream re")).isEqualTo("reject renumber");
    assertThat(complete(script, "kv-or-stream generate --ch")).isEqualTo("--check");
    assertThat(complete(script, "kv-or-stream graph --format ")).isEqualTo("mermaid dot");
    assertThat(complete(script, "kv-or-stream decide --style m")).isEqualTo("madr");
    assertThat(complete(script, "kv-or-stream completion ")).isEqualTo("bash zsh");
    assertThat(complete(script, "kv-or-stream help re")).isEqualTo("reject renumber");
  }

  /** What bash's completion offers for a line that ends where the cursor is. */
  private String complete(Path script, String line) throws IOException, InterruptedException {
    String program = "source '" + script + "'\n"
        + "COMP_LINE='" + line + "'\n"
        + "read -ra COMP_WORDS <<< \"$COMP_LINE\"\n"
        + "[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')\n"
        + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
        + "_kv_or_stream kv-or-stream \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
        + "echo \"${COMPREPLY[*]}\"\n";
    Process p = new ProcessBuilder("bash", "-c", program).directory(work.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).isZero();
    return out;
  }
}
