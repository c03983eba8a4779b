import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import dev.errata.markdown.Markdown;
import java.nio.file.*; import java.util.*;
/**
 * Markdown of a folder of entries' bodies: our set-up ({@code Markdown.render}) against stock
 * Flexmark with the same extensions, on one thread, in rounds; then how many bodies come out
 * byte-identical and how many our own writer ({@code DirectHtml}) leaves to Flexmark's.
 * Usage, after {@code mvn -B -DskipTests package}:
 * {@code java -XX:TieredStopAtLevel=1 -cp target/errata.jar bench/MarkdownVsStock.java DIR}
 * (builds run on C1 alone, see the launcher).
 */
public class MarkdownVsStock {
  public static void main(String[] a) throws Exception {
    List<String> bodies = new ArrayList<>();
    try (var s = Files.list(Path.of(a[0]))) {
      for (Path p : s.filter(x -> x.toString().endsWith(".md")).sorted().toList()) {
        // The body: what follows the front matter's closing line.
        String t = Files.readString(p);
        bodies.add(t.substring(t.indexOf("\n---\n", 4) + 5));
      }
    }
    MutableDataSet o = new MutableDataSet();
    o.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create()));
    o.set(HtmlRenderer.ESCAPE_HTML, true);
    o.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    o.set(HtmlRenderer.RENDER_HEADER_ID, true);
    o.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
    o.set(TablesExtension.CLASS_NAME, "table");
    Parser parser = Parser.builder(o).build();
    HtmlRenderer renderer = HtmlRenderer.builder(o).build();
    Markdown md = new Markdown();
    long same = 0;
    for (int round = 0; round < 4; round++) {
      long t0 = System.nanoTime(); long chars = 0;
      for (String b : bodies) chars += renderer.render(parser.parse(b)).length();
      long t1 = System.nanoTime(); long chars2 = 0;
      for (String b : bodies) chars2 += md.render(b).html().length();
      long t2 = System.nanoTime();
      System.out.printf("round %d: stock Flexmark %.2f s (%d chars), ours %.2f s (%d chars)%n", round, (t1-t0)/1e9, chars, (t2-t1)/1e9, chars2);
    }
    for (String b : bodies) if (renderer.render(parser.parse(b)).equals(md.render(b).html())) same++;
    System.out.println(same + " of " + bodies.size() + " bodies byte-identical");
    var direct = Class.forName("dev.errata.markdown.DirectHtml").getDeclaredMethod("render",
        com.vladsch.flexmark.util.ast.Document.class, com.vladsch.flexmark.util.data.DataHolder.class);
    direct.setAccessible(true);
    int declined = 0;
    for (String b : bodies) if (direct.invoke(null, parser.parse(b), o) == null) declined++;
    System.out.println(declined + " of " + bodies.size() + " bodies left to Flexmark's writer by DirectHtml");
  }
}
