package dev.kvorstream.site;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * ADR Markdown to an HTML fragment. Built once per run: GFM tables, heading anchors, raw
 * HTML escaped (a {@code <script>} in a design shows as text) and URLs sanitised
 * ({@code javascript:} links lose their target). The ADR's own title heading, the lines
 * under it (date, deciders, tags) and its Mermaid block are left out (the page shows them
 * its own way), the generated-file marker
 * is dropped, links to other ADRs ({@code 0007-x.md}) point at their pages, and links to the
 * index's reference sections ({@code README.md#...}) at the same sections of the heuristic page.
 * Code blocks can be reached and scrolled with the keyboard.
 */
public final class MarkdownHtml {

  /** A link from an ADR to a section of the index, and the site page that holds it. */
  private static final String INDEX_SECTION = "README.md#";
  private static final String HEURISTIC_PAGE = "heuristic.html";

  private final Parser parser;
  private final HtmlRenderer renderer;
  /** HTML of each distinct section seen in this run: most ADRs share their long sections. */
  private final ConcurrentHashMap<String, String> sections = new ConcurrentHashMap<>();

  public MarkdownHtml() {
    List<Extension> extensions = List.of(TablesExtension.create(), HeadingIds.create());
    this.parser = Parser.builder().extensions(extensions).build();
    this.renderer = HtmlRenderer.builder().extensions(extensions)
        .escapeHtml(true).sanitizeUrls(true).attributeProviderFactory(c -> MarkdownHtml::reachable)
        .build();
  }

  /**
   * Renders one ADR.
   *
   * @param markdown the ADR's text
   * @param pages the page of each ADR file name, for rewriting links between ADRs
   */
  public String render(String markdown, Map<String, String> pages) {
    String text = withoutMarker(markdown);
    int firstSection = text.indexOf("\n## ");
    if (firstSection < 0 || !text.startsWith("# ") || text.contains("\n```") && !text.contains("\n```mermaid")) {
      return renderDocument(text, pages);
    }
    // Sections (## headings) are rendered one by one and remembered: the title block goes,
    // and a section shared by many ADRs is converted once per run. Links only ever point
    // at pages of this run, so the remembered HTML stays right.
    StringBuilder html = new StringBuilder();
    int start = firstSection + 1;
    while (start < text.length()) {
      int next = text.indexOf("\n## ", start);
      String section = next < 0 ? text.substring(start) : text.substring(start, next + 1);
      html.append(sections.computeIfAbsent(section, s -> renderDocument(s, pages)));
      if (next < 0) {
        break;
      }
      start = next + 1;
    }
    return html.toString();
  }

  /**
   * A code block scrolls sideways when its lines are wider than the page: it takes the
   * keyboard focus and is a named group, so it can be scrolled without a mouse and a
   * screen reader says what it is.
   */
  private static void reachable(Node node, String tag, Map<String, String> attributes) {
    if (tag.equals("pre")) {
      String info = node instanceof FencedCodeBlock f && f.getInfo() != null ? f.getInfo().strip() : "";
      attributes.put("tabindex", "0");
      attributes.put("role", "group");
      attributes.put("aria-label", info.isEmpty() ? "Code" : "Code: " + info.split("\\s+")[0]);
    }
  }

  private String renderDocument(String markdown, Map<String, String> pages) {
    Node document = parser.parse(markdown);
    Node first = document.getFirstChild();
    if (first instanceof Heading h && h.getLevel() == 1) {
      Node next = first.getNext();
      first.unlink();
      while (next != null && !(next instanceof Heading)) {
        Node after = next.getNext();
        next.unlink();
        next = after;
      }
    }
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(FencedCodeBlock block) {
        if ("mermaid".equals(block.getInfo())) {
          block.unlink();
        }
      }

      @Override
      public void visit(Link link) {
        String destination = link.getDestination();
        String page = pages.get(destination);
        if (page != null) {
          link.setDestination(page);
        } else if (destination.startsWith(INDEX_SECTION)) {
          // the index's reference sections are the heuristic page on the site
          link.setDestination(HEURISTIC_PAGE + destination.substring(INDEX_SECTION.length() - 1));
        }
        visitChildren(link);
      }
    });
    return renderer.render(document);
  }

  /**
   * The text without the generated-file marker line at its end, and without a leading YAML
   * front matter (MADR's): the page shows status, date and deciders itself.
   */
  static String withoutMarker(String markdown) {
    String text = markdown;
    if (text.startsWith("---\n")) {
      int end = text.indexOf("\n---\n", 3);
      if (end > 0) {
        text = text.substring(end + 5);
      }
    }
    int at = text.lastIndexOf("\n<!-- kv-or-stream: generated from ");
    return at < 0 ? text : text.substring(0, at + 1);
  }
}
