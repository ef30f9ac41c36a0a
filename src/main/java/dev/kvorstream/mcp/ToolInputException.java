package dev.kvorstream.mcp;

import java.util.List;

/**
 * A tool call the tool refuses: bad arguments, or a folder it cannot work on. Each problem is
 * one line that names the field (such as {@code answers.restart}) and what it accepts. Nothing
 * was written when this is thrown.
 */
public final class ToolInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  ToolInputException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  static ToolInputException of(String problem) {
    return new ToolInputException(List.of(problem));
  }

  /** One line per problem. */
  public List<String> problems() {
    return problems;
  }
}
