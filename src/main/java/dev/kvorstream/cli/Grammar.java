package dev.kvorstream.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * The parts of the command line's grammar, built in code with picocli's programmatic model
 * (no annotations, no reflection on our classes): commands, flags, valued options, choices
 * and positional parameters. Help is wrapped at 80 columns; options are listed in the order
 * they are declared.
 */
final class Grammar {

  static final int WIDTH = 80;

  private Grammar() {}

  /** A command with its description, one line per element (the first is its summary). */
  static CommandSpec command(String name, String... description) {
    CommandSpec spec = CommandSpec.create().name(name);
    spec.usageMessage().description(description).width(WIDTH).autoWidth(false).sortOptions(false)
        .abbreviateSynopsis(true);
    return spec;
  }

  /** -h, --help: every command has it, listed last. */
  static OptionSpec help() {
    return OptionSpec.builder("-h", "--help").usageHelp(true).description("Print this help and exit.").build();
  }

  /** An option without a value: present or not. */
  static OptionSpec flag(String name, String help) {
    return OptionSpec.builder(name).arity("0").type(boolean.class).initialValue(false).description(help).build();
  }

  /** An option with one value of the given type, shown as {@code name LABEL}. */
  static OptionSpec value(String name, String label, Class<?> type, String help) {
    return OptionSpec.builder(name).paramLabel(label).arity("1").type(type).description(help).build();
  }

  /** An option that may be given more than once, each with a whole number. */
  static OptionSpec numbers(String name, String label, String help) {
    return OptionSpec.builder(name).paramLabel(label).arity("1").type(List.class).auxiliaryTypes(Integer.class)
        .initialValue(null).description(help).build();
  }

  /** An option whose value is one of the choices, with a default when it is not given. */
  static OptionSpec choice(String name, String label, String help, Choice<?> choice, String fallback) {
    OptionSpec.Builder b = OptionSpec.builder(name).paramLabel(label).arity("1").type(choice.type())
        .converters(choice).completionCandidates(choice.words()).description(help);
    return (fallback == null ? b : b.defaultValue(fallback)).build();
  }

  /** The index-th positional parameter; an optional one may be left out. */
  static PositionalParamSpec param(int index, String label, Class<?> type, boolean required, String help) {
    return PositionalParamSpec.builder().index(String.valueOf(index)).arity(required ? "1" : "0..1")
        .paramLabel(label).type(type).description(help).build();
  }

  /** A positional parameter whose value is one of the choices. */
  static PositionalParamSpec param(int index, String label, Choice<?> choice, String help) {
    return PositionalParamSpec.builder().index(String.valueOf(index)).arity("1").paramLabel(label)
        .type(choice.type()).converters(choice).completionCandidates(choice.words()).description(help).build();
  }

  /**
   * A closed set of words for an option or parameter, each standing for one value: converts
   * a word (case does not matter) to its value once, at parse time, and offers the words to
   * shell completion.
   */
  record Choice<T>(Class<T> type, List<String> words, List<T> values) implements ITypeConverter<T> {

    Choice {
      words = List.copyOf(words);
      values = List.copyOf(values);
      if (words.size() != values.size()) {
        throw new IllegalArgumentException("one value per word");
      }
    }

    /** Words that stand for themselves. */
    static Choice<String> of(String... words) {
      return new Choice<>(String.class, List.of(words), List.of(words));
    }

    @Override
    public T convert(String value) {
      int i = words.indexOf(value.toLowerCase(Locale.ROOT));
      if (i < 0) {
        throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", words));
      }
      return values.get(i);
    }
  }
}
