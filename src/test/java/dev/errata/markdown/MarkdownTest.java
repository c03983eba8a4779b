package dev.errata.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.errata.content.ContentLoader;
import dev.errata.model.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Our Markdown set-up takes three shortcuts for speed (an inline parser that does not copy the
 * paragraph on each match, a writer in pass-through mode, and its own HTML writer for the common
 * node kinds). They must not change a byte: every body here renders exactly as stock Flexmark
 * with the same extensions renders it.
 */
class MarkdownTest {
  private static final Markdown MARKDOWN = new Markdown();

  /**
   * A relative link to a Markdown file (a writer linking another entry's source) leads nowhere on
   * the site: a warning on its line, from a check that parses only what may hold one as from a
   * build's rendering; the link stays. Pages, anchors and absolute addresses are left alone.
   */
  @Test
  void aLinkToAMarkdownFileIsAWarningOnItsLine() {
    for (String link : List.of("other-entry.md", "other-entry.MD#fix", "../docs/x.md?v=1", "<other-entry.md>")) {
      String doc = "First line.\n\nSee [the other](" + link + ") for more.\n";
      List<MarkdownLimits.Problem> found = MARKDOWN.inspect(doc);
      assertEquals(MARKDOWN.render(doc).problems(), found, doc);
      assertEquals(1, found.size(), doc + found);
      assertEquals(3, found.get(0).line());
      assertFalse(found.get(0).error());
      assertTrue(found.get(0).message().contains("leads nowhere on the site"), found.toString());
      assertTrue(MARKDOWN.render(doc).html().contains("href="), "the link stays a link");
    }
    for (String link : List.of("other-entry.html", "https://github.com/x/y/blob/main/README.md", "#fix", "x.mdx", "notes.md.html",
        "mailto:a@b.md")) {
      String doc = "See [it](" + link + ").\n";
      assertEquals(List.of(), MARKDOWN.inspect(doc), doc);
      assertEquals(List.of(), MARKDOWN.render(doc).problems(), doc);
    }
  }

  @Test
  void rendersExactlyAsStockFlexmark() throws IOException {
    List<String> texts = new ArrayList<>();
    texts.add(Files.readString(Path.of("src/test/resources/markdown/constructs.md")));
    texts.add(Files.readString(Path.of("src/test/resources/markdown/blocks.md")));
    for (String dir : List.of("content", "src/test/resources/fixture/content")) {
      new ContentLoader().load(Path.of(dir)).knowledgeBase().entries().stream().map(e -> e.body().text()).forEach(texts::add);
    }
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      for (Path p : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        texts.add(Files.readString(p));
      }
    }
    texts.add(Files.readString(Path.of("README.md")));
    assertTrue(texts.size() > 50, "the shipped content is there to compare");
    for (String text : texts) {
      assertEquals(stock(text), MARKDOWN.toHtml(text), () -> "differs for:\n" + text.substring(0, Math.min(200, text.length())));
    }
  }

  @Test
  void writesCommonBodiesDirectlyAndLeavesImagesToFlexmark() throws IOException {
    String blocks = Files.readString(Path.of("src/test/resources/markdown/blocks.md"));
    assertEquals(stock(blocks), direct(blocks), "the direct writer handles headings, code, tables, lists and quotes");
    String constructs = Files.readString(Path.of("src/test/resources/markdown/constructs.md"));
    assertEquals(null, direct(constructs), "images and titled links go to Flexmark");
  }

  /**
   * Links to the addresses people write are written directly, as Flexmark writes them; those
   * whose address or title escaping could change are left to Flexmark, which renders them too.
   */
  @Test
  void linksToPlainAddressesAreWrittenDirectlyAsStock() {
    List<String> direct = List.of(
        "See [the issue](https://github.com/triton-inference-server/server/issues/7391) first.",
        "[**bold** and `code`](https://x.io/a_(b)?q=1#frag)", "[rel](../other-entry/)", "[a](#anchor)",
        "[a](https://x.io/%20y), [b](mailto:someone@example.com)", "<https://example.org/p?q=1>",
        "see https://x.io/a/b.html for it", "a list:\n\n- [one](https://a.io)\n- [two](https://b.io)");
    for (String md : direct) {
      assertTrue(direct(md) != null, () -> "written directly: " + md);
      assertEquals(stock(md), direct(md), () -> "as stock: " + md);
      assertEquals(stock(md), MARKDOWN.toHtml(md), () -> "as stock through our set-up: " + md);
    }
    List<String> declined = List.of(
        "[a](https://x.io/?a=1&b=2)", "[a](https://x.io \"title\")", "[a](<x y>)", "[a](x\\)y)", "[a](https://x.io/\u00fc)",
        "[a]()", "www.example.net", "![img](x.png)");
    for (String md : declined) {
      assertEquals(null, direct(md), () -> "left to Flexmark: " + md);
      assertEquals(stock(md), MARKDOWN.toHtml(md), () -> "as stock through our set-up: " + md);
    }
  }

  private static String direct(String markdown) {
    MutableDataSet o = options();
    return DirectHtml.render(Parser.builder(o).build().parse(markdown), o);
  }

  @Test
  void aCellSpanningColumnsRendersAsStock() {
    // "c ||" spans two columns: Flexmark writes colspan="2", which the direct writer once dropped.
    String table = "| a | b |\n| --- | --- |\n| c ||\n";
    assertEquals(stock(table), MARKDOWN.toHtml(table));
    assertTrue(MARKDOWN.toHtml(table).contains("colspan=\"2\""));
  }

  @Test
  void escapesRawHtmlAndKeepsText() {
    Markdown.Rendered r = MARKDOWN.render("Hello <script>alert(1)</script> `x<y`\n\n```\nz\n```\n");
    assertFalse(r.html().contains("<script>"), r.html());
    assertTrue(r.html().contains("&lt;script&gt;"), r.html());
    String code = r.code().toString();
    assertTrue(code.contains("x<y") && code.contains("z"), code);
  }

  /**
   * Documents put together from common lines and rarer ones (lists, emphasis, links, raw HTML):
   * our set-up renders each as stock Flexmark does.
   */
  @Property(tries = 2000)
  void randomDocumentsRenderAsFlexmarkRendersThem(@ForAll long seed) {
    String[] common = {
      "", "", "  ", "## Fix", "# Cause of it", "### Cause of it", "Plain words here.", "More words, and `code <x> & y`",
      "a line with mistral_7b_int8 and a__b", "`` double ` tick ``", "`open", "close`", "```", "```text", "````",
      "   ```", "| a | `b` |", "| --- | --- |", "| c | d e |", "2024 was", "1.5 GB", "tab\there",
      "a & b && c", "x < 2 > 1", "[x] and [y]", "(paren) \"quote\" 'apos'", "Ünïcödé wörds ünd ß", "内存分配失败",
      "| a | `b` |\n| --- | --- |\n| c | d e |\n| `f` g | h_i |", "```text\nx <y>\n\n\tz\n```", "```\n``\n ```",
      "Words `code` words.", "Words `code` words.", "Text again, with a number 12 and a version 2.4.1.",
      "See `https://x.io/a` and `a@b.io`", "```text\nget https://a.b/c, mail a@b.io, www.x.org\n```",
      "| `www.x.org` | `c@d.io` |", "a \"snake_case_\" b", "'_C' from", "x_ y", "2 * 3", "_lead word", "!bang",
      "`` lit", "tail_", "**", "a*b", "| a_ | *b |", "calls <init> and </init>", "a<init>b <br/> <a-b1>.",
    };
    String[] rarer = {
      "~~~", "| :-- | --- |", "|  | x |", "- item", "1. item", "> quote", "    indented", "\ttab first",
      "*em* and **strong**", "_under_ score", "__init__", "&amp; entity", "<b>tag</b>", "[y](z)", "trailing  ",
      "trailing ", "Setext", "===", "---", "***", "\\escape", "~~del~~", "text # not heading", "#nospace",
      "## closing ##", "| a | b", "|", "``", "```x y", "see https://x.io/a", "mail a@b.io", "www.x.org here",
      "`code` then http://x.y/z", "| http://x.y | z |", "x_ü", "ü*x", "![img](x)", "___", "* item", "_ x",
      "<init> first", "# H <init>", "| <x> | y |", "a <a href=\"x\"> b", "a <init > b", "a <i_n> b",
      "[t](https://x.io/a_(b)?c=1)", "[*t*](../e/)", "[t](https://x.io/?a=1&b=2)", "[t](x \"ti\")", "<https://x.io/p>",
      " https://x.io/a.", "(see https://x.io/a)", "[t](https://x.io/%2F)", "[t](#h)", "[t]()", "[`c`](https://x.io)",
      " a&#64;b.io", " https\\://x.io/e", " WWW.X.ORG", " x &amp; https://y.io", " a\\@b.io", "[a](https://x.io) b@c.io",
    };
    Random random = new Random(seed);
    StringBuilder doc = new StringBuilder();
    int n = 1 + random.nextInt(14);
    for (int i = 0; i < n; i++) {
      String[] pool = random.nextInt(4) == 0 ? rarer : common;
      doc.append(pool[random.nextInt(pool.length)]).append(random.nextInt(8) == 0 ? "" : "\n");
    }
    assertAsStock(doc.toString());
  }

  /**
   * Short paragraphs of stars, underscores, quotes, punctuation and backticks, where the
   * flanking rules decide between literal text and emphasis: rendered as stock Flexmark does.
   */
  @Property(tries = 3000)
  void delimitersRenderAsFlexmarkRendersThem(@ForAll long seed) {
    String alphabet = "aab1 _*_*'\".,()-`\n:!#|\u00fc\u00a0";
    Random random = new Random(seed);
    StringBuilder doc = new StringBuilder(random.nextBoolean() ? "W" : "");
    int n = 1 + random.nextInt(24);
    for (int i = 0; i < n; i++) {
      doc.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    assertAsStock(doc.toString());
  }

  private static void assertAsStock(String markdown) {
    assertEquals(stock(markdown), MARKDOWN.render(markdown).html(), () -> "HTML differs for:\n" + markdown);
  }

  private static String stock(String markdown) {
    MutableDataSet o = options();
    return HtmlRenderer.builder(o).build().render(Parser.builder(o).build().parse(markdown));
  }

  private static MutableDataSet options() {
    MutableDataSet o = new MutableDataSet();
    o.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create()));
    o.set(HtmlRenderer.ESCAPE_HTML, true);
    o.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    o.set(HtmlRenderer.RENDER_HEADER_ID, true);
    o.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
    o.set(TablesExtension.CLASS_NAME, "table");
    return o;
  }
}
