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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Our Markdown set-up takes three shortcuts for speed (an inline parser that does not copy the
 * paragraph on each match, a writer in pass-through mode, and its own HTML writer for the common
 * node kinds). They must not change a byte: every
 * body here renders exactly as stock Flexmark with the same extensions renders it.
 */
class MarkdownTest {
  private static final Markdown MARKDOWN = new Markdown();

  @Test
  void rendersExactlyAsStockFlexmark() throws IOException {
    List<String> texts = new ArrayList<>();
    texts.add(Files.readString(Path.of("src/test/resources/markdown/constructs.md")));
    texts.add(Files.readString(Path.of("src/test/resources/markdown/blocks.md")));
    for (String dir : List.of("content", "src/test/resources/fixture/content")) {
      new ContentLoader().load(Path.of(dir)).knowledgeBase().entries().stream().map(Entry::body).forEach(texts::add);
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
  void writesCommonBodiesDirectlyAndLeavesLinksToFlexmark() throws IOException {
    String blocks = Files.readString(Path.of("src/test/resources/markdown/blocks.md"));
    MutableDataSet o = options();
    String direct = DirectHtml.render(Parser.builder(o).build().parse(blocks), o);
    assertEquals(stock(blocks), direct, "the direct writer handles headings, code, tables, lists and quotes");
    String links = Files.readString(Path.of("src/test/resources/markdown/constructs.md"));
    assertEquals(null, DirectHtml.render(Parser.builder(o).build().parse(links), o), "links go to Flexmark");
  }

  @Test
  void escapesRawHtmlAndKeepsText() {
    Markdown.Rendered r = MARKDOWN.render("Hello <script>alert(1)</script> `x<y`\n\n```\nz\n```\n");
    assertFalse(r.html().contains("<script>"), r.html());
    assertTrue(r.html().contains("&lt;script&gt;"), r.html());
    assertTrue(r.text().contains("x<y") && r.text().contains("z"), r.text());
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
