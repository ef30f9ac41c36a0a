package dev.kvorstream.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The program's grammar: either the one command that runs, or the top level (its
 * description, -h and -V, the exit codes) with all of them, for the program's help and
 * shell completion.
 */
final class Program {

  private Program() {}

  /** The top level with every command, and {@code help COMMAND}. */
  static CommandLine line(Session session) {
    CommandSpec root = root();
    for (String name : Main.COMMANDS) {
      root.addSubcommand(name, Main.command(name).spec());
    }
    CommandSpec help = Grammar.command("help", "Print the help of a command: help COMMAND.");
    help.addPositional(Grammar.param(0, "COMMAND", Grammar.Choice.of(Main.COMMANDS.toArray(String[]::new)),
        "The command whose help to print."));
    root.addSubcommand("help", help.addOption(Grammar.help()));
    return configure(new CommandLine(root), session);
  }

  /**
   * Only the command that runs, named as the user calls it ("kv-or-stream decide"): no top
   * level, so picocli sets up one parser instead of two.
   */
  static CommandLine line(Session session, String name, CommandSpec command) {
    return configure(new CommandLine(command.name(Main.PROGRAM + " " + name)), session);
  }

  private static CommandSpec root() {
    CommandSpec root = Grammar.command(Main.PROGRAM,
        "Decides between a NATS KV watch and a JetStream stream for each communication path, and"
        + " keeps the decisions as numbered Architecture Decision Records.");
    root.addOption(Grammar.help().toBuilder().description("Print this help and exit.").build());
    root.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print the version and exit.").build());
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("0", "done");
    codes.put("1", "generate --check found drift, or check found a problem");
    codes.put("2", "bad usage or bad input (path:line:col: error: message)");
    codes.put("3", "something failed while running; nothing half-written");
    root.usageMessage().synopsisSubcommandLabel("COMMAND").commandListHeading("%nCommands:%n")
        .footer("%nRun '" + Main.PROGRAM + " COMMAND --help' for a command's options.")
        .exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    return root;
  }

  private static CommandLine configure(CommandLine line, Session session) {
    return line.setUnmatchedOptionsAllowedAsOptionParameters(false)
        .setOut(session.out()).setErr(session.err());
  }
}
