package dev.kvorstream.render;

import freemarker.template.Configuration;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import java.util.List;
import java.util.Locale;

/**
 * The escaping helpers templates call on user text. FreeMarker has no Markdown output
 * format, so Markdown templates are plain text and escape here, in one place:
 * {@code cell(x)} for a table cell, {@code inline(x)} for text inside a sentence or a link,
 * {@code mermaid(x)} for a Mermaid label, {@code phrase(x)} to use a title mid-sentence,
 * {@code code(x)} for a name in backticks, {@code yaml(x)} for a double-quoted YAML string.
 */
public final class Escapes {

  private Escapes() {}

  static void install(Configuration cfg) {
    cfg.setSharedVariable("cell", (TemplateMethodModelEx) args -> new SimpleScalar(cell(arg(args))));
    cfg.setSharedVariable("inline", (TemplateMethodModelEx) args -> new SimpleScalar(inline(arg(args))));
    cfg.setSharedVariable("mermaid", (TemplateMethodModelEx) args -> new SimpleScalar(mermaid(arg(args))));
    cfg.setSharedVariable("phrase", (TemplateMethodModelEx) args -> new SimpleScalar(phrase(arg(args))));
    cfg.setSharedVariable("code", (TemplateMethodModelEx) args -> new SimpleScalar(code(arg(args))));
    cfg.setSharedVariable("yaml", (TemplateMethodModelEx) args -> new SimpleScalar(yaml(arg(args))));
  }

  private static String arg(List<?> args) throws TemplateModelException {
    if (args.size() != 1) {
      throw new TemplateModelException("expects one argument");
    }
    Object a = args.get(0);
    return a == null ? "" : a.toString();
  }

  /** Text inside a sentence: Markdown and HTML specials are escaped, lines joined. */
  public static String inline(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    String flat = text.replaceAll("\\s*\\R\\s*", " ");
    for (int i = 0; i < flat.length(); i++) {
      char c = flat.charAt(i);
      switch (c) {
        case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '!', '~', '$' -> out.append('\\').append(c);
        case '&' -> out.append("&amp;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A table cell: like {@link #inline}, so a {@code |} cannot end the cell. */
  public static String cell(String text) {
    return inline(text);
  }

  /**
   * A name in backticks: a code span long enough for any backticks inside, on one line. For
   * use outside tables (inside a code span a backslash shows, so nothing else is escaped).
   */
  public static String code(String text) {
    String flat = text.replaceAll("\\s*\\R\\s*", " ");
    int longest = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = flat.startsWith("`") || flat.endsWith("`");
    return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
  }

  /** A Mermaid node or edge label, to be put in double quotes. */
  public static String mermaid(String text) {
    StringBuilder out = new StringBuilder();
    String flat = text.replaceAll("\\s*\\R\\s*", " ");
    for (int i = 0; i < flat.length(); i++) {
      char c = flat.charAt(i);
      switch (c) {
        case '"' -> out.append("#quot;");
        case '<' -> out.append("#lt;");
        case '>' -> out.append("#gt;");
        case '&' -> out.append("#amp;");
        case '#' -> out.append("#35;");
        case '|' -> out.append("#124;");
        case '`' -> out.append("#96;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A title used mid-sentence: the first letter lowercased unless the first word looks like
   * a name or an acronym ("LLM calls" stays, "Tool execution" becomes "tool execution").
   */
  public static String phrase(String title) {
    if (title.length() < 2) {
      return inline(title);
    }
    String first = title.split("\\s+")[0];
    boolean plain = first.length() > 1 && first.substring(1).equals(first.substring(1).toLowerCase(Locale.ROOT));
    String text = plain ? title.substring(0, 1).toLowerCase(Locale.ROOT) + title.substring(1) : title;
    return inline(text);
  }

  /** A double-quoted YAML string holding {@code text} exactly. */
  public static String yaml(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
