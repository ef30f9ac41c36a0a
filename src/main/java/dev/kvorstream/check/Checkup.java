package dev.kvorstream.check;

import dev.kvorstream.design.DesignLoader;
import dev.kvorstream.ledger.Decision;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.nats.Specs;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.Unfinished;
import dev.kvorstream.write.Drift;
import dev.kvorstream.write.Publisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code check} finds in a decision log, in its words: the problems (designs, numbering,
 * links, drift of the generated files) and the warnings, each as it is printed. The command
 * line's {@code check} and the MCP tool {@code check} both report this.
 */
public record Checkup(List<String> problems, List<String> warnings, int decisions) {

  public Checkup {
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  public static Checkup of(DecisionLog log, Renderer renderer, DesignLoader loader) {
    List<String> problems = new ArrayList<>();
    for (Diagnostic d : log.blocking()) {
      problems.add(d.format());
    }
    for (Diagnostic d : log.advisories()) {
      problems.add(d.format());
    }
    if (log.blocking().isEmpty()) {
      Publisher publisher = new Publisher(log.folder().dir());
      Map<String, String> files = renderer.render(log, publisher.upToDate(renderer.inputs(log)));
      for (Publisher.Change c : publisher.check(files, log.folder().orphans())) {
        problems.add(log.folder().displayPath(c.file()) + ": error: " + Drift.describe(c.action()));
      }
    }
    List<String> warnings = new ArrayList<>();
    for (Decision e : log.entries()) {
      if (e.generated()) {
        warnings.addAll(Specs.warningLines(e.design(), e.specs()));
      }
    }
    warnings.addAll(Unfinished.warnings(log, renderer, loader));
    return new Checkup(problems, warnings, log.entries().size());
  }

  /** The closing line: the count of problems, or that there are none. */
  public String summary() {
    return problems.isEmpty() ? "check: " + decisions + " decisions, no problems"
        : "check: " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + decisions
            + " decisions";
  }
}
