package dev.kvorstream.site;

import dev.kvorstream.heuristic.Catalogue;
import dev.kvorstream.ledger.Decision;
import dev.kvorstream.ledger.DecisionLog;
import dev.kvorstream.ledger.LinkKind;
import dev.kvorstream.model.Design;
import dev.kvorstream.model.Marker;
import dev.kvorstream.model.Part;
import dev.kvorstream.model.Question;
import dev.kvorstream.model.RenderedFiles;
import dev.kvorstream.problem.Diagnostic;
import dev.kvorstream.render.JsonReport;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.SharedCode;
import dev.kvorstream.render.Templates;
import dev.kvorstream.render.ToolPrint;
import dev.kvorstream.render.Views;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Builds every file of the site from the decision log: a page per decision (named after
 * its ADR file), the index, the heuristic page, the stylesheet, the script and the search
 * data, in a fixed order. Pages are made one at a time when the writer asks for them, so a
 * large site is never held in memory whole.
 */
public final class SiteBuilder {

  /** A link to another decision's page. */
  public record PageLink(int number, String title, String page) {}

  /** One test at a glance. */
  public record Glance(int number, String name, String answer, String source, String vote,
      boolean decides, boolean conflicts) {}

  /** A decision as the site shows it. */
  public record Page(int number, String title, String page, String status, String verdict,
      String date, List<String> tags, List<String> deciders, boolean generated,
      List<Glance> glance, List<Views.PartView> parts, Diagram diagram, String body,
      PageLink previous, PageLink next, List<PageLink> supersededBy, List<PageLink> supersedes,
      List<PageLink> related, List<PageLink> amends, List<PageLink> amendedBy) {

    /** The same page with its ADR's HTML. */
    public Page withBody(String html) {
      return new Page(number, title, page, status, verdict, date, tags, deciders, generated, glance,
          parts, diagram, html, previous, next, supersededBy, supersedes, related, amends, amendedBy);
    }
  }

  private final Templates templates;
  private final Renderer renderer;
  private final Catalogue catalogue;
  private final MarkdownHtml markdown = new MarkdownHtml();

  public SiteBuilder(Templates templates, Renderer renderer, Catalogue catalogue) {
    this.templates = templates;
    this.renderer = renderer;
    this.catalogue = catalogue;
  }

  /** One problem of the decisions folder as a page shows it: where, what, the line and a caret. */
  public record Problem(String where, String message, String excerpt) {

    /** A diagnostic as a page shows it. */
    public static Problem of(Diagnostic d) {
      String full = d.format();
      String headline = d.headline();
      String excerpt = full.length() > headline.length() ? full.substring(headline.length() + 1) : null;
      return new Problem(d.position().label(), d.message(), excerpt);
    }
  }

  /**
   * What a live preview adds to every page: its reload script ({@value #LIVE}, then part of
   * the files) and the problems of the decisions folder, shown at the top of each page.
   * {@link #NONE} for the written site, whose pages have neither.
   */
  public record Overlay(boolean live, List<Problem> problems) {
    public static final Overlay NONE = new Overlay(false, List.of());

    public Overlay {
      problems = List.copyOf(problems);
    }
  }

  /** The site of a log, as {@code site} writes it. */
  public RenderedFiles plan(DecisionLog log, BinaryOperator<String> adrOnDisk) {
    return plan(log, adrOnDisk, Overlay.NONE);
  }

  /**
   * The site of a log.
   *
   * @param adrOnDisk given an ADR's file name and its input fingerprint, the text of the
   *     file on disk when it is intact and was rendered from those inputs (it is then what
   *     rendering would give), else null
   * @param overlay what a live preview adds, or {@link Overlay#NONE}
   */
  public RenderedFiles plan(DecisionLog log, BinaryOperator<String> adrOnDisk,
      Overlay overlay) {
    List<Decision> entries = log.entries();
    // each generated ADR's input fingerprint, computed once: a page's fingerprint and the
    // reading of its ADR both need it
    Map<String, String> adrInputs = new ConcurrentHashMap<>();
    Function<Decision, String> adrInputsOf = e -> adrInputs.computeIfAbsent(e.adrFileName(),
        f -> renderer.inputs(e, log));
    Map<String, String> pageOf = new HashMap<>();
    for (Decision e : entries) {
      pageOf.put(e.adrFileName(), page(e));
    }
    // What the index and each page show of every decision; the bodies come later, per page.
    List<Page> pages = IntStream.range(0, entries.size()).parallel().mapToObj(i -> {
      Decision e = entries.get(i);
      return page(e, log, e.generated() ? Views.adr(e, log, catalogue) : null,
          i == 0 ? null : link(entries.get(i - 1)),
          i + 1 < entries.size() ? link(entries.get(i + 1)) : null);
    }).toList();
    Map<String, Integer> byPage = new HashMap<>();
    for (int i = 0; i < pages.size(); i++) {
      byPage.put(pages.get(i).page(), i);
    }
    Map<String, Object> common = new HashMap<>();
    // the models of the pages share this map, read-only
    common.put("decisions", pages);
    common.put("verdictCounts", counts(pages, true));
    common.put("statusCounts", counts(pages, false));
    common.put("cases", Views.cases(catalogue));
    // the classes the decisions' snippets call, which their links to the index point at here
    common.put("shared", SharedCode.needed(log, templates));
    if (!overlay.equals(Overlay.NONE)) {
      common.put("live", overlay.live());
      common.put("problems", overlay.problems());
    }

    List<String> names = new ArrayList<>();
    names.add(INDEX);
    names.add(HEURISTIC);
    pages.forEach(p -> names.add(p.page()));
    names.addAll(List.of(STYLE, SCRIPT, SEARCH));
    if (overlay.live()) {
      names.add(LIVE);
    }
    // The built-in page templates show of other decisions only what a page's record holds
    // (neighbours, links); a template of the user's may show anything in the model, so with
    // one, every page also depends on all of it.
    String shared = (templates.userPrint().isEmpty() ? ""
        : Marker.sha256(common.toString()))
        + (overlay.equals(Overlay.NONE) ? "" : Marker.sha256(overlay.toString()));
    Function<String, String> inputs = name -> {
      Integer i = byPage.get(name);
      if (i == null) {
        return null;
      }
      Decision e = entries.get(i);
      String adr = e.generated() ? adrInputsOf.apply(e)
          : Marker.sha256(String.valueOf(log.folder().adrsOnDisk().get(e.adrFileName())));
      return Marker.sha256(sitePrint() + '\n' + shared + '\n' + adr + '\n' + pages.get(i))
          .substring(0, 16);
    };
    return new RenderedFiles(List.copyOf(names), name -> switch (name) {
      case INDEX -> templates.render("site/index.ftlh", common);
      case HEURISTIC -> templates.render("site/heuristic.ftlh", common);
      case STYLE -> templates.raw("site/style.css");
      case SCRIPT -> templates.raw("site/app.js");
      case SEARCH -> search(log);
      case LIVE -> templates.raw("site/live.js");
      default -> {
        int i = byPage.get(name);
        Decision e = entries.get(i);
        String md = e.generated() ? adrOnDisk.apply(e.adrFileName(), adrInputsOf.apply(e))
            : log.folder().adrsOnDisk().get(e.adrFileName());
        if (md == null && e.generated()) {
          md = renderer.adrBody(Views.adr(e, log, catalogue));
        }
        Map<String, Object> model = new HashMap<>(common);
        model.put("d", pages.get(i).withBody(markdown.render(md == null ? "" : md, pageOf)));
        yield templates.render("site/decision.ftlh", model);
      }
    }, inputs);
  }

  private volatile String sitePrint;

  /** What every decision page depends on besides its decision: the site's templates. */
  private String sitePrint() {
    String print = sitePrint;
    if (print == null) {
      StringBuilder all = new StringBuilder("tool " + ToolPrint.site() + "\n");
      if (!templates.userPrint().isEmpty()) {
        all.append("user templates ").append(templates.userPrint()).append('\n');
      }
      for (String name : List.of("site/layout.ftlh", "site/decision.ftlh")) {
        all.append(name).append('\n').append(templates.raw(name)).append('\n');
      }
      print = Marker.sha256(all.toString());
      sitePrint = print;
    }
    return print;
  }

  private static final String INDEX = "index.html";
  private static final String HEURISTIC = "heuristic.html";
  private static final String STYLE = "style.css";
  private static final String SCRIPT = "app.js";
  private static final String SEARCH = "search-index.js";
  /** The live preview's reload script; never written by {@code site}. */
  public static final String LIVE = "live.js";

  /** The search data: each page's words, as a script that sets window.KV_SEARCH. */
  private static String search(DecisionLog log) {
    List<Decision> entries = log.entries();
    StringBuilder search = new StringBuilder("window.KV_SEARCH = {\n");
    for (int i = 0; i < entries.size(); i++) {
      Decision e = entries.get(i);
      search.append("  ").append(JsonReport.str(page(e))).append(": ")
          .append(safeJs(JsonReport.str(searchText(e, log.folder().adrsOnDisk().get(e.adrFileName())))))
          .append(i + 1 < entries.size() ? ",\n" : "\n");
    }
    return search.append("};\n").toString();
  }

  /** The page of a decision: its ADR's file name with {@code .html}. */
  static String page(Decision e) {
    String file = e.adrFileName();
    return file.substring(0, file.length() - 3) + ".html";
  }

  private static PageLink link(Decision e) {
    return new PageLink(e.number(), e.title(), page(e));
  }

  private Page page(Decision e, DecisionLog log, Views.AdrView view, PageLink previous, PageLink next) {
    String verdict = e.generated() ? e.assessment().verdict().id() : "";
    List<Glance> glance = new ArrayList<>();
    List<Views.PartView> parts = List.of();
    Diagram diagram = null;
    List<String> tags = List.of();
    List<String> deciders = List.of();
    if (e.generated()) {
      Design d = e.design();
      tags = d.tags();
      deciders = d.deciders();
      if (view.whole() != null) {
        for (Views.TestView t : view.whole().tests()) {
          glance.add(new Glance(t.number(), Question.byKey(t.key()).title(), t.answer(), t.source(),
              t.vote(), t.decides(), t.conflicts()));
        }
      }
      parts = view.parts();
      if (d.flow() != null) {
        diagram = Diagram.of(d.flow().producer(), d.flow().consumers(), verdict);
      }
    }
    return new Page(e.number(), e.title(), page(e), e.status(), verdict, e.date(), tags, deciders,
        e.generated(), glance, parts, diagram, null, previous, next,
        links(e, LinkKind.SUPERSEDED_BY, log), links(e, LinkKind.SUPERSEDES, log),
        links(e, LinkKind.RELATED, log), links(e, LinkKind.AMENDS, log),
        links(e, LinkKind.AMENDED_BY, log));
  }

  private static List<PageLink> links(Decision e, LinkKind kind, DecisionLog log) {
    List<PageLink> out = new ArrayList<>();
    for (int n : e.linked(kind)) {
      Decision target = log.byNumber(n);
      if (target != null) {
        out.add(link(target));
      }
    }
    return out;
  }

  private static Map<String, Integer> counts(List<Page> pages, boolean verdicts) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String key : verdicts
        ? List.of("kv-watch", "jetstream-stream", "both", "undecided", "")
        : List.of("proposed", "accepted", "rejected", "deprecated", "superseded")) {
      counts.put(key, 0);
    }
    for (Page p : pages) {
      String key = verdicts ? p.verdict() : p.status();
      if (counts.containsKey(key)) {
        counts.merge(key, 1, Integer::sum);
      }
    }
    counts.values().removeIf(n -> n == 0);
    return counts;
  }

  /** What the search box looks in: the words people wrote, not the shared ADR text. */
  private static String searchText(Decision e, String handWrittenText) {
    StringBuilder text = new StringBuilder(e.title());
    if (e.generated()) {
      Design d = e.design();
      text.append(' ').append(d.words());
      d.tags().forEach(t -> text.append(' ').append(t));
      d.deciders().forEach(t -> text.append(' ').append(t));
      d.concern().why().values().forEach(w -> text.append(' ').append(w));
      for (Part p : d.parts()) {
        text.append(' ').append(p.name()).append(' ').append(p.context());
        p.concern().why().values().forEach(w -> text.append(' ').append(w));
      }
      text.append(' ').append(e.assessment().verdict().id());
    } else if (handWrittenText != null) {
      text.append(' ').append(handWrittenText.length() > 20_000
          ? handWrittenText.substring(0, 20_000) : handWrittenText);
    }
    return text.toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  /** A JSON string made safe inside a script: no {@code </} can close it. */
  private static String safeJs(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e");
  }
}
