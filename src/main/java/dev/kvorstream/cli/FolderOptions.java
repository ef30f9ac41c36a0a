package dev.kvorstream.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options the commands share, as one command line gave them: the decisions folder and
 * the templates folder (null when not given: kv-or-stream.yaml or the default decides), the
 * ADR style (null likewise), and whether omitted answers are inferred.
 */
record FolderOptions(Path dir, Path templates, String style, boolean infer) {

  /** Which shared options a command uses beyond --dir and --verbose, which all have. */
  enum Use { TEMPLATES, STYLE, INFER }

  static final List<String> STYLES = List.of("nygard", "madr");

  /**
   * The shared options of one command's grammar: added after the command's own options,
   * read back after the parse.
   */
  static final class Specs {
    private final OptionSpec dir = Grammar.value("--dir", "DIR", Path.class,
        "The decisions folder (default: decisions, or dir: in the kv-or-stream.yaml"
        + " file).");
    private final OptionSpec templates;
    private final OptionSpec style;
    private final OptionSpec noInfer;
    private final OptionSpec verbose = Grammar.flag("--verbose", "Print stack traces of failures.");

    Specs(Use... uses) {
      EnumSet<Use> used = uses.length == 0 ? EnumSet.noneOf(Use.class) : EnumSet.copyOf(List.of(uses));
      templates = used.contains(Use.TEMPLATES) ? Grammar.value("--templates", "DIR", Path.class,
          "A folder of templates that override the built-in ones by name.") : null;
      style = used.contains(Use.STYLE) ? Grammar.choice("--style", "STYLE",
          "The ADR layout: nygard (adr-tools, Structurizr; the default) or madr (MADR 4).",
          Grammar.Choice.of(STYLES.toArray(String[]::new)), null) : null;
      noInfer = used.contains(Use.INFER)
          ? Grammar.flag("--no-infer", "Do not infer omitted answers from the design's words.") : null;
    }

    /** Adds the shared options, then -h/--help, to a command's grammar. */
    CommandSpec addTo(CommandSpec spec) {
      spec.addOption(dir);
      for (OptionSpec o : new OptionSpec[] {templates, style, noInfer}) {
        if (o != null) {
          spec.addOption(o);
        }
      }
      return spec.addOption(verbose).addOption(Grammar.help());
    }

    /** The values the parse gave. */
    FolderOptions options() {
      return new FolderOptions(dir.getValue(), templates == null ? null : templates.getValue(),
          style == null ? null : style.getValue(), noInfer == null || !noInfer.<Boolean>getValue());
    }
  }
}
