package dev.kvorstream.cli;

import dev.kvorstream.args.Parsed;
import dev.kvorstream.args.Syntax;
import dev.kvorstream.design.BidiControls;
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
      .flag("--ask", "Ask the four questions here, one at a time, and write the answers into the design."));

  /** The design schema beside the designs, for editors; refreshed only if it is ours. */
  static void writeSchema(Path dir) throws IOException {
    String schema;
    try (var in = NewCommand.class.getResourceAsStream("/dev/kvorstream/design/design.schema.json")) {
      schema = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Path target = dir.resolve("design.schema.json");
    if (!Files.exists(target) || Files.readString(target).contains("\"$id\": \"https://kv-or-stream.dev/schema/")) {
      SafeFiles.write(target, schema);
    }
  }

  @Override
  public int run(Parsed args, Session session) {
    FolderOptions options = FolderOptions.of(args);
    String title = args.param(0);
    boolean ask = args.has("--ask");
    options.configure(session);
    String clean = title.strip();
    BidiControls.refuse("<title>", clean);
    if (clean.isEmpty() || clean.contains("\n") || clean.contains("\r")) {
      throw KvException.usage("the title must be one line of text");
    }
    Path dir = session.resolve(options.dir);
    try {
      Files.createDirectories(dir);
      int number = Numbers.next(dir);
      String name = String.format(java.util.Locale.ROOT, "%04d-%s.yaml", number, Slugs.of(clean));
      java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
      java.util.Map<String, String> why = new java.util.LinkedHashMap<>();
      if (ask) {
        Interview.run(session, clean, answers, why, options);
      }
      String content = options.renderer(session).newDesign(clean,
          LocalDate.now(session.clock()).toString(), answers, why);
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
