package dev.kvorstream.cli;

import dev.kvorstream.ledger.Folder;
import dev.kvorstream.mcp.Skill;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.problem.ToolException;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code skill}: prints the agent skill, or installs it where agents look for skills. */
final class SkillCommand implements Command {

  private final OptionSpec install = Grammar.flag("--install",
      "Write it to " + Skill.DEFAULT_FOLDER + "/" + Skill.FILE + " instead of printing it.");
  private final OptionSpec into = Grammar.value("--into", "DIR", String.class,
      "With --install: the skills folder (default: " + Skill.DEFAULT_FOLDER + ").");
  private final OptionSpec force = Grammar.flag("--force", "With --install: replace a SKILL.md there that differs.");

  /** What to do: print, or install into a skills folder. */
  record Options(boolean install, String into, boolean force) {
    Options {
      if (!install && (into != null || force)) {
        throw new UsageException("--into and --force go with --install");
      }
      into = into == null ? Skill.DEFAULT_FOLDER : into;
    }
  }

  @Override
  public CommandSpec spec() {
    return Grammar.command("skill",
        "Prints the agent skill (SKILL.md) that decides with kv-or-stream, or installs it.")
        .addOption(install).addOption(into).addOption(force).addOption(Grammar.help());
  }

  @Override
  public int run(Session session) {
    Options o = new Options(install.getValue(), into.getValue(), force.getValue());
    if (!o.install()) {
      session.out().print(Skill.text());
      return ExitCode.OK;
    }
    Path folder = session.resolve(o.into());
    String shown = Folder.displayPath(o.into(), Skill.FILE);
    try {
      switch (Skill.install(folder, o.force())) {
        case CREATED -> session.out().println("created " + shown);
        case UPDATED -> session.out().println("updated " + shown);
        case UNCHANGED -> session.out().println(shown + " is up to date");
        case DIFFERENT -> {
          session.err().println(shown + ": differs from this version's skill; left as it is (use --force to replace it)");
          return ExitCode.FINDINGS;
        }
        default -> { }
      }
      return ExitCode.OK;
    } catch (IOException e) {
      throw ToolException.failed("cannot write " + shown + ": " + e.getMessage(), e);
    }
  }
}
