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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code status N STATUS}, and its shorthands {@code accept N}, {@code reject N} and
 * {@code deprecate N}: sets a decision's status in its design file, in place.
 */
final class StatusCommand implements Command {

  /** The statuses as the command line spells them. */
  static final Grammar.Choice<Status> STATUSES = new Grammar.Choice<>(Status.class, Status.words(),
      List.of(Status.values()));

  private final Status fixed;
  private final FolderOptions.Specs shared = new FolderOptions.Specs();
  private final PositionalParamSpec number = Grammar.param(0, "N", int.class, true, "The decision's number.");
  private final PositionalParamSpec status;

  /** {@code status N STATUS}. */
  StatusCommand() {
    this.fixed = null;
    this.status = Grammar.param(1, "STATUS", STATUSES, String.join(", ", Status.words()) + ".");
  }

  /** A shorthand that sets a fixed status. */
  StatusCommand(Status fixed) {
    this.fixed = fixed;
    this.status = null;
  }

  /** Which decision gets which status. */
  record Options(FolderOptions folder, int number, Status status) {}

  @Override
  public CommandSpec spec() {
    if (fixed == null) {
      return shared.addTo(Grammar.command("status", "Sets a decision's status in its design file.",
          "In place: comments, order and line ends stay as they are. Run generate afterwards.")
          .addPositional(number).addPositional(status));
    }
    String name = switch (fixed) {
      case ACCEPTED -> "accept";
      case REJECTED -> "reject";
      case DEPRECATED -> "deprecate";
      default -> throw new IllegalStateException("no shorthand for " + fixed);
    };
    return shared.addTo(Grammar.command(name, "Sets a decision's status to " + fixed.word() + ".")
        .addPositional(number));
  }

  @Override
  public int run(Session session) {
    Options o = new Options(shared.options(), number.getValue(), fixed != null ? fixed : status.getValue());
    return set(session, Workspace.open(session, o.folder()), o.number(), o.status());
  }

  /**
   * Sets decision {@code number}'s status to {@code target} in its design file, keeping the
   * rest of the file as it is; says so and changes nothing when it already has that status.
   */
  static int set(Session session, Workspace ws, int number, Status target) {
    Design design = design(ws.folder(), number, ws.dir());
    if (design.status() == target) {
      session.out().println(design.path() + ": already " + target.word() + "; nothing changed");
      return ExitCode.OK;
    }
    Path file = ws.session().resolve(ws.dir()).resolve(design.name().fileName());
    try {
      SafeFiles.write(file, edited(ws, design, target));
    } catch (IOException e) {
      throw KvException.failed("cannot edit " + design.path() + ": " + e.getMessage(), e);
    }
    session.out().println(design.path() + ": status " + design.status().word() + " -> " + target.word()
        + "; run kv-or-stream generate");
    return ExitCode.OK;
  }

  /** The one design numbered {@code number}. */
  static Design design(Folder folder, int number, String dir) {
    List<Design> matches = folder.designs().stream().filter(d -> d.number() == number).toList();
    if (matches.isEmpty()) {
      throw KvException.usage("no design numbered " + number + " in " + dir
          + (folder.handWritten().stream().anyMatch(h -> h.number() == number)
              ? " (decision " + number + " is written by hand; edit its status there)" : ""));
    }
    if (matches.size() > 1) {
      throw KvException.usage("decision number " + number + " is taken by "
          + matches.size() + " designs; renumber one first (kv-or-stream renumber FILE)");
    }
    return matches.get(0);
  }

  /** A design's text with its status set, checked to load as before. */
  static String edited(Workspace ws, Design design, Status target) {
    Path file = ws.session().resolve(ws.dir()).resolve(design.name().fileName());
    try {
      String edited = Edits.setStatus(Files.readString(file, StandardCharsets.UTF_8), target);
      ws.loader().load(design.path(), design.name(), edited.getBytes(StandardCharsets.UTF_8));
      return edited;
    } catch (IOException e) {
      throw KvException.failed("cannot read " + design.path() + ": " + e.getMessage(), e);
    }
  }
}
