package dev.kvorstream.cli;

import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.design.Slugs;
import dev.kvorstream.log.Numbers;
import dev.kvorstream.problem.ExitCode;
import dev.kvorstream.problem.KvException;
import dev.kvorstream.write.SafeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

final class NewCommand implements Command {

  static final Syntax SYNTAX = FolderOptions.declare(Syntax.command("new",
      "Writes a new design NNNN-slug.yaml with the next free number and today's date.")
      .param("TITLE", "The title of the new communication path.")
      .flag("--ask", "Ask the four questions here, one at a time, and write the answers into the design.")
      .option("--context", "TEXT", "What flows over the path and why, instead of the placeholder context.")
      .choice("--restart", "WORD", "Test 1's answer: reprocess or resume.", "reprocess", "resume")
      .choice("--delivery", "WORD", "Test 2's answer: fan-out or queue.", "fan-out", "queue")
      .choice("--processing", "WORD", "Test 3's answer: fast or slow.", "fast", "slow")
      .choice("--nature", "WORD", "Test 4's answer: fact or request.", "fact", "request"));

  /** The design schema beside the designs, for editors; refreshed only if it is ours. */
  static void writeSchema(Path dir) throws IOException {
    dev.kvorstream.write.DesignSchema.writeBeside(dir);
  }

  @Override
  public int run(Parsed args, Session session) {
    FolderOptions options = FolderOptions.of(args);
    String title = args.param(0);
    boolean ask = args.has("--ask");
    options.configure(session);
    String clean = title.strip();
    if (clean.isEmpty() || clean.contains("\n") || clean.contains("\r")) {
      throw KvException.usage("the title must be one line of text");
    }
    Path dir = session.resolve(options.dir);
    try {
      Files.createDirectories(dir);
      int number = Numbers.next(dir);
      String name = String.format("%04d-%s.yaml", number, Slugs.of(clean));
      java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
      java.util.Map<String, String> why = new java.util.LinkedHashMap<>();
      for (dev.kvorstream.heuristic.Question q : dev.kvorstream.heuristic.Question.values()) {
        if (args.has("--" + q.key())) {
          answers.put(q.key(), args.value("--" + q.key()));
        }
      }
      if (ask) {
        if (!answers.isEmpty()) {
          throw KvException.usage("--ask asks every test; give the answers as options or --ask, not both");
        }
        Interview.run(session, clean, answers, why, options);
      }
      java.util.Map<String, Object> model = new java.util.HashMap<>();
      model.put("title", clean);
      model.put("date", LocalDate.now(session.clock()).toString());
      model.put("answers", answers);
      model.put("why", why);
      String context = args.value("--context");
      if (context != null && !context.isBlank()) {
        model.put("context", context.replace("\r\n", "\n").stripTrailing());
      }
      String content = options.templates(session).render("design.yaml.ftl", model);
      writeSchema(dir);
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
