package dev.kvorstream.cli;

import dev.kvorstream.log.Numbers;
import dev.kvorstream.design.Slugs;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.problem.KvException;
import dev.kvorstream.write.SafeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "new",
    description = "Writes a new design NNNN-slug.yaml with the next free number and today's date.")
final class NewCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Mixin FolderOptions options;

  @Parameters(paramLabel = "TITLE", description = "The title of the new communication path.")
  String title;

  @Override
  public Integer call() {
    Session session = main.session;
    String clean = title.strip();
    if (clean.isEmpty() || clean.contains("\n") || clean.contains("\r")) {
      throw KvException.usage("the title must be one line of text");
    }
    Path dir = session.resolve(options.dir);
    try {
      Files.createDirectories(dir);
      int number = Numbers.next(dir);
      String name = String.format("%04d-%s.yaml", number, Slugs.of(clean));
      String content = options.renderer(session).newDesign(clean,
          LocalDate.now(session.clock()).toString());
      if (!SafeFiles.create(dir.resolve(name), content)) {
        throw KvException.failed(name + " appeared while writing; run again", null);
      }
      session.out().println(dev.kvorstream.log.Folder.displayPath(options.dir, name));
      return ExitCode.OK;
    } catch (IOException e) {
      throw KvException.failed("cannot write in " + options.dir + ": " + e.getMessage(), e);
    }
  }
}
