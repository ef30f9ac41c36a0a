package dev.kvorstream.site;

import java.util.Locale;
import org.commonmark.Extension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Heading ids for the site's pages, as commonmark's heading-anchor extension makes them
 * ({@link IdGenerator}: lowercase, dashes, a number after a repeated id), but lowercased in
 * the root locale: the extension lowercases in the JVM's locale, which under Turkish turns
 * {@code Implementation} into {@code ımplementation}. Text already in lowercase stays as it
 * is whatever the locale, so the ids no longer depend on it.
 */
final class HeadingIds implements HtmlRenderer.HtmlRendererExtension {

  private HeadingIds() {}

  static Extension create() {
    return new HeadingIds();
  }

  @Override
  public void extend(HtmlRenderer.Builder builder) {
    builder.attributeProviderFactory(context -> {
      IdGenerator ids = IdGenerator.builder().build();
      return (AttributeProvider) (node, tagName, attributes) -> {
        if (node instanceof Heading) {
          StringBuilder text = new StringBuilder();
          node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
              text.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
              text.append(c.getLiteral());
            }
          });
          attributes.put("id", ids.generateId(text.toString().trim().toLowerCase(Locale.ROOT)));
        }
      };
    });
  }
}
