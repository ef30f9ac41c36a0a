package dev.kvorstream.site;

import dev.kvorstream.design.Design;
import dev.kvorstream.design.Part;
import dev.kvorstream.heuristic.Catalogue;
import dev.kvorstream.log.DecisionLog;
import dev.kvorstream.log.Entry;
import dev.kvorstream.log.LinkKind;
import dev.kvorstream.render.JsonReport;
import dev.kvorstream.render.Renderer;
import dev.kvorstream.render.Templates;
import dev.kvorstream.render.Views;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds every file of the site from the decision log: a page per decision (named after
 * its ADR file), the index, the heuristic page, the stylesheet, the script and the search
 * data. Output maps file names to contents, in a fixed order.
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
      List<PageLink> related, List<PageLink> amends, List<PageLink> amendedBy) {}

  private static final Map<String, String> TEST_NAMES = Map.of(
      "restart", "Restart", "delivery", "Fan-out or queue", "processing", "Processing",
      "nature", "Nature");

  private final Templates templates;
  private final Renderer renderer;
  private final Catalogue catalogue;
  private final MarkdownHtml markdown = new MarkdownHtml();

  public SiteBuilder(Templates templates, Renderer renderer, Catalogue catalogue) {
    this.templates = templates;
    this.renderer = renderer;
    this.catalogue = catalogue;
  }

  public Map<String, String> build(DecisionLog log) {
    return build(log, Map.of());
  }

  /**
   * The site, given the ADR texts already known to be what rendering would give (by ADR
   * file name: intact files on disk rendered from the same inputs); the others are rendered.
   */
  public Map<String, String> build(DecisionLog log, Map<String, String> ready) {
    List<Entry> entries = log.entries();
    Map<String, String> pageOf = new HashMap<>();
    for (Entry e : entries) {
      pageOf.put(e.adrFileName(), page(e));
    }
    // Pages are independent: build them on every core, then keep number order.
    List<Page> pages = java.util.stream.IntStream.range(0, entries.size()).parallel().mapToObj(i -> {
      Entry e = entries.get(i);
      Views.AdrView view = e.generated() ? Views.adr(e, log, catalogue) : null;
      String md = !e.generated() ? log.folder().adrsOnDisk().get(e.adrFileName())
          : ready.containsKey(e.adrFileName()) ? ready.get(e.adrFileName()) : renderer.adrBody(view);
      String body = markdown.render(md == null ? "" : md, pageOf);
      return page(e, log, view, body, i == 0 ? null : link(entries.get(i - 1)),
          i + 1 < entries.size() ? link(entries.get(i + 1)) : null);
    }).toList();
    StringBuilder search = new StringBuilder("window.KV_SEARCH = {\n");
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      search.append("  ").append(JsonReport.str(page(e))).append(": ")
          .append(safeJs(JsonReport.str(searchText(e, log.folder().adrsOnDisk().get(e.adrFileName())))))
          .append(i + 1 < entries.size() ? ",\n" : "\n");
    }
    search.append("};\n");

    Map<String, String> out = new LinkedHashMap<>();
    Map<String, Object> common = new HashMap<>();
    // the models of the pages share this map, read-only
    common.put("decisions", pages);
    common.put("verdictCounts", counts(pages, true));
    common.put("statusCounts", counts(pages, false));
    common.put("cases", Views.cases(catalogue));
    out.put("index.html", templates.render("site/index.ftlh", common));
    out.put("heuristic.html", templates.render("site/heuristic.ftlh", common));
    List<String> html = pages.parallelStream().map(p -> {
      Map<String, Object> model = new HashMap<>(common);
      model.put("d", p);
      return templates.render("site/decision.ftlh", model);
    }).toList();
    for (int i = 0; i < pages.size(); i++) {
      out.put(pages.get(i).page(), html.get(i));
    }
    out.put("style.css", templates.raw("site/style.css"));
    out.put("app.js", templates.raw("site/app.js"));
    out.put("search-index.js", search.toString());
    return out;
  }

  /** The page of a decision: its ADR's file name with {@code .html}. */
  static String page(Entry e) {
    String file = e.adrFileName();
    return file.substring(0, file.length() - 3) + ".html";
  }

  private static PageLink link(Entry e) {
    return new PageLink(e.number(), e.title(), page(e));
  }

  private Page page(Entry e, DecisionLog log, Views.AdrView view, String body, PageLink previous,
      PageLink next) {
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
          glance.add(new Glance(t.number(), TEST_NAMES.get(t.key()), t.answer(), t.source(),
              t.vote(), t.decides(), t.conflicts()));
        }
      }
      parts = view.parts();
      if (d.flow() != null) {
        diagram = Diagram.of(d.flow().producer(), d.flow().consumers(), verdict);
      }
    }
    return new Page(e.number(), e.title(), page(e), e.status(), verdict, e.date(), tags, deciders,
        e.generated(), glance, parts, diagram, body, previous, next,
        links(e, LinkKind.SUPERSEDED_BY, log), links(e, LinkKind.SUPERSEDES, log),
        links(e, LinkKind.RELATED, log), links(e, LinkKind.AMENDS, log),
        links(e, LinkKind.AMENDED_BY, log));
  }

  private static List<PageLink> links(Entry e, LinkKind kind, DecisionLog log) {
    List<PageLink> out = new ArrayList<>();
    for (int n : e.linked(kind)) {
      Entry target = log.byNumber(n);
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
  private static String searchText(Entry e, String handWrittenText) {
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
