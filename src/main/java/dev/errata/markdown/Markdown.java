package dev.errata.markdown;

import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/**
 * The one configured Flexmark parser and renderer, built once and shared (both are thread-safe).
 * GitHub tables, strikethrough, autolinks and heading anchors; raw HTML in entries is escaped,
 * never passed through, so an entry cannot inject script into the site.
 */
public final class Markdown {
  private final Parser parser;
  private final HtmlRenderer renderer;

  public Markdown() {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
        AutolinkExtension.create(), AnchorLinkExtension.create()));
    options.set(HtmlRenderer.ESCAPE_HTML, true);
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
    options.set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, false);
    options.set(AnchorLinkExtension.ANCHORLINKS_TEXT_SUFFIX, "#");
    options.set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "anchor");
    options.set(TablesExtension.CLASS_NAME, "table");
    this.parser = Parser.builder(options).build();
    this.renderer = HtmlRenderer.builder(options).build();
  }

  /** Renders Markdown to an HTML fragment. */
  public String toHtml(String markdown) {
    return renderer.render(parser.parse(markdown));
  }

  /**
   * Renders a short Markdown text (a cause, a fix's detail) without the paragraph that wraps a
   * single line, so it can sit inside a list item.
   */
  public String toInlineHtml(String markdown) {
    String html = toHtml(markdown).strip();
    if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
      return html.substring(3, html.length() - 4);
    }
    return html;
  }

  /** The text a reader sees, without markup, for the search index. */
  public String toPlainText(String markdown) {
    // Walks the tree itself: Flexmark's TextCollectingVisitor trips an internal assertion on some tables.
    Document doc = parser.parse(markdown);
    StringBuilder out = new StringBuilder(markdown.length());
    for (Node node : doc.getDescendants()) {
      if (node instanceof Text || node instanceof Code) {
        out.append(node.getChars()).append(' ');
      } else if (node instanceof FencedCodeBlock f) {
        out.append(f.getContentChars()).append('\n');
      } else if (node instanceof IndentedCodeBlock c) {
        out.append(c.getContentChars()).append('\n');
      } else if (node instanceof Paragraph || node instanceof Heading) {
        out.append('\n');
      }
    }
    return out.toString();
  }
}
