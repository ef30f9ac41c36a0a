package dev.kvorstream.cli;

import dev.kvorstream.problem.ExitCode;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code completion bash|zsh}: the shell completion script that picocli's
 * {@link AutoComplete} writes from the whole grammar (commands, options, and the choices of
 * every option and parameter). The one script serves both shells: in zsh it loads bash's
 * completion support first.
 */
final class CompletionCommand implements Command {

  private final PositionalParamSpec shell = Grammar.param(0, "SHELL", Grammar.Choice.of("bash", "zsh"),
      "bash or zsh.");

  @Override
  public CommandSpec spec() {
    return Grammar.command("completion", "Prints a shell completion script: bash or zsh.",
        "bash: source <(kv-or-stream completion bash)    zsh: source <(kv-or-stream completion zsh)")
        .addPositional(shell).addOption(Grammar.help());
  }

  @Override
  public int run(Session session) {
    session.out().print(AutoComplete.bash(Main.PROGRAM, Program.line(session)));
    return ExitCode.OK;
  }
}
