package dev.kvorstream.cli;

import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.problem.KvException;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "completion", description = {"Prints a shell completion script: bash or zsh.",
    "bash: source <(kv-or-stream completion bash)    zsh: source <(kv-or-stream completion zsh)"})
final class CompletionCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  String shell;

  @Override
  public Integer call() {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw KvException.usage("completion " + shell + ": expected bash or zsh");
    }
    CommandLine root = spec.parent().commandLine();
    String script = AutoComplete.bash("kv-or-stream", root);
    if (shell.equals("zsh")) {
      main.session.out().println("autoload -U +X compinit && compinit");
      main.session.out().println("autoload -U +X bashcompinit && bashcompinit");
    }
    main.session.out().print(script);
    return ExitCode.OK;
  }
}
