package dev.kvorstream.cli;

import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.problem.KvException;
import dev.kvorstream.render.Export;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", description = "Prints every decision with its verdict, answers, links and NATS settings as JSON (a versioned shape).")
final class ExportCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Mixin FolderOptions options;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json", description = "json (the only one so far).")
  String format;

  @Override
  public Integer call() {
    if (!format.equals("json")) {
      throw KvException.usage("--format " + format + ": only json is supported");
    }
    DecisionLog log = options.usableLog(main.session, new Timing(main.session.err()));
    main.session.out().print(Export.json(log));
    return ExitCode.OK;
  }
}
