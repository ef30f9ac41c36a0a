package dev.kvorstream.cli;

import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.render.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints the shell completion script (templates/completion.bash.ftl) made from every command's syntax. */
final class CompletionCommand implements Command {

  static final Syntax SYNTAX = Syntax.command("completion", "Prints a shell completion script: bash or zsh.",
      "bash: source <(kv-or-stream completion bash)    zsh: source <(kv-or-stream completion zsh)")
      .param("SHELL", "bash or zsh.");

  @Override
  public int run(Parsed args, Session session) throws dev.kvorstream.args.ArgsException {
    String shell = args.param(0);
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw new dev.kvorstream.args.ArgsException("SHELL " + shell + ": expected bash or zsh");
    }
    List<Map<String, Object>> commands = new ArrayList<>();
    for (Syntax s : Main.syntaxes()) {
      List<Map<String, Object>> options = new ArrayList<>();
      for (Syntax.Option o : s.options()) {
        options.add(Map.of("name", o.name(), "kind", kind(o), "choices", o.choices()));
      }
      commands.add(Map.of("name", s.name(), "options", options, "words", words(s)));
    }
    session.out().print(Templates.builtIn().render("completion.bash.ftl",
        Map.of("shell", shell, "commands", commands)));
    return ExitCode.OK;
  }

  private static String kind(Syntax.Option o) {
    if (!o.takesValue()) {
      return "flag";
    }
    if (!o.choices().isEmpty()) {
      return "choice";
    }
    return switch (o.label()) {
      case "DIR" -> "dir";
      case "FILE" -> "file";
      default -> "value";
    };
  }

  /** What the first positional value completes to: FILE for file names, else a word list. */
  private static String words(Syntax s) {
    if (s.params().isEmpty()) {
      return "";
    }
    return switch (s.params().get(0).label()) {
      case "FILE" -> "FILE";
      case "SHELL" -> "bash zsh";
      default -> "";
    };
  }
}
