package dev.kvorstream.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a generated ADR as a reviewer would and lists the sentences that contradict another
 * part of it, or promise more than the NATS server guarantees. An empty list means none.
 */
final class AdrSentences {

  private AdrSentences() {}

  private static final String NO_CASE = "No common case resembles";
  private static final Pattern NEAREST_SENTENCE = Pattern.compile(
      "Nearest case: \\*\\*([^*]+)\\*\\*[^\\n]*?(This decision agrees|\\*\\*This decision differs\\*\\*|"
          + "the case is a hint only)");
  private static final Pattern NEAREST_MARK = Pattern.compile(
      "\\*\\*([^*]+)\\*\\* \\((?:nearest to [^,)]+|nearest), (agrees|\\*\\*differs\\*\\*)\\)");

  /**
   * Promises no server keeps: a durable consumer redelivers what was not acknowledged, so
   * nothing is "never" handled twice or done "exactly once" by the consumer alone; and
   * advice the NATS facts contradict (deliver policy new for queued work; history deciding
   * what a default watch replays).
   */
  private static final List<Pattern> OVERCLAIMS = List.of(
      Pattern.compile("(?i)never handle[sd]? (?:one|a message|it) twice"),
      Pattern.compile("(?i)(?:handled|processed|done|delivered|run) exactly once"),
      Pattern.compile("(?i)must be done once"),
      Pattern.compile("(?i)deliver policy `new` is the usual"),
      Pattern.compile("(?i)with history 1, a watcher"),
      Pattern.compile("(?i)always (?:delivered|handled|processed)"),
      Pattern.compile("(?i)per-key TTL \\(server 2\\.9"));

  static List<String> problems(String adr) {
    List<String> problems = new ArrayList<>();
    List<String> sentenceCases = new ArrayList<>();
    Matcher sentence = NEAREST_SENTENCE.matcher(adr);
    while (sentence.find()) {
      sentenceCases.add(sentence.group(1) + (sentence.group(2).contains("differs") ? " differs"
          : sentence.group(2).contains("hint") ? " hint" : " agrees"));
    }
    List<String> tableCases = new ArrayList<>();
    Matcher mark = NEAREST_MARK.matcher(adr);
    while (mark.find()) {
      tableCases.add(mark.group(1) + (mark.group(2).contains("differs") ? " differs" : " agrees"));
    }
    boolean saysNone = adr.contains(NO_CASE);
    if (saysNone && !tableCases.isEmpty()) {
      problems.add("says no common case resembles it, but the table marks " + tableCases);
    }
    for (String s : sentenceCases) {
      String name = s.substring(0, s.lastIndexOf(' '));
      boolean marked = tableCases.stream().anyMatch(t -> t.startsWith(name + " "));
      if (!marked) {
        problems.add("names the nearest case " + name + " but the table does not mark it");
      } else if (!s.endsWith(" hint") && !tableCases.contains(s)) {
        problems.add("the sentence and the table disagree on " + s);
      }
    }
    for (String t : tableCases) {
      String name = t.substring(0, t.lastIndexOf(' '));
      if (sentenceCases.stream().noneMatch(s -> s.startsWith(name + " "))) {
        problems.add("the table marks " + name + " as nearest but no sentence names it");
      }
    }
    if (adr.contains("Conflict, explained by the case") && adr.contains("Split the design into")) {
      problems.add("a conflict the case explains is also told to split");
    }
    if (adr.contains("and durable consumers `") && adr.contains("hands it to one handler")
        && !adr.contains("parts:")) {
      problems.add("says one handler takes each message above a stream with a durable per subscriber");
    }
    for (Pattern p : OVERCLAIMS) {
      Matcher m = p.matcher(adr);
      if (m.find()) {
        problems.add("overclaims: \"" + m.group() + "\"");
      }
    }
    return problems;
  }
}
