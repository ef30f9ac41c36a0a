package dev.kvorstream.args;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one command accepts: its name, its description (the first line is its summary in
 * the command list), its options and its positional parameters. Built once, in a static
 * field of the command, with {@link #flag}, {@link #option} and {@link #param}.
 */
public final class Syntax {

  /**
   * An option: a name such as {@code --dir}; with a label (DIR) it takes a value, and with
   * choices the value must be one of them.
   */
  public record Option(String name, String label, String help, List<String> choices) {
    public boolean takesValue() {
      return label != null;
    }
  }

  /** A positional parameter: its label (FILE) and whether it may be left out. */
  public record Param(String label, String help, boolean required) {}

  /** The options every command has. */
  public static final Option HELP = new Option("--help", null, "Print this help and exit.", List.of());

  private final String name;
  private final List<String> description;
  private final Map<String, Option> options = new LinkedHashMap<>();
  private final List<Param> params = new ArrayList<>();

  private Syntax(String name, List<String> description) {
    this.name = name;
    this.description = List.copyOf(description);
  }

  /** A command with its description, one line per element. */
  public static Syntax command(String name, String... description) {
    return new Syntax(name, List.of(description));
  }

  /** An option without a value: present or not. */
  public Syntax flag(String option, String help) {
    return add(new Option(option, null, help, List.of()));
  }

  /** An option that takes a value, shown as {@code option LABEL}. */
  public Syntax option(String option, String label, String help) {
    return add(new Option(option, label, help, List.of()));
  }

  /** An option whose value must be one of the choices (compared without case). */
  public Syntax choice(String option, String label, String help, String... choices) {
    return add(new Option(option, label, help, List.of(choices)));
  }

  /** A positional parameter that must be given. */
  public Syntax param(String label, String help) {
    params.add(new Param(label, help, true));
    return this;
  }

  /** A positional parameter that may be left out. */
  public Syntax optionalParam(String label, String help) {
    params.add(new Param(label, help, false));
    return this;
  }

  private Syntax add(Option option) {
    if (options.putIfAbsent(option.name(), option) != null) {
      throw new IllegalStateException(name + " declares " + option.name() + " twice");
    }
    return this;
  }

  public String name() {
    return name;
  }

  public List<String> description() {
    return description;
  }

  /** The options in the order they were declared, then --help. */
  public List<Option> options() {
    List<Option> all = new ArrayList<>(options.values());
    all.add(HELP);
    return Collections.unmodifiableList(all);
  }

  public List<Param> params() {
    return Collections.unmodifiableList(params);
  }

  /**
   * Parses the arguments that follow the command's name. {@code -h} and {@code --help}
   * anywhere ask for help (and nothing else is checked); {@code --} ends the options;
   * {@code --name=value} and {@code --name value} both work; a lone {@code -} is a value
   * (standard input).
   *
   * @throws ArgsException naming the first thing that does not fit
   */
  public Parsed parse(List<String> args) throws ArgsException {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    boolean optionsEnded = false;
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      }
      if (arg.equals("-h") || arg.equals("--help")) {
        return Parsed.help();
      }
    }
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
        positional.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        optionsEnded = true;
        continue;
      }
      int eq = arg.indexOf('=');
      String optionName = eq > 0 ? arg.substring(0, eq) : arg;
      Option option = options.get(optionName);
      if (option == null) {
        throw new ArgsException("unknown option '" + optionName + "'" + hint(optionName));
      }
      String value;
      if (!option.takesValue()) {
        if (eq > 0) {
          throw new ArgsException(optionName + " takes no value");
        }
        value = "";
      } else if (eq > 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new ArgsException(optionName + " needs a value (" + option.label() + ")");
      }
      if (!option.choices().isEmpty()) {
        String chosen = value.toLowerCase(java.util.Locale.ROOT);
        if (!option.choices().contains(chosen)) {
          List<String> c = option.choices();
          throw new ArgsException(optionName + " " + value + ": expected "
              + String.join(", ", c.subList(0, c.size() - 1)) + (c.size() > 1 ? " or " : "")
              + c.get(c.size() - 1));
        }
        value = chosen;
      }
      if (values.putIfAbsent(optionName, value) != null) {
        throw new ArgsException(optionName + " is given more than once");
      }
    }
    if (positional.size() > params.size()) {
      throw new ArgsException("unexpected argument '" + positional.get(params.size()) + "'");
    }
    for (int i = positional.size(); i < params.size(); i++) {
      if (params.get(i).required()) {
        throw new ArgsException("missing " + params.get(i).label());
      }
    }
    return new Parsed(values, positional);
  }

  private String hint(String word) {
    String near = dev.kvorstream.design.Suggest.nearest(word, options.keySet());
    return near == null ? "" : "; did you mean '" + near + "'?";
  }
}
