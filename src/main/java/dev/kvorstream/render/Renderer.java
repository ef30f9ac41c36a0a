package dev.kvorstream.render;

import dev.kvorstream.design.BidiControls;
import dev.kvorstream.heuristic.Assessment;
import dev.kvorstream.heuristic.Catalogue;
import dev.kvorstream.ledger.Decision;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.ledger.Link;
import dev.kvorstream.ledger.LinkKind;
import dev.kvorstream.model.AdrStyle;
import dev.kvorstream.model.Marker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders the decision log: one ADR per design and the index, each sealed with its marker
 * line. The result maps file names to contents, in number order, index last.
 */
public final class Renderer {

  /** The index's file name in the decisions folder. */
  public static final String INDEX = "README.md";
  /** Up to this many decisions, the index shows the decision graph. */
  static final int GRAPH_IN_INDEX = 150;

  private final Templates templates;
  private final Catalogue catalogue;
  private final String adrTemplate;
  private final String style;
  private final boolean infer;
  private volatile String toolPrint;

  public Renderer(Templates templates, Catalogue catalogue) {
    this(templates, catalogue, AdrStyle.DEFAULT.word(), true);
  }

  /**
   * @param style {@code nygard} (adr-tools layout) or {@code madr} (MADR 4)
   * @param infer whether the log was assessed with inference (part of each ADR's inputs)
   */
  public Renderer(Templates templates, Catalogue catalogue, String style, boolean infer) {
    this.templates = templates;
    this.catalogue = catalogue;
    this.adrTemplate = AdrStyle.byWord(style) == AdrStyle.MADR ? "adr-madr.md.ftl" : "adr.md.ftl";
    this.style = style;
    this.infer = infer;
  }

  /** Computed on first use: {@code decide} never needs it. */
  private String toolPrint() {
    String print = toolPrint;
    if (print == null) {
      print = toolPrint(style, infer);
      toolPrint = print;
    }
    return print;
  }

  /**
   * What every ADR's text depends on besides its own design: the tool (its version, its
   * templates and data, {@link ToolPrint}), the user's templates, the settings.
   */
  private String toolPrint(String style, boolean infer) {
    StringBuilder all = new StringBuilder("tool " + ToolPrint.adrs() + "\nstyle " + style + "\ninfer " + infer + "\n");
    if (!templates.userPrint().isEmpty()) {
      // every file of the user's folder: a template may import one no list names
      all.append("user templates ").append(templates.userPrint()).append('\n');
    }
    return Marker.sha256(all.toString());
  }

  /**
   * The fingerprint of everything an ADR is rendered from: the tool's templates, data and
   * settings, the design file's bytes, and the number, title and file of each decision it
   * links to. Two renders with the same fingerprint give the same text.
   */
  public String inputs(Decision entry, DecisionLog log) {
    StringBuilder all = new StringBuilder(toolPrint()).append('\n')
        .append(entry.design().name().fileName()).append('\n')
        .append(entry.design().fileHash()).append('\n');
    for (Link link : entry.links()) {
      Decision target = log.byNumber(link.target());
      all.append(link.kind().id()).append(' ').append(link.target()).append(' ')
          .append(target == null ? "" : target.title() + " " + target.adrFileName()).append('\n');
    }
    return Marker.sha256(all.toString()).substring(0, 16);
  }

  /** The input fingerprint of each generated ADR of the log, by ADR file name. */
  public Map<String, String> inputs(DecisionLog log) {
    Map<String, String> prints = new LinkedHashMap<>();
    for (Decision e : log.entries()) {
      if (e.generated()) {
        prints.put(e.adrFileName(), inputs(e, log));
      }
    }
    return prints;
  }

  public Map<String, String> render(DecisionLog log) {
    return render(log, Set.of());
  }

  /** Every file but the ADRs named in {@code skip} (known to be up to date). */
  public Map<String, String> render(DecisionLog log, Set<String> skip) {
    List<Decision> generated = log.entries().stream()
        .filter(e -> e.generated() && !skip.contains(e.adrFileName())).toList();
    List<String> adrs = generated.parallelStream().map(e -> adr(e, log)).toList();
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < generated.size(); i++) {
      out.put(generated.get(i).adrFileName(), adrs.get(i));
    }
    out.put(INDEX, index(log));
    return out;
  }

  public String adr(Decision entry, DecisionLog log) {
    return adr(entry, log, Views.adr(entry, log, catalogue));
  }

  /** The ADR of an entry whose view is already built. */
  public String adr(Decision entry, DecisionLog log, Views.AdrView view) {
    return Marker.seal(adrBody(view), entry.design().name().fileName(), inputs(entry, log));
  }

  /** The ADR's text without its generated-file marker line, for a reader that drops it. */
  public String adrBody(Views.AdrView view) {
    return templates.render(adrTemplate, components(view));
  }

  public String index(DecisionLog log) {
    Views.IndexView view = Views.index(log);
    Map<String, Object> model = new HashMap<>();
    model.put("graph", view.rows().size() <= GRAPH_IN_INDEX ? graph(log, "mermaid") : "");
    model.put("rows", view.rows());
    model.put("verdicts", view.verdicts());
    model.put("handWritten", view.handWritten());
    model.put("cases", Views.cases(catalogue));
    model.put("shared", SharedCode.needed(log, templates));
    return Marker.seal(templates.render("index.md.ftl", model), "NNNN-*.yaml");
  }

  /** The text report of {@code decide}. */
  /** The template of decide's text report, and the library it imports. */
  public static final String DECIDE_REPORT = "decide.txt.ftl";
  public static final List<String> DECIDE_TEMPLATES = List.of(DECIDE_REPORT, "lib/words.ftl");

  public String decideText(String title, Assessment a) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", title);
    model.put("verdict", a.verdict().id());
    model.put("split", a.isSplit());
    model.put("whole", a.isSplit() ? null : plain(Views.evaluation(a.whole(), Map.of())));
    model.put("parts", a.parts().stream()
        .map(p -> plain(new Views.PartView(p.name(), "", Views.evaluation(p.evaluation(), Map.of()))))
        .toList());
    return templates.render(DECIDE_REPORT, model);
  }

  /** The decision graph: {@code mermaid} or {@code dot}. */
  public String graph(DecisionLog log, String format) {
    Map<String, Object> model = new HashMap<>();
    model.put("rows", Views.index(log).rows());
    model.put("edges", edges(log));
    return templates.render("graph." + format + ".ftl", model);
  }

  /** One link between two decisions, each pair once ({@code related} goes both ways). */
  public record Edge(int from, int to, String kind) {}

  static List<Edge> edges(DecisionLog log) {
    List<Edge> edges = new ArrayList<>();
    for (Decision e : log.entries()) {
      for (int n : e.linked(LinkKind.SUPERSEDES)) {
        edges.add(new Edge(e.number(), n, "supersedes"));
      }
      for (int n : e.linked(LinkKind.AMENDS)) {
        edges.add(new Edge(e.number(), n, "amends"));
      }
      for (int n : e.linked(LinkKind.RELATED)) {
        if (e.number() < n) {
          edges.add(new Edge(e.number(), n, "related"));
        }
      }
    }
    return edges;
  }

  /** The design file {@code new} writes. */
  public String newDesign(String title, String date, Map<String, String> answers, Map<String, String> why) {
    return newDesign(title, date, answers, why, Map.of());
  }

  /**
   * The design file {@code new} writes, with its links to earlier decisions by kind
   * ({@code supersedes}, {@code amends}, {@code related}).
   */
  public String newDesign(String title, String date, Map<String, String> answers, Map<String, String> why,
      Map<String, List<Integer>> links) {
    return newDesign(title, date, answers, why, links, Map.of());
  }

  /**
   * The same with more of the design's fields, as design.yaml.ftl names them: {@code context},
   * and for the MCP tool new_decision {@code status}, {@code tags}, {@code flow},
   * {@code caseId}. Answer words, test keys and the status must be checked before (they are
   * written as they are); every text is quoted.
   */
  public String newDesign(String title, String date, Map<String, String> answers, Map<String, String> why,
      Map<String, List<Integer>> links, Map<String, Object> more) {
    BidiControls.refuse("<title>", title);
    why.forEach((test, line) -> BidiControls.refuse("<why of " + test + ">", line));
    Map<String, Object> model = new HashMap<>();
    model.put("title", title);
    model.put("date", date);
    model.put("answers", answers);
    model.put("why", why);
    model.put("links", links);
    model.putAll(more);
    return templates.render("design.yaml.ftl", model);
  }

  /**
   * A view record as nested maps and lists: for {@code decide}, whose whole run is short,
   * this spares FreeMarker the cold start of its JavaBeans introspection of records.
   */
  static Object plain(Object value) {
    if (value instanceof Record r) {
      Map<String, Object> m = components(r);
      m.replaceAll((k, v) -> plain(v));
      m.values().removeIf(Objects::isNull);
      return m;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Renderer::plain).toList();
    }
    return value;
  }

  /** A record's components by name, in declaration order: the ADR template's top-level names. */
  private static Map<String, Object> components(Record r) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (var c : r.getClass().getRecordComponents()) {
      try {
        m.put(c.getName(), c.getAccessor().invoke(r));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return m;
  }



}
