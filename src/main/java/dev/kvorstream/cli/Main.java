package dev.kvorstream.cli;

import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.problem.KvException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The program's entry point and root command. */
@Command(
    name = "kv-or-stream",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = "Decides between a NATS KV watch and a JetStream stream for each communication"
        + " path, and keeps the decisions as numbered Architecture Decision Records.",
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  done",
        "  1  generate --check found drift, or check found a problem",
        "  2  bad usage or bad input (path:line:col: error: message)",
        "  3  something failed while running; nothing half-written"})
public final class Main implements Runnable {

  /** Every subcommand by name, in the order help lists them. */
  static final java.util.Map<String, Class<?>> COMMANDS = commands();

  private static java.util.Map<String, Class<?>> commands() {
    java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
    m.put("decide", DecideCommand.class);
    m.put("new", NewCommand.class);
    m.put("generate", GenerateCommand.class);
    m.put("list", ListCommand.class);
    m.put("check", CheckCommand.class);
    m.put("site", SiteCommand.class);
    m.put("status", StatusCommand.class);
    m.put("accept", StatusCommand.Accept.class);
    m.put("reject", StatusCommand.Reject.class);
    m.put("deprecate", StatusCommand.Deprecate.class);
    m.put("renumber", RenumberCommand.class);
    m.put("export", ExportCommand.class);
    m.put("graph", GraphCommand.class);
    m.put("apply", ApplyCommand.class);
    m.put("audit", AuditCommand.class);
    m.put("completion", CompletionCommand.class);
    return java.util.Collections.unmodifiableMap(m);
  }

  @Spec CommandSpec spec;

  final Session session;

  Main(Session session) {
    this.session = session;
  }

  @Override
  public void run() {
    spec.commandLine().usage(session.out());
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
    CommandLine cli = new CommandLine(new Main(session));
    // Building a command's model takes reflection; a run builds only the command it runs
    // (help, completion and unknown words get them all).
    String first = args.length > 0 ? args[0] : "";
    Class<?> only = COMMANDS.get(first);
    if (only != null && !first.equals("completion")) {
      cli.addSubcommand(first, only);
    } else {
      COMMANDS.forEach(cli::addSubcommand);
    }
    cli.addSubcommand("help", new CommandLine.HelpCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler((ex, arguments) -> {
      err.println("kv-or-stream: error: " + ex.getMessage());
      CommandLine bad = ex.getCommandLine();
      err.println("Try '" + bad.getCommandSpec().qualifiedName() + " --help' for more.");
      return ExitCode.BAD_INPUT;
    });
    cli.setExecutionExceptionHandler((ex, bad, parsed) -> report(ex, err, verbose(args)));
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
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
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"kv-or-stream " + (v == null ? "(development build)" : v)};
    }
  }
}
