package dev.kvorstream.cli;

import dev.kvorstream.heuristic.Assessment;
import dev.kvorstream.model.Answer;
import dev.kvorstream.model.Question;
import dev.kvorstream.problem.ToolException;
import dev.kvorstream.render.Renderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code new --ask}: the four questions in the terminal, one at a time. */
final class Interview {

  private static final Map<Question, String[]> TEXT = Map.of(
      Question.RESTART, new String[] {
          "Test 1, restart: if the processor restarted, should it handle again what it had already handled?",
          "yes: handling everything again is the right recovery", "no: handling it again would be wrong"},
      Question.DELIVERY, new String[] {
          "Test 2: should every interested processor react, or exactly one handle each message?",
          "all react (fan-out)", "only one handles it (queue)"},
      Question.PROCESSING, new String[] {
          "Test 3: is handling fast and idempotent, or slow with real side effects?",
          "fast and idempotent", "slow, or with side effects"},
      Question.NATURE, new String[] {
          "Test 4: is the message a fact about the world, or a request to do something?",
          "a fact (state, status, an index entry)", "a request (a task, a model call, a tool run)"});

  private Interview() {}

  /** Words a question's menu shows besides the answer words: test 1's menu says yes and no. */
  private static final Map<Question, List<String>> ALSO = Map.of(Question.RESTART, List.of("yes", "no"));

  /**
   * Asks for the context (unless {@code context} was given), then the four questions, fills
   * {@code answers} and {@code why}, and prints the verdict they give.
   *
   * @return the context typed, or null when none was asked for or typed
   * @throws ToolException exit 2 when the input ends before every question is answered
   */
  static String run(Workspace ws, Renderer renderer, String title, String context,
      Map<String, String> answers, Map<String, String> why) throws IOException {
    Session session = ws.session();
    PrintWriter out = session.out();
    BufferedReader in = new BufferedReader(new InputStreamReader(session.in(), StandardCharsets.UTF_8));
    String typed = null;
    if (context == null || context.isBlank()) {
      out.println("Context: what flows over this path, between which components, and why?");
      out.print("One line (Enter to skip; the ADR and the inferred answers come from it): ");
      out.flush();
      String line = in.readLine();
      if (line == null) {
        out.println();
        throw ToolException.usage("the input ended before the context was given; nothing written");
      }
      typed = line.isBlank() ? null : line.strip();
    }
    String words = title + (typed != null ? "\n" + typed : context != null ? "\n" + context : "");
    Map<Question, Answer> given = new EnumMap<>(Question.class);
    for (Question q : Question.values()) {
      String[] text = TEXT.get(q);
      List<Answer> choices = q.answers();
      out.println();
      out.println(text[0]);
      out.println("  1) " + choices.get(0).word() + " - " + text[1]);
      out.println("  2) " + choices.get(1).word() + " - " + text[2]);
      out.println("  3) don't know - leave it to inference");
      Answer answer = null;
      while (true) {
        out.print("> ");
        out.flush();
        String line = in.readLine();
        if (line == null) {
          out.println();
          throw ToolException.usage("the input ended before test " + (q.ordinal() + 1)
              + " was answered; nothing written");
        }
        String word = line.strip().toLowerCase(Locale.ROOT);
        List<String> also = ALSO.getOrDefault(q, List.of());
        if (word.equals("1") || word.equals(choices.get(0).word()) || !also.isEmpty() && word.equals(also.get(0))) {
          answer = choices.get(0);
        } else if (word.equals("2") || word.equals(choices.get(1).word()) || !also.isEmpty() && word.equals(also.get(1))) {
          answer = choices.get(1);
        } else if (!(word.equals("3") || word.isEmpty() || word.startsWith("don"))) {
          out.println("Type 1, 2 or 3 (or " + choices.get(0).word() + ", " + choices.get(1).word()
              + (also.isEmpty() ? "" : ", " + String.join(", ", also)) + "; Enter for don't know).");
          continue;
        }
        break;
      }
      if (answer == null) {
        continue;
      }
      given.put(q, answer);
      answers.put(q.key(), answer.word());
      out.print("Why, in one line (Enter to skip)? ");
      out.flush();
      String reason = in.readLine();
      if (reason != null && !reason.isBlank()) {
        why.put(q.key(), reason.strip());
      }
    }
    Assessment a = Assessment.of(ws.heuristic().evaluate(given, words, ws.infer(), null));
    out.println();
    out.print(renderer.decideText(title, a));
    return typed;
  }
}
