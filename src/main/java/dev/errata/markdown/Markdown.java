package dev.errata.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.LineAppendable;
import java.util.List;

/**
 * The one Markdown set-up of a build, made once and shared (thread-safe): GitHub tables,
 * strikethrough, autolinks and heading ids (the page script adds the visible anchor links); raw
 * HTML in entries is escaped, never passed through, so an entry cannot inject script into the
 * site. Flexmark parses, {@link DirectHtml} writes the HTML of the common node kinds and
 * Flexmark's renderer the rest.
 */
public final class Markdown {
  private final Setup withLinks = Setup.of(true);
  private final Setup plain = Setup.of(false);
  private final Memo memo;

  /**
   * Where renderings may be kept: a rendering is a function of the text alone, so a builder that
   * keeps them between builds ({@code errata serve}) renders only the texts an edit changed.
   */
  @FunctionalInterface
  public interface Memo {
    /** A memo that keeps nothing. */
    Memo NONE = (text, render) -> render.get();

    Rendered get(String text, java.util.function.Supplier<Rendered> render);
  }

  public Markdown() {
    this(Memo.NONE);
  }

  /** @param memo consulted for every text this instance renders, bodies and inline fields alike */
  public Markdown(Memo memo) {
    this.memo = memo;
  }

  /**
   * A parser, the renderer for what {@link DirectHtml} declines, and their options. Parser and
   * renderer come from the same options: mixing them loses heading ids.
   */
  private record Setup(Parser parser, HtmlRenderer renderer, DataHolder options) {
    static Setup of(boolean autolink) {
      MutableDataSet options = Markdown.options(autolink);
      return new Setup(Markdown.parser(options), HtmlRenderer.builder(options).build(), options.toImmutable());
    }

    String html(Document doc) {
      String html = DirectHtml.render(doc, options);
      return html != null ? html : renderer.render(doc);
    }
  }

  /**
   * The parser takes the tables extension's parsing half in a form made once per parser (see
   * {@link TableParsing}). A custom inline parser makes Flexmark leave out its core
   * reference-definition step, so it is added back, after the extensions' own steps as in the
   * stock parser.
   */
  private static Parser parser(MutableDataSet options) {
    MutableDataSet parsing = new MutableDataSet(options);
    parsing.set(Parser.EXTENSIONS, Parser.EXTENSIONS.get(options).stream()
        .map(e -> e instanceof TablesExtension ? new TableParsing() : e).toList());
    return Parser.builder(parsing)
        .customInlineParserFactory(NoCopyInlineParser.FACTORY)
        .paragraphPreProcessorFactory(new ReferencePreProcessorFactory())
        .build();
  }

  private static MutableDataSet options(boolean autolink) {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, autolink
        ? List.of(TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create())
        : List.of(TablesExtension.create(), StrikethroughExtension.create()));
    options.set(HtmlRenderer.ESCAPE_HTML, true);
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
    options.set(TablesExtension.CLASS_NAME, "table");
    // Flexmark's writer otherwise inspects every character it writes to track indentation and
    // trailing spaces; our templates never indent the body, so passing text through gives the
    // same output (MarkdownTest) with less work per character.
    options.set(HtmlRenderer.FORMAT_FLAGS, LineAppendable.F_PASS_THROUGH);
    return options;
  }

  /**
   * A body rendered once: the HTML for the page, and for the search index its text and, apart,
   * its code (inline and fenced), which word search counts twice. It always has: the text once
   * taken from Flexmark's tree held each code node and the text node inside it, and the index's
   * rankings are tuned to that; counting the code once at double weight is the same, for less
   * work. An indented code block has no text node inside and stays in the text, counted once.
   */
  public record Rendered(String html, CharSequence text, CharSequence code, List<MarkdownLimits.Problem> problems) {
    /** A rendering without problems. */
    public Rendered(String html, CharSequence text, CharSequence code) {
      this(html, text, code, List.of());
    }
  }

  /** Renders Markdown to an HTML fragment. */
  public String toHtml(String markdown) {
    return render(markdown).html();
  }

  /**
   * Renders Markdown to HTML and to plain text from one parse. Links and images to addresses
   * that {@link LinkPolicy} refuses are written as text. A text beyond {@link MarkdownLimits}, or
   * nested deeper, is not rendered as a tree: it is shown as it was written, escaped, in a {@code
   * pre} block. Either way the rendering holds the problems, the same that {@link #inspect} finds,
   * so that a build finds them on the parse it needs anyway.
   */
  public Rendered render(String markdown) {
    return memo.get(markdown, () -> renderNow(markdown));
  }

  private Rendered renderNow(String markdown) {
    MarkdownLimits.Scan scan = MarkdownLimits.scan(markdown);
    if (!scan.problems().isEmpty()) {
      return asWritten(markdown, scan.problems());
    }
    return scan.risky() ? BigStack.call(() -> flexmark(markdown)) : flexmark(markdown);
  }

  /** The limits {@code markdown} exceeds, found without parsing it. */
  public List<MarkdownLimits.Problem> limits(String markdown) {
    return MarkdownLimits.scan(markdown).problems();
  }

  /**
   * The problems {@link #render} would meet in {@code markdown}: limits exceeded, nesting too
   * deep, links and images to refused addresses. Parses only a text that may hold either of the
   * last two: one where an address with a refused scheme may start ({@link Addresses#mayRefuse}),
   * or one deep enough to need a look at its tree.
   */
  public List<MarkdownLimits.Problem> inspect(String markdown) {
    MarkdownLimits.Scan scan = MarkdownLimits.scan(markdown);
    if (!scan.problems().isEmpty()) {
      return scan.problems();
    }
    if (!scan.risky() && !Addresses.mayRefuse(markdown)) {
      return List.of();
    }
    Document doc = scan.risky() ? BigStack.call(() -> parse(markdown).doc()) : parse(markdown).doc();
    return SafeTree.apply(doc).problems();
  }

  /** What Flexmark alone makes of {@code markdown}. */
  Rendered flexmark(String markdown) {
    Parsed parsed = parse(markdown);
    Setup setup = parsed.setup();
    Document doc = parsed.doc();
    SafeTree.Result safe = SafeTree.apply(doc);
    if (safe.tooDeep()) {
      return asWritten(markdown, safe.problems());
    }
    StringBuilder text = new StringBuilder(markdown.length());
    StringBuilder code = new StringBuilder();
    text(doc, text, code);
    return new Rendered(setup.html(doc), text.toString(), code.toString(), safe.problems());
  }

  /** The text as written, escaped: for what must not be parsed or rendered as a tree. */
  private static Rendered asWritten(String markdown, List<MarkdownLimits.Problem> problems) {
    StringBuilder html = new StringBuilder(markdown.length() + 16).append("<pre>");
    HtmlText.escape(html, markdown);
    return new Rendered(html.append("</pre>\n").toString(), markdown, "", problems);
  }

  /** A document and the set-up that parsed it, whose renderer writes it. */
  private record Parsed(Setup setup, Document doc) {}

  /**
   * The autolink extension scans every text node and is the costliest step of a parse. A text
   * with no "://", "www." or "@" has nothing for it to find, so it is parsed without it; so is a
   * text whose only addresses are those of links written as links ({@code [text](https://...)}),
   * the way people link: parsed without it, no text node it would scan holds one. The result is
   * the same; the rest are parsed again with it.
   */
  private Parsed parse(String markdown) {
    Document doc = plain.parser().parse(markdown);
    if (Addresses.mayLink(markdown) && Addresses.autolinkMayFind(doc)) {
      return new Parsed(withLinks, withLinks.parser().parse(markdown));
    }
    return new Parsed(plain, doc);
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

  // Walks the tree itself: Flexmark's TextCollectingVisitor trips an internal assertion on some tables.
  private static void text(Document doc, StringBuilder text, StringBuilder code) {
    for (Node node : doc.getDescendants()) {
      if (node instanceof Text && (node.getParent() instanceof Code || node.getParent() instanceof FencedCodeBlock)) {
        continue; // the code's own text, taken with the code below
      }
      if (node instanceof Text) {
        text.append(DirectHtml.string(node.getChars())).append(' ');
      } else if (node instanceof Code c) {
        code.append(DirectHtml.string(c.getText())).append(' ');
      } else if (node instanceof FencedCodeBlock f) {
        code.append(DirectHtml.string(f.getContentChars())).append('\n');
      } else if (node instanceof IndentedCodeBlock c) {
        text.append(DirectHtml.string(c.getContentChars())).append('\n');
      } else if (node instanceof Paragraph || node instanceof Heading) {
        text.append('\n');
      }
    }
  }
}
