package dev.kvorstream.args;

import java.util.List;
import java.util.Map;

/** One command line, parsed: the options given, the positional values, or a call for help. */
public final class Parsed {

  private final Map<String, String> values;
  private final List<String> positional;
  private final boolean help;

  Parsed(Map<String, String> values, List<String> positional) {
    this.values = Map.copyOf(values);
    this.positional = List.copyOf(positional);
    this.help = false;
  }

  private Parsed() {
    this.values = Map.of();
    this.positional = List.of();
    this.help = true;
  }

  static Parsed help() {
    return new Parsed();
  }

  /** Whether the line asked for help. */
  public boolean wantsHelp() {
    return help;
  }

  /** Whether an option was given. */
  public boolean has(String option) {
    return values.containsKey(option);
  }

  /** An option's value, or null when it was not given. */
  public String value(String option) {
    return values.get(option);
  }

  /** An option's value, or the fallback when it was not given. */
  public String value(String option, String fallback) {
    return values.getOrDefault(option, fallback);
  }

  /**
   * An option's value as a whole number, or null when it was not given.
   *
   * @throws ArgsException when it is not a whole number
   */
  public Integer number(String option) throws ArgsException {
    return values.containsKey(option) ? number(option, values.get(option)) : null;
  }

  /** The i-th positional value (from 0), or null when there are fewer. */
  public String param(int i) {
    return i < positional.size() ? positional.get(i) : null;
  }

  /**
   * The i-th positional value as a whole number.
   *
   * @throws ArgsException when it is missing or not a whole number
   */
  public int numberParam(int i, String label) throws ArgsException {
    String v = param(i);
    if (v == null) {
      throw new ArgsException("missing " + label);
    }
    return number(label, v);
  }

  private static int number(String what, String v) throws ArgsException {
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new ArgsException(what + ": '" + v + "' is not a whole number");
    }
  }
}
