package dev.kvorstream.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.kvorstream.heuristic.Heuristic;
import dev.kvorstream.log.Assessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * What the templates escape comes back as the same text: escaped Markdown parsed with
 * commonmark (the library the site uses) gives the original text, not markup; the JSON
 * the tool writes parses with a JSON library to the original values.
 */
class EscapesTest {

  static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  static final Parser MARKDOWN = Parser.builder().extensions(EXTENSIONS).build();

  /** Text with every character Markdown or HTML gives a meaning to, letters, spaces and line ends. */
  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings()
        .withChars("\\`*_[]<>|#!~$&\"'(){}+-.:;=?@^%/ \n")
        .withChars("abcXYZ019")
        .withChars("éß€")
        .ofMinLength(1).ofMaxLength(40);
  }

  /** The text of a node as a reader sees it: its text and code, line breaks as spaces, no markup. */
  static String plain(Node node) {
    StringBuilder out = new StringBuilder();
    node.accept(new AbstractVisitor() {
      @Override
      public void visit(Text text) {
        out.append(text.getLiteral());
      }

      @Override
      public void visit(Code code) {
        out.append("`").append(code.getLiteral()).append("`");
      }

      @Override
      public void visit(SoftLineBreak b) {
        out.append(' ');
      }

      @Override
      public void visit(HardLineBreak b) {
        out.append(' ');
      }
    });
    return out.toString();
  }

  /** The one paragraph of a document, or fail. */
  static Node only(Node document, Class<? extends Node> type) {
    Node first = document.getFirstChild();
    assertThat(first).isInstanceOf(type);
    assertThat(first.getNext()).isNull();
    return first;
  }

  static String flat(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ");
  }

  @Property(tries = 400)
  void inlineTextParsesBackToItself(@ForAll("text") String text) {
    String markdown = "Before " + Escapes.inline(text) + " after";
    Node paragraph = only(MARKDOWN.parse(markdown), Paragraph.class);
    // only text: no emphasis, link, code, HTML or entity came out of the user's characters
    for (Node n = paragraph.getFirstChild(); n != null; n = n.getNext()) {
      assertThat(n).as(markdown).isInstanceOf(Text.class);
    }
    assertThat(plain(paragraph)).as(markdown).isEqualTo("Before " + flat(text) + " after");
  }

  @Property(tries = 400)
  void aTableCellHoldsTheTextAndStaysOneCell(@ForAll("text") String text) {
    String markdown = "| a | b |\n| --- | --- |\n| x " + Escapes.cell(text) + " y | z |\n";
    Node document = MARKDOWN.parse(markdown);
    List<String> cells = new ArrayList<>();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(CustomNode node) {
        if (node instanceof TableCell cell) {
          cells.add(plain(cell));
        } else {
          visitChildren(node);
        }
      }
    });
    assertThat(cells).as(markdown).containsExactly("a", "b", "x " + flat(text) + " y", "z");
  }

  @Property(tries = 400)
  void aCodeSpanHoldsTheTextExactly(@ForAll("text") String text) {
    String flat = flat(text);
    String markdown = "See " + Escapes.code(text) + " here";
    Node paragraph = only(MARKDOWN.parse(markdown), Paragraph.class);
    Node code = paragraph.getFirstChild().getNext();
    assertThat(code).as(markdown).isInstanceOf(Code.class);
    // commonmark drops one space at each end of a span that has one at both (and is not all spaces)
    String expected = flat.length() > 1 && flat.startsWith(" ") && flat.endsWith(" ") && !flat.isBlank()
        ? flat.substring(1, flat.length() - 1) : flat;
    assertThat(((Code) code).getLiteral()).as(markdown).isEqualTo(expected);
  }

  @Property(tries = 300)
  void aJsonStringParsesBackToItself(@ForAll String any) {
    JsonElement parsed = JsonParser.parseString(JsonReport.str(any));
    assertThat(parsed.getAsString()).isEqualTo(any);
  }

  @Property(tries = 200)
  void jsonOfNestedValuesParsesToTheSameValues(@ForAll("text") String a, @ForAll String b) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put(a, List.of(b, 3, true));
    value.put("nested", Map.of("k", b));
    value.put("none", null);
    JsonElement parsed = JsonParser.parseString(Json.write(value));
    assertThat(parsed.getAsJsonObject().get(a).getAsJsonArray().get(0).getAsString()).isEqualTo(b);
    assertThat(parsed.getAsJsonObject().get(a).getAsJsonArray().get(1).getAsInt()).isEqualTo(3);
    assertThat(parsed.getAsJsonObject().getAsJsonObject("nested").get("k").getAsString()).isEqualTo(b);
    assertThat(parsed.getAsJsonObject().get("none").isJsonNull()).isTrue();
  }

  @Example
  void decidesJsonReportParsesWithTheTitleAsGiven() {
    String title = "Quotes \" backslash \\ tab \t line\nand \u2028 separator </script>";
    String json = JsonReport.of(title, new Assessor(Heuristic.standard(), true).assessText(title));
    assertThat(JsonParser.parseString(json).getAsJsonObject().get("title").getAsString()).isEqualTo(title);
  }
}
