package dev.kvorstream.cli;

import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.mcp.Skill;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.problem.KvException;
import java.io.IOException;
import java.nio.file.Path;

/** {@code skill}: prints the agent skill, or installs it where agents look for skills. */
final class SkillCommand implements Command {

  static final Syntax SYNTAX = Syntax.command("skill",
      "Prints the agent skill (SKILL.md) that decides with kv-or-stream, or installs it.")
      .flag("--install", "Write it to " + Skill.DEFAULT_FOLDER + "/" + Skill.FILE + " instead of printing it.")
      .option("--into", "DIR", "With --install: the skills folder (default: " + Skill.DEFAULT_FOLDER + ").")
      .flag("--force", "With --install: replace a SKILL.md there that differs.");

  @Override
  public int run(Parsed args, Session session) {
    if (!args.has("--install")) {
      if (args.has("--into") || args.has("--force")) {
        throw KvException.usage("--into and --force go with --install");
      }
      session.out().print(Skill.text());
      return ExitCode.OK;
    }
    String into = args.value("--into", Skill.DEFAULT_FOLDER);
    Path folder = session.resolve(into);
    String shown = dev.kvorstream.log.Folder.displayPath(into, Skill.FILE);
    try {
      switch (Skill.install(folder, args.has("--force"))) {
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
      throw KvException.failed("cannot write " + shown + ": " + e.getMessage(), e);
    }
  }
}
