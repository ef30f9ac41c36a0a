package dev.kvorstream.args;

import java.util.ArrayList;
import java.util.List;

/** The help text of a command, and of the program with its command list. */
public final class Help {

  private static final int GAP = 2;

  private Help() {}

  /** "Usage: PROGRAM COMMAND [OPTIONS] PARAMS", the description, parameters and options. */
  public static String of(String program, Syntax syntax) {
    StringBuilder out = new StringBuilder("Usage: ").append(program).append(' ').append(syntax.name())
        .append(" [OPTIONS]");
    for (Syntax.Param p : syntax.params()) {
      out.append(' ').append(p.required() ? p.label() : "[" + p.label() + "]");
    }
    out.append('\n');
    syntax.description().forEach(line -> out.append(line).append('\n'));
    if (!syntax.params().isEmpty()) {
      out.append("\nParameters:\n");
      List<String[]> rows = new ArrayList<>();
      for (Syntax.Param p : syntax.params()) {
        rows.add(new String[] {p.label(), p.help()});
      }
      table(out, rows);
    }
    out.append("\nOptions:\n");
    List<String[]> rows = new ArrayList<>();
    for (Syntax.Option o : syntax.options()) {
      String left = (o == Syntax.HELP ? "-h, " : "") + o.name() + (o.takesValue() ? " " + o.label() : "");
      rows.add(new String[] {left, o.help()});
    }
    table(out, rows);
    return out.toString();
  }

  /** The program's help: usage, description, every command's summary, then the footer. */
  public static String program(String program, List<String> description, List<Syntax> commands,
      List<String> footer) {
    StringBuilder out = new StringBuilder("Usage: ").append(program).append(" [-h] [-V] COMMAND [OPTIONS]\n");
    description.forEach(line -> out.append(line).append('\n'));
    out.append("\nOptions:\n");
    table(out, List.of(new String[] {"-h, --help", "Print this help and exit."},
        new String[] {"-V, --version", "Print the version and exit."}));
    out.append("\nCommands:\n");
    List<String[]> rows = new ArrayList<>();
    for (Syntax s : commands) {
      rows.add(new String[] {s.name(), s.description().get(0)});
    }
    rows.add(new String[] {"help", "Prints the help of a command: help COMMAND."});
    table(out, rows);
    out.append("\nRun '").append(program).append(" COMMAND --help' for a command's options.\n");
    footer.forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }

  private static void table(StringBuilder out, List<String[]> rows) {
    int width = 0;
    for (String[] r : rows) {
      width = Math.max(width, r[0].length());
    }
    for (String[] r : rows) {
      out.append("  ").append(r[0]).append(" ".repeat(width - r[0].length() + GAP)).append(r[1]).append('\n');
    }
  }
}
