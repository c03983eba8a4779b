package dev.errata.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * Writes HTML for the Markdown an entry body usually holds (headings, paragraphs, code, tables,
 * lists, quotes, emphasis, links to plain addresses) straight into one StringBuilder. Flexmark's
 * own writer passes every character through a line-tracking appendable, costly for every body
 * rendered; this writer produces the same bytes for the node kinds it knows ({@code MarkdownTest}
 * compares it with stock Flexmark) and declines, returning null, at the first node of any other
 * kind (images, links with a title or an address that escaping or encoding could change, ...),
 * so that Flexmark renders those documents itself.
 */
final class DirectHtml {
  private final DataHolder options;
  private final ListOptions listOptions;
  private final StringBuilder out = new StringBuilder(8192);
  private HeaderIdGenerator ids;

  private DirectHtml(DataHolder options) {
    this.options = options;
    this.listOptions = ListOptions.get(options);
  }

  /** The document as HTML, or null when it holds a node kind this writer leaves to Flexmark. */
  static String render(Document doc, DataHolder options) {
    DirectHtml w = new DirectHtml(options);
    try {
      w.children(doc);
    } catch (Declined e) {
      return null;
    }
    return w.out.toString();
  }

  private void children(Node node) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
      node(n);
    }
  }

  private void node(Node n) {
    if (n instanceof Text) {
      text(Escaping.normalizeEOL(unescape(n.getChars())));
    } else if (n instanceof Paragraph p) {
      paragraph(p);
    } else if (n instanceof Code c) {
      out.append("<code>");
      text(Escaping.collapseWhitespace(string(c.getText()), true));
      out.append("</code>");
    } else if (n instanceof SoftLineBreak) {
      out.append('\n');
    } else if (n instanceof HardLineBreak) {
      out.append("<br />\n");
    } else if (n instanceof Emphasis) {
      inline("em", n);
    } else if (n instanceof StrongEmphasis) {
      inline("strong", n);
    } else if (n instanceof Strikethrough) {
      inline("del", n);
    } else if (n instanceof Heading h) {
      heading(h);
    } else if (n instanceof FencedCodeBlock f && HtmlText.plainLanguage(f.getInfo())) {
      codeBlock(f.getInfo().isBlank() ? "" : f.getInfo().toString(), Escaping.normalizeEOL(f.getContentChars()));
    } else if (n instanceof IndentedCodeBlock c) {
      codeBlock("", c.getContentChars().trimTailBlankLines().normalizeEndWithEOL());
    } else if (n instanceof ThematicBreak) {
      line();
      out.append("<hr />");
      line();
    } else if (n instanceof BlockQuote) {
      block("blockquote", "", n);
    } else if (n instanceof BulletList) {
      block("ul", "", n);
    } else if (n instanceof OrderedList o && o.getStartNumber() == 1) {
      block("ol", "", n);
    } else if (n instanceof ListItem li && li.getMarkerSuffix().isEmpty()) {
      lineTag("li", n);
    } else if (n instanceof HtmlEntity) {
      text(n.getChars().unescape());
    } else if (n instanceof HtmlBlock b && !b.hasChildren()) {
      // Raw HTML is escaped, never passed through: shown as a paragraph of text.
      String html = Escaping.normalizeEOL(string(b.getContentChars()));
      line();
      out.append("<p>");
      text(html.endsWith("\n") ? html.substring(0, html.length() - 1) : html);
      out.append("</p>");
      line();
    } else if (n instanceof HtmlInline) {
      text(n.getChars().normalizeEOL());
    } else if (n instanceof TableBlock) {
      block("table", " class=\"table\"", n);
    } else if (n instanceof TableHead) {
      lineTag("thead", n);
    } else if (n instanceof TableBody) {
      lineTag("tbody", n);
    } else if (n instanceof TableRow) {
      lineTag("tr", n);
    } else if (n instanceof TableCell cell) {
      cell(cell);
    } else if (n instanceof Link link && link.getTitle().isNull() && plainUrl(link.getUrl())) {
      // SafeTree has already turned links to refused addresses into their text.
      out.append("<a href=\"").append(link.getUrl()).append("\">");
      children(n);
      out.append("</a>");
    } else if (n instanceof AutoLink link && plainUrl(link.getText()) && startsWithScheme(link.getText())) {
      out.append("<a href=\"").append(link.getText()).append("\">").append(link.getText()).append("</a>");
    } else if (n instanceof TextBase) {
      children(n);
    } else if (!(n instanceof Reference || n instanceof TableSeparator)) {
      // Reference definitions and the table's separator row render nothing; anything else
      // (links, images, numbered lists not starting at 1, ...) is left to Flexmark.
      throw Declined.INSTANCE;
    }
  }

  /**
   * An address Flexmark writes as it is: ASCII letters, digits and the punctuation of URLs that
   * neither HTML escaping ({@code & < > "}), Markdown's backslash escapes nor a space could
   * change. The addresses people link to nearly always are; the rest go to Flexmark.
   */
  static boolean plainUrl(CharSequence url) {
    if (url.length() == 0) {
      return false;
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~:/?#@!$'()*+,;=%".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** An autolink's text that is its own address: the "www." ones get a scheme added, which is left to Flexmark. */
  private static boolean startsWithScheme(CharSequence text) {
    String s = text.toString();
    return s.startsWith("http://") || s.startsWith("https://");
  }

  private void codeBlock(String language, CharSequence content) {
    line();
    out.append("<pre><code");
    if (!language.isEmpty()) {
      out.append(" class=\"language-");
      text(language);
      out.append('"');
    }
    out.append('>');
    text(content);
    out.append("</code></pre>");
    line();
  }

  private void paragraph(Paragraph p) {
    if (p.getFirstChildAnyNot(NonRenderingInline.class) == null) {
      return;
    }
    if (p.getParent() instanceof ParagraphItemContainer c && c.isParagraphWrappingDisabled(p, listOptions, options)) {
      children(p);
    } else {
      lineTag("p", p);
    }
  }

  private void heading(Heading h) {
    if (ids == null) {
      ids = new HeaderIdGenerator(options);
      ids.generateIds(h.getDocument());
    }
    String id = ids.getId(h);
    line();
    out.append("<h").append(h.getLevel());
    if (id != null && !id.isEmpty()) {
      out.append(" id=\"");
      text(id);
      out.append('"');
    }
    out.append('>');
    children(h);
    out.append("</h").append(h.getLevel()).append('>');
    line();
  }

  private void cell(TableCell cell) {
    if (cell.getSpan() > 1) {
      // A cell that spans columns ("a ||"): Flexmark writes a colspan, which this writer leaves to it.
      throw Declined.INSTANCE;
    }
    String tag = cell.isHeader() ? "th" : "td";
    out.append('<').append(tag);
    if (cell.getAlignment() != null) {
      out.append(" align=\"").append(cell.getAlignment().name().toLowerCase(java.util.Locale.ROOT)).append('"');
    }
    out.append('>');
    children(cell);
    out.append("</").append(tag).append('>');
  }

  private void inline(String tag, Node n) {
    out.append('<').append(tag).append('>');
    children(n);
    out.append("</").append(tag).append('>');
  }

  /** A tag on lines of its own around children that start on new lines. */
  private void block(String tag, String attributes, Node n) {
    line();
    out.append('<').append(tag).append(attributes).append('>');
    line();
    children(n);
    line();
    out.append("</").append(tag).append('>');
    line();
  }

  /** A tag that starts a line and ends it, its children inline. */
  private void lineTag(String tag, Node n) {
    line();
    inline(tag, n);
    line();
  }

  private void line() {
    HtmlText.endLine(out);
  }

  private void text(CharSequence s) {
    HtmlText.escape(out, s.toString());
  }

  /** Backslash escapes and entities resolved; most text has neither and is taken as it is. */
  private static String unescape(BasedSequence chars) {
    String s = string(chars);
    return s.indexOf('\\') < 0 && s.indexOf('&') < 0 ? s : Escaping.unescapeString(s);
  }

  /**
   * The characters as a String. A plain slice of the parsed text is cut from it in one copy;
   * Flexmark's own toString appends them one by one.
   */
  static String string(BasedSequence chars) {
    if (chars instanceof SubSequence && chars.getBase() instanceof String base) {
      return base.substring(chars.getStartOffset(), chars.getEndOffset());
    }
    return chars.toString();
  }
}
