package dev.kvorstream.cli;

import dev.kvorstream.args.ArgsException;
import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
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

class StatusCommand implements Command {

  static final Syntax SYNTAX = FolderOptions.declare(Syntax.command("status",
      "Sets a decision's status in its design file.",
      "In place: comments, order and line ends stay as they are. Run generate afterwards.")
      .param("N", "The decision's number.")
      .param("STATUS", "proposed, accepted, rejected, deprecated or superseded."));
  static final Syntax ACCEPT = shorthand("accept", Status.ACCEPTED);
  static final Syntax REJECT = shorthand("reject", Status.REJECTED);
  static final Syntax DEPRECATE = shorthand("deprecate", Status.DEPRECATED);

  private static Syntax shorthand(String name, Status status) {
    return FolderOptions.declare(Syntax.command(name, "Sets a decision's status to " + status.word() + ".")
        .param("N", "The decision's number."));
  }

  @Override
  public int run(Parsed args, Session session) throws ArgsException {
    int number = args.numberParam(0, "N");
    String status = args.param(1);
    Status target = Status.fromWord(status);
    if (target == null) {
      throw KvException.usage("unknown status '" + status + "'; expected one of "
          + String.join(", ", Status.words()));
    }
    return set(session, FolderOptions.of(args), number, target);
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

  /** The shorthands (accept, reject, deprecate): a fixed status for decision N. */
  static final class Shorthand implements Command {
    private final Status target;

    Shorthand(Status target) {
      this.target = target;
    }

    @Override
    public int run(Parsed args, Session session) throws ArgsException {
      return set(session, FolderOptions.of(args), args.numberParam(0, "N"), target);
    }
  }
}
