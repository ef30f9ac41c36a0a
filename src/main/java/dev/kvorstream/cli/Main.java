package dev.kvorstream.cli;

import dev.kvorstream.design.Suggest;
import dev.kvorstream.model.Status;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.problem.ToolException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * The program's entry point. Answers {@code --version} before building any grammar; for a
 * command, builds only that command's grammar (picocli's programmatic model), parses the line
 * with it and runs the command. The whole grammar is built only for the program's help and
 * for shell completion.
 */
public final class Main {

  static final String PROGRAM = "kv-or-stream";

  /** Every subcommand's name, in the order help lists them. */
  static final List<String> COMMANDS = List.of("decide", "new", "generate", "list", "check", "site",
      "serve", "status", "accept", "reject", "deprecate", "renumber", "export", "graph", "apply", "audit",
      "completion", "mcp", "skill");

  private Main() {}

  /** A fresh command by its name, or null. Loads only that command's class. */
  static Command command(String name) {
    return switch (name) {
      case "decide" -> new DecideCommand();
      case "new" -> new NewCommand();
      case "generate" -> new GenerateCommand();
      case "list" -> new ListCommand();
      case "check" -> new CheckCommand();
      case "site" -> new SiteCommand();
      case "serve" -> new ServeCommand();
      case "status" -> new StatusCommand();
      case "accept" -> new StatusCommand(Status.ACCEPTED);
      case "reject" -> new StatusCommand(Status.REJECTED);
      case "deprecate" -> new StatusCommand(Status.DEPRECATED);
      case "renumber" -> new RenumberCommand();
      case "export" -> new ExportCommand();
      case "graph" -> new GraphCommand();
      case "apply" -> new ApplyCommand();
      case "audit" -> new AuditCommand();
      case "completion" -> new CompletionCommand();
      case "mcp" -> new McpCommand();
      case "skill" -> new SkillCommand();
      default -> null;
    };
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
    if (args.length == 0) {
      session.err().println(PROGRAM + ": error: missing COMMAND");
      Program.line(session).usage(session.err());
      return ExitCode.BAD_INPUT;
    }
    String first = args[0];
    switch (first) {
      case "-V", "--version" -> {
        session.out().println(version());
        return ExitCode.OK;
      }
      case "-h", "--help" -> {
        Program.line(session).usage(session.out());
        return ExitCode.OK;
      }
      case "help" -> {
        return help(args, session);
      }
      default -> { }
    }
    Command command = command(first);
    if (command == null) {
      return badUsage(session, null, (first.startsWith("-") ? "unknown option '" : "unknown command '")
          + first + "'" + Suggest.hint(first, COMMANDS));
    }
    boolean verbose = false;
    try {
      CommandLine line = Program.line(session, first, command.spec());
      ParseResult parsed = line.parseArgs(Arrays.copyOfRange(args, 1, args.length));
      if (parsed.isUsageHelpRequested()) {
        line.usage(session.out());
        return ExitCode.OK;
      }
      verbose = parsed.hasMatchedOption("--verbose");
      return command.run(session);
    } catch (ParameterException e) {
      return badUsage(session, first, e);
    } catch (UsageException e) {
      return badUsage(session, first, e.getMessage());
    } catch (Exception e) {
      return report(e, session.err(), verbose);
    }
  }

  /** {@code help} lists the commands; {@code help COMMAND} prints that command's help. */
  private static int help(String[] args, Session session) {
    if (args.length == 1) {
      Program.line(session).usage(session.out());
      return ExitCode.OK;
    }
    Command asked = command(args[1]);
    if (asked == null || args.length > 2) {
      return badUsage(session, "help", asked == null
          ? "unknown command '" + args[1] + "'" + Suggest.hint(args[1], COMMANDS)
          : "unexpected argument '" + args[2] + "'");
    }
    Program.line(session, args[1], asked.spec()).usage(session.out());
    return ExitCode.OK;
  }

  private static int badUsage(Session session, String command, ParameterException e) {
    String message = e.getMessage();
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      // the first word that fits nowhere; the ones after it often only follow from it
      String word = u.getUnmatched().get(0);
      message = word.startsWith("-") ? "unknown option '" + word + "'" + (u.getSuggestions().isEmpty() ? ""
          : "; did you mean '" + u.getSuggestions().get(0) + "'?") : "unexpected argument '" + word + "'";
    } else if (!message.isEmpty()) {
      message = message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
    return badUsage(session, command, message);
  }

  /**
   * Every usage error, in one format: {@code kv-or-stream: error: COMMAND: message}, then
   * where to find the help; exit 2.
   */
  private static int badUsage(Session session, String command, String message) {
    session.err().println(PROGRAM + ": error: " + (command == null ? "" : command + ": ") + message);
    session.err().println("Try '" + PROGRAM + (command == null || command.equals("help") ? "" : " " + command)
        + " --help' for more.");
    return ExitCode.BAD_INPUT;
  }

  static int report(Exception ex, PrintWriter err, boolean verbose) {
    if (ex instanceof ToolException kv) {
      if (kv.diagnostics().isEmpty()) {
        err.println(PROGRAM + ": error: " + kv.getMessage());
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
    err.println(PROGRAM + ": internal error: " + ex
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
