package dev.kvorstream.bench;

import dev.kvorstream.design.DesignLoader;
import dev.kvorstream.heuristic.Evaluation;
import dev.kvorstream.heuristic.Heuristic;
import dev.kvorstream.ledger.Assessor;
import dev.kvorstream.ledger.Decision;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.ledger.Folder;
import dev.kvorstream.model.Design;
import dev.kvorstream.model.DesignName;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * In-process costs of the steps, warmed up: loading a design, the engine with and without
 * inference, and rendering one ADR. Run by src/test/bench/bench.sh (JMH 1.37).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {

  Heuristic heuristic;
  DesignLoader loader;
  byte[] designBytes;
  Design design;
  String description;
  Renderer renderer;
  DecisionLog log;
  Decision entry;

  @Setup
  public void setUp() throws Exception {
    heuristic = Heuristic.standard();
    loader = new DesignLoader(heuristic.catalogue().ids());
    Path file = Path.of("decisions/0006-tool-execution-requests.yaml");
    designBytes = Files.readAllBytes(file);
    design = loader.load("d.yaml", DesignName.parse(file.getFileName().toString()), designBytes);
    description = "Charge the customer's card exactly once when an order is confirmed, by one of the payment workers";
    renderer = new Renderer(Templates.builtIn(), heuristic.catalogue());
    log = DecisionLog.build(Folder.read(Path.of("decisions"), "decisions", loader), new Assessor(heuristic, true));
    entry = log.byNumber(6);
  }

  @Benchmark
  public Design loadDesign() {
    return loader.load("d.yaml", design.name(), designBytes);
  }

  @Benchmark
  public Evaluation evaluateGivenAnswers() {
    return heuristic.evaluate(design.concern().answers(), design.words(), false, null);
  }

  @Benchmark
  public Evaluation evaluateWithInference() {
    return heuristic.evaluate(Map.of(), description, true, null);
  }

  @Benchmark
  public String renderAdr() {
    return renderer.adr(entry, log);
  }
}
