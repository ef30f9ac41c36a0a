package dev.kvorstream.cli;

import dev.kvorstream.design.Design;
import dev.kvorstream.design.DesignName;
import dev.kvorstream.design.Ref;
import dev.kvorstream.log.Edits;
import dev.kvorstream.log.Folder;
import dev.kvorstream.log.Numbers;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.problem.KvException;
import dev.kvorstream.write.Marker;
import dev.kvorstream.write.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code renumber FILE}: moves a design to a free number, with its ADR and the references to it. */
final class RenumberCommand implements Command {

  private final FolderOptions.Specs shared = new FolderOptions.Specs();
  private final PositionalParamSpec file = Grammar.param(0, "FILE", Path.class, true,
      "The design to move, e.g. decisions/0007-tool-results.yaml.");
  private final OptionSpec to = Grammar.value("--to", "N", Integer.class,
      "The new number (default: the next free one).");

  record Options(FolderOptions folder, Path file, Integer to) {
    Options {
      if (to != null && to < 1) {
        throw new UsageException("--to must be a positive number");
      }
    }
  }

  @Override
  public CommandSpec spec() {
    return shared.addTo(Grammar.command("renumber",
        "Moves a design to another number, with its ADR and the references to it.",
        "The new number is the next free one, or N: renames the design and its ADR, and"
        + " rewrites every unambiguous reference to it in the other designs. Says which"
        + " references it could not decide. Run generate afterwards.")
        .addPositional(file).addOption(to));
  }

  @Override
  public int run(Session session) throws IOException {
    Options o = new Options(shared.options(), file.getValue(), to.getValue());
    Workspace options = Workspace.open(session, o.folder());
    Integer to = o.to();
    Folder folder = options.folder();
    String fileName = o.file().getFileName().toString();
    DesignName old = DesignName.parse(fileName);
    Design design = folder.designs().stream()
        .filter(d -> d.name().fileName().equals(fileName)).findFirst()
        .orElseThrow(() -> KvException.usage("no design " + fileName + " in " + options.dir()));
    int from = old.number();
    int target = to != null ? to : Numbers.next(folder.dir());
    boolean taken = folder.designs().stream().anyMatch(d -> d.number() == target)
        || folder.handWritten().stream().anyMatch(h -> h.number() == target);
    if (taken) {
      throw KvException.usage("decision number " + target + " is taken; choose another with --to");
    }
    String digits = String.format(java.util.Locale.ROOT, "%0" + Math.max(4, old.digits().length()) + "d", target);
    DesignName moved = new DesignName(target, digits, old.slug(), old.extension());
    Path dir = folder.dir();

    // Who else answers to the old number once this design has left it?
    boolean stillTaken = folder.designs().stream().anyMatch(d -> d != design && d.number() == from)
        || folder.handWritten().stream().anyMatch(h -> h.number() == from);
    List<String> undecided = new ArrayList<>();
    for (Design other : folder.designs()) {
      if (other == design) {
        continue;
      }
      List<Ref> refs = new ArrayList<>(other.supersedes());
      refs.addAll(other.related());
      refs.addAll(other.amends());
      List<Ref> hits = refs.stream().filter(r -> r.number() == from).toList();
      if (hits.isEmpty()) {
        continue;
      }
      if (stillTaken) {
        for (Ref r : hits) {
          undecided.add(r.at().label() + ": refers to " + from + ", which is taken by another file"
              + " too; edit it by hand if it means " + moved.stem());
        }
        continue;
      }
      Path path = dir.resolve(other.name().fileName());
      String text = Files.readString(path, StandardCharsets.UTF_8);
      SafeFiles.write(path, Edits.renumberReferences(text, other, from, target));
      session.out().println("updated " + other.path() + ": " + hits.size()
          + (hits.size() == 1 ? " reference" : " references") + " " + from + " -> " + target);
    }
    Path source = dir.resolve(old.fileName());
    Path destination = dir.resolve(moved.fileName());
    String designText = Files.readString(source, StandardCharsets.UTF_8);
    String selfEdited = Edits.renumberReferences(designText, design, from, target);
    SafeFiles.write(destination, selfEdited);
    Files.delete(source);
    session.out().println("moved " + options.dirPath(old.fileName()) + " -> " + options.dirPath(moved.fileName()));
    Path oldAdr = dir.resolve(old.stem() + ".md");
    if (Files.exists(oldAdr)) {
      String adr = Files.readString(oldAdr, StandardCharsets.UTF_8);
      if (Marker.state(adr) == Marker.State.GENERATED && old.fileName().equals(Marker.source(adr))) {
        Files.delete(oldAdr);
        session.out().println("removed " + options.dirPath(old.stem() + ".md") + " (generate writes "
            + moved.stem() + ".md)");
      } else {
        Files.move(oldAdr, dir.resolve(moved.stem() + ".md"), StandardCopyOption.ATOMIC_MOVE);
        session.out().println("moved " + options.dirPath(old.stem() + ".md") + " -> "
            + options.dirPath(moved.stem() + ".md") + " (it was edited by hand; generate will not overwrite it)");
      }
    }
    for (String line : undecided) {
      session.err().println(line);
    }
    session.out().println("renumber: " + from + " -> " + target + "; run kv-or-stream generate");
    return undecided.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
  }
}
