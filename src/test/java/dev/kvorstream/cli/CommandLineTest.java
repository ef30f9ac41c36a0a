package dev.kvorstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: help, usage errors, and the completion script in a real bash. */
class CommandLineTest {

  @TempDir Path work;

  @Test
  void everyCommandHasHelpWithinEightyColumnsAndHelpCommandSaysTheSame() {
    for (String name : Main.COMMANDS) {
      Cli.Result r = Cli.run(work, name, "--help");
      assertThat(r.code()).as(name).isZero();
      assertThat(r.out()).as(name).startsWith("Usage: kv-or-stream " + name + " [OPTIONS]");
      assertThat(r.out().lines()).as(name).allMatch(line -> line.length() <= 80);
      assertThat(Cli.run(work, "help", name).out()).isEqualTo(r.out());
    }
    Cli.Result program = Cli.run(work, "--help");
    assertThat(program.out().lines()).allMatch(line -> line.length() <= 80);
    assertThat(program.out()).contains("Exit codes:", "Commands:");
    for (String name : Main.COMMANDS) {
      assertThat(program.out()).contains("\n  " + name + " ");
    }
    assertThat(Cli.run(work, "help").out()).isEqualTo(program.out());
  }

  @Test
  void eachCommandOffersOnlyTheOptionsItUses() {
    String status = Cli.run(work, "status", "--help").out();
    assertThat(status).contains("--dir", "--verbose", "--help", "STATUS")
        .doesNotContain("--templates", "--style", "--no-infer", "--format");
    String generate = Cli.run(work, "generate", "--help").out();
    assertThat(generate).contains("--dir", "--templates", "--style", "--no-infer", "--check", "--force");
    String decide = Cli.run(work, "decide", "--help").out();
    assertThat(decide).contains("--text", "--format", "--templates", "--no-infer").doesNotContain("--style");
    assertThat(Cli.run(work, "apply", "--help").out()).contains("--server", "--creds", "--user", "--dry-run")
        .doesNotContain("--templates", "--style");
    assertThat(Cli.run(work, "list", "--style", "madr").err())
        .isEqualTo("kv-or-stream: error: list: unknown option '--style'\nTry 'kv-or-stream list --help' for more.\n");
  }

  @Test
  void noArgumentsAtAllIsAUsageErrorWithTheUsageOnStandardError() {
    Cli.Result r = Cli.run(work);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("kv-or-stream: error: missing COMMAND\nUsage: kv-or-stream ")
        .contains("Commands:");
  }

  @Test
  void everyUsageMistakeHasOneFormatAndExitsTwo() {
    Map<List<String>, String> mistakes = Map.ofEntries(
        Map.entry(List.of("decide", "--formt", "json", "a.yaml"), "unknown option '--formt'; did you mean '--format'?"),
        Map.entry(List.of("decide", "a.yaml", "b.yaml"), "unexpected argument 'b.yaml'"),
        Map.entry(List.of("decide", "--text", "--verbose"), "expected parameter for option '--text' but found '--verbose'"),
        Map.entry(List.of("decide"), "missing FILE (or --text DESCRIPTION)"),
        Map.entry(List.of("decide", "a.yaml", "--text", "x"), "give FILE or --text DESCRIPTION, not both"),
        Map.entry(List.of("accept", "seven"), "invalid value for positional parameter at index 0 (N): 'seven' is not an int"),
        Map.entry(List.of("status", "1", "done"), "invalid value for positional parameter at index 1 (STATUS): 'done' is not"
            + " one of proposed, accepted, rejected, deprecated, superseded"),
        Map.entry(List.of("renumber", "a.yaml", "--to", "x"), "invalid value for option '--to': 'x' is not an int"),
        Map.entry(List.of("generate", "--dir", "a", "--dir=b"), "option '--dir' (DIR) should be specified only once"),
        Map.entry(List.of("graph", "--format", "png"), "invalid value for option '--format': 'png' is not one of mermaid, dot"),
        Map.entry(List.of("new", "A", "--supersedes", "0"), "--supersedes 0: a decision number is 1 or more"));
    mistakes.forEach((args, message) -> {
      Cli.Result r = Cli.run(work, args.toArray(String[]::new));
      assertThat(r.code()).as(args.toString()).isEqualTo(2);
      assertThat(r.err()).as(args.toString()).isEqualTo("kv-or-stream: error: " + args.get(0) + ": " + message
          + "\nTry 'kv-or-stream " + args.get(0) + " --help' for more.\n");
    });
    Cli.Result typo = Cli.run(work, "generat");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).isEqualTo("kv-or-stream: error: unknown command 'generat'; did you mean 'generate'?\n"
        + "Try 'kv-or-stream --help' for more.\n");
    assertThat(Cli.run(work, "help", "nope").code()).isEqualTo(2);
  }

  @Test
  void optionsTakeTheirValueEitherWayAndHelpAnywhereWins() throws IOException {
    Files.writeString(work.resolve("a.yaml"), "title: A\nanswers: {restart: reprocess}\n");
    Cli.Result spaced = Cli.run(work, "decide", "--format", "json", "a.yaml");
    Cli.Result joined = Cli.run(work, "decide", "--format=JSON", "a.yaml");
    assertThat(spaced.code()).isZero();
    assertThat(joined.out()).isEqualTo(spaced.out()).contains("\"verdict\": \"kv-watch\"");
    assertThat(Cli.run(work, "decide", "--bogus", "-h").out()).startsWith("Usage: kv-or-stream decide");
    assertThat(Cli.run(work, "--version").out()).startsWith("kv-or-stream ");
  }

  @Test
  void theServerComesFromNatsUrlWhenNotGiven() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "audit"));
    Files.createDirectories(work.resolve("decisions"));
    Files.writeString(work.resolve("decisions/0001-prices.yaml"), "title: Prices\nstatus: accepted\n");
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
    pb.environment().put("NATS_URL", "nats://127.0.0.1:1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isEqualTo(3);
    assertThat(out).contains("nats://127.0.0.1:1").doesNotContain("4222");
  }

  @Test
  void theBashCompletionCompletesCommandsOptionsAndChoices() throws IOException, InterruptedException {
    Path script = work.resolve("kv-or-stream.bash");
    Files.writeString(script, Cli.run(work, "completion", "bash").out());
    assertThat(complete(script, "kv-or-stream re")).isEqualTo("reject renumber");
    assertThat(complete(script, "kv-or-stream generate --ch")).isEqualTo("--check");
    assertThat(complete(script, "kv-or-stream graph --format ")).isEqualTo("mermaid dot");
    assertThat(complete(script, "kv-or-stream generate --style m")).isEqualTo("madr");
    assertThat(complete(script, "kv-or-stream status 3 ")).isEqualTo("proposed accepted rejected deprecated superseded");
    assertThat(complete(script, "kv-or-stream status 3 su")).isEqualTo("superseded");
    assertThat(complete(script, "kv-or-stream completion ")).isEqualTo("bash zsh");
    assertThat(complete(script, "kv-or-stream help re")).isEqualTo("reject renumber");
    assertThat(complete(script, "kv-or-stream status --")).isEqualTo("--verbose --help --dir");
    assertThat(Cli.run(work, "completion", "zsh").out()).isEqualTo(Files.readString(script)).contains("ZSH_VERSION");
  }

  /** What bash's completion offers for a line that ends where the cursor is. */
  private String complete(Path script, String line) throws IOException, InterruptedException {
    String program = "source '" + script + "'\n"
        + "COMP_LINE='" + line + "'\n"
        + "read -ra COMP_WORDS <<< \"$COMP_LINE\"\n"
        + "[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')\n"
        + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
        + "_complete_kv-or-stream\n"
        + "echo \"${COMPREPLY[*]}\"\n";
    Process p = new ProcessBuilder("bash", "-c", program).directory(work.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).isZero();
    return out;
  }
}
