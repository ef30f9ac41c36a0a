package dev.kvorstream.cli;

import dev.kvorstream.args.ArgsException;
import dev.kvorstream.args.Help;
import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.design.Status;
import dev.kvorstream.design.Suggest;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.problem.KvException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The program's entry point: picks the command by its name, parses the rest of the line with
 * the command's {@link Syntax}, and runs it. Each command declares its syntax in plain code
 * (no reflection), and only the command that runs is loaded.
 */
public final class Main {

  static final String PROGRAM = "kv-or-stream";

  /** Every subcommand's name, in the order help lists them. */
  static final List<String> COMMANDS = List.of("decide", "new", "generate", "list", "check", "site",
      "status", "accept", "reject", "deprecate", "renumber", "export", "graph", "apply", "audit",
      "completion", "mcp", "skill");

  private static final List<String> DESCRIPTION = List.of(
      "Decides between a NATS KV watch and a JetStream stream for each communication path, and",
      "keeps the decisions as numbered Architecture Decision Records.");

  private static final List<String> FOOTER = List.of("", "Exit codes:",
      "  0  done",
      "  1  generate --check found drift, or check found a problem",
      "  2  bad usage or bad input (path:line:col: error: message)",
      "  3  something failed while running; nothing half-written");

  private Main() {}

  /** A command: what it accepts, and how to make it. */
  record Entry(Syntax syntax, Supplier<Command> make) {}

  /** A command by its name, or null. Touches only that command's class. */
  static Entry entry(String name) {
    return switch (name) {
      case "decide" -> new Entry(DecideCommand.SYNTAX, DecideCommand::new);
      case "new" -> new Entry(NewCommand.SYNTAX, NewCommand::new);
      case "generate" -> new Entry(GenerateCommand.SYNTAX, GenerateCommand::new);
      case "list" -> new Entry(ListCommand.SYNTAX, ListCommand::new);
      case "check" -> new Entry(CheckCommand.SYNTAX, CheckCommand::new);
      case "site" -> new Entry(SiteCommand.SYNTAX, SiteCommand::new);
      case "status" -> new Entry(StatusCommand.SYNTAX, StatusCommand::new);
      case "accept" -> new Entry(StatusCommand.ACCEPT, () -> new StatusCommand.Shorthand(Status.ACCEPTED));
      case "reject" -> new Entry(StatusCommand.REJECT, () -> new StatusCommand.Shorthand(Status.REJECTED));
      case "deprecate" -> new Entry(StatusCommand.DEPRECATE, () -> new StatusCommand.Shorthand(Status.DEPRECATED));
      case "renumber" -> new Entry(RenumberCommand.SYNTAX, RenumberCommand::new);
      case "export" -> new Entry(ExportCommand.SYNTAX, ExportCommand::new);
      case "graph" -> new Entry(GraphCommand.SYNTAX, GraphCommand::new);
      case "apply" -> new Entry(ApplyCommand.SYNTAX, ApplyCommand::new);
      case "audit" -> new Entry(AuditCommand.SYNTAX, AuditCommand::new);
      case "completion" -> new Entry(CompletionCommand.SYNTAX, CompletionCommand::new);
      case "mcp" -> new Entry(McpCommand.SYNTAX, McpCommand::new);
      case "skill" -> new Entry(SkillCommand.SYNTAX, SkillCommand::new);
      default -> null;
    };
  }

  /** A command's syntax by its name, or null. */
  static Syntax syntax(String name) {
    Entry e = entry(name);
    return e == null ? null : e.syntax();
  }

  /** Every command's syntax, in help order. */
  static List<Syntax> syntaxes() {
    return COMMANDS.stream().map(Main::syntax).toList();
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, out, err, System.in, Clock.systemDefaultZone(), Path.of(""));
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the program with the given streams and returns its exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, InputStream.nullInputStream(), Clock.systemDefaultZone(), Path.of(""));
  }

  /** Runs the program in a session of the caller's making and returns its exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in,
      Clock clock, Path workingDir) {
    Session session = new Session(out, err, in, clock, workingDir.toAbsolutePath());
    int code = dispatch(args, session);
    out.flush();
    err.flush();
    return code;
  }

  private static int dispatch(String[] args, Session session) {
    PrintWriter out = session.out();
    String first = args.length > 0 ? args[0] : "--help";
    switch (first) {
      case "-h", "--help" -> {
        out.print(Help.program(PROGRAM, DESCRIPTION, syntaxes(), FOOTER));
        return ExitCode.OK;
      }
      case "-V", "--version" -> {
        out.println(version());
        return ExitCode.OK;
      }
      case "help" -> {
        if (args.length == 1) {
          out.print(Help.program(PROGRAM, DESCRIPTION, syntaxes(), FOOTER));
          return ExitCode.OK;
        }
        Syntax asked = syntax(args[1]);
        if (asked == null || args.length > 2) {
          return badUsage(session, PROGRAM, "help: " + (asked == null
              ? "unknown command '" + args[1] + "'" + Suggest.hint(args[1], COMMANDS)
              : "unexpected argument '" + args[2] + "'"));
        }
        out.print(Help.of(PROGRAM, asked));
        return ExitCode.OK;
      }
      default -> { }
    }
    Entry command = entry(first);
    if (command == null) {
      return badUsage(session, PROGRAM, (first.startsWith("-") ? "unknown option '" : "unknown command '")
          + first + "'" + Suggest.hint(first, COMMANDS));
    }
    String hint = PROGRAM + " " + first;
    try {
      Parsed parsed = command.syntax().parse(Arrays.asList(args).subList(1, args.length));
      if (parsed.wantsHelp()) {
        out.print(Help.of(PROGRAM, command.syntax()));
        return ExitCode.OK;
      }
      return command.make().get().run(parsed, session);
    } catch (ArgsException e) {
      return badUsage(session, hint, first + ": " + e.getMessage());
    } catch (Exception e) {
      return report(e, session.err(), verbose(args));
    }
  }

  private static int badUsage(Session session, String hint, String message) {
    session.err().println(PROGRAM + ": error: " + message);
    session.err().println("Try '" + hint + " --help' for more.");
    return ExitCode.BAD_INPUT;
  }

  private static boolean verbose(String[] args) {
    for (String a : args) {
      if (a.equals("--verbose")) {
        return true;
      }
    }
    return false;
  }

  static int report(Exception ex, PrintWriter err, boolean verbose) {
    if (ex instanceof KvException kv) {
      if (kv.diagnostics().isEmpty()) {
        err.println("kv-or-stream: error: " + kv.getMessage());
      } else {
        for (Diagnostic d : kv.diagnostics()) {
          err.println(d.format());
        }
      }
      if (verbose && kv.getCause() != null) {
        kv.getCause().printStackTrace(err);
      }
      return kv.exitCode();
    }
    err.println("kv-or-stream: internal error: " + ex
        + (verbose ? "" : " (run with --verbose for the stack trace)"));
    if (verbose) {
      ex.printStackTrace(err);
    }
    return ExitCode.FAILED;
  }

  /** The version from the jar's manifest. */
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return PROGRAM + " " + (v == null ? "(development build)" : v);
  }
}
