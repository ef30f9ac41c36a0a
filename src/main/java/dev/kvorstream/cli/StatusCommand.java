package dev.kvorstream.cli;

import dev.kvorstream.design.Design;
import dev.kvorstream.design.Status;
import dev.kvorstream.log.Edits;
import dev.kvorstream.log.Folder;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.problem.KvException;
import dev.kvorstream.write.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", description = {"Sets a decision's status in its design file, in place:",
    "comments, order and line ends stay as they are. Run generate afterwards."})
class StatusCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Mixin FolderOptions options;

  @Parameters(index = "0", paramLabel = "N", description = "The decision's number.")
  int number;

  @Parameters(index = "1", paramLabel = "STATUS",
      description = "proposed, accepted, rejected, deprecated or superseded.")
  String status;

  @Override
  public Integer call() {
    Status target = Status.fromWord(status);
    if (target == null) {
      throw KvException.usage("unknown status '" + status + "'; expected one of "
          + String.join(", ", Status.words()));
    }
    return set(main.session, options, number, target);
  }

  static int set(Session session, FolderOptions options, int number, Status target) {
    Folder folder = options.folder(session);
    List<Design> matches = folder.designs().stream().filter(d -> d.number() == number).toList();
    if (matches.isEmpty()) {
      throw KvException.usage("no design numbered " + number + " in " + options.dir
          + (folder.handWritten().stream().anyMatch(h -> h.number() == number)
              ? " (decision " + number + " is written by hand; edit its status there)" : ""));
    }
    if (matches.size() > 1) {
      throw KvException.usage("decision number " + number + " is taken by "
          + matches.size() + " designs; renumber one first (kv-or-stream renumber FILE)");
    }
    Design design = matches.get(0);
    Path file = folder.dir().resolve(design.name().fileName());
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String edited = Edits.setStatus(text, target);
      options.loader().load(design.path(), design.name(), edited.getBytes(StandardCharsets.UTF_8));
      SafeFiles.write(file, edited);
      session.out().println(design.path() + ": status " + design.status().word() + " -> "
          + target.word() + (design.status() == target ? " (unchanged)" : "")
          + "; run kv-or-stream generate");
      return ExitCode.OK;
    } catch (IOException e) {
      throw KvException.failed("cannot edit " + design.path() + ": " + e.getMessage(), e);
    }
  }

  /** The shorthands: a fixed status for decision N. */
  abstract static class Shorthand implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin FolderOptions options;
    @Parameters(paramLabel = "N", description = "The decision's number.") int number;

    abstract Status target();

    @Override
    public Integer call() {
      return set(main.session, options, number, target());
    }
  }

  @Command(name = "accept", description = "Sets a decision's status to accepted.")
  static final class Accept extends Shorthand {
    @Override
    Status target() {
      return Status.ACCEPTED;
    }
  }

  @Command(name = "reject", description = "Sets a decision's status to rejected.")
  static final class Reject extends Shorthand {
    @Override
    Status target() {
      return Status.REJECTED;
    }
  }

  @Command(name = "deprecate", description = "Sets a decision's status to deprecated.")
  static final class Deprecate extends Shorthand {
    @Override
    Status target() {
      return Status.DEPRECATED;
    }
  }
}
