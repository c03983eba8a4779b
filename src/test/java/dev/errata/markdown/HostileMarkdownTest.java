package dev.errata.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.testing.Hostile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile Markdown: every link form with every address of {@code hostile/links.txt} renders
 * without a live link or image to it, and is reported on its line; texts past the limits, or
 * nested deeper than them, are reported without being parsed and render on a small stack in
 * bounded time.
 */
class HostileMarkdownTest {
  static final Markdown MARKDOWN = new Markdown();

  static List<String> payloads() {
    return Hostile.links();
  }

  /** Links and images (mail links aside) in what stock Flexmark, with the autolink extension, makes of {@code doc}. */
  static int linksInStockFlexmark(String doc) {
    com.vladsch.flexmark.util.data.MutableDataSet options = new com.vladsch.flexmark.util.data.MutableDataSet();
    options.set(com.vladsch.flexmark.parser.Parser.EXTENSIONS, List.of(com.vladsch.flexmark.ext.autolink.AutolinkExtension.create()));
    com.vladsch.flexmark.util.ast.Document d = com.vladsch.flexmark.parser.Parser.builder(options).build().parse(doc);
    int n = 0;
    for (com.vladsch.flexmark.util.ast.Node node : d.getDescendants()) {
      if ((node instanceof com.vladsch.flexmark.ast.LinkNodeBase && !(node instanceof com.vladsch.flexmark.ast.MailLink))
          || (node instanceof com.vladsch.flexmark.ast.RefNode ref && ref.getReferenceNode(d) != null)) {
        n++;
      }
    }
    return n;
  }

  /** As a browser reads an address: trimmed of controls and spaces, tabs and line ends taken out. */
  static String schemeAsABrowserSees(String url) {
    String s = url.replaceAll("^[\\u0000-\\u0020]+|[\\u0000-\\u0020]+$", "").replaceAll("[\\t\\n\\r]", "");
    Matcher m = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):").matcher(s);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
  }

  static void assertNoRefusedAddress(String html, String context) {
    Document doc = Jsoup.parseBodyFragment(html);
    for (Element e : doc.select("[href], [src], [action], [formaction], [srcset], [data]")) {
      for (String attr : List.of("href", "src", "action", "formaction", "data")) {
        if (e.hasAttr(attr)) {
          String scheme = schemeAsABrowserSees(e.attr(attr));
          assertTrue(List.of("", "http", "https", "mailto").contains(scheme), context + ": " + e.outerHtml());
        }
      }
    }
    assertTrue(doc.select("script, iframe, object, embed, svg, [onload], [onclick], [onerror], [onmouseover]").isEmpty(),
        context + ": " + html);
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void aRefusedAddressIsRenderedAsTextAndReportedOnItsLine(String payload) {
    String doc = Hostile.everyForm(payload, 1);
    Markdown.Rendered r = MARKDOWN.render(doc);
    assertNoRefusedAddress(r.html(), payload);
    String text = Jsoup.parseBodyFragment(r.html()).text();
    assertTrue(text.contains("inline1") && text.contains("reference1"), "the link text stays, as text: " + text);
    List<MarkdownLimits.Problem> found = MARKDOWN.inspect(doc);
    assertEquals(found, r.problems(), "a build finds on rendering what check finds");
    // Some forms are no link for CommonMark at all (a space or '<' inside <...>): nothing to report.
    assertEquals(linksInStockFlexmark(doc), found.size(), payload + ": " + found);
    if (!found.isEmpty()) {
      assertEquals(3, found.get(0).line(), "on the line of the link");
    }
    assertTrue(found.stream().noneMatch(MarkdownLimits.Problem::error), "a warning: the page is safe and shows the text");
  }

  /**
   * Each form alone, without the reference definition that makes every form above get parsed:
   * a check that judges a text without parsing it finds what a build's rendering finds.
   */
  @ParameterizedTest
  @MethodSource("payloads")
  void eachFormAloneIsFoundAsARenderingFindsIt(String payload) {
    String bare = payload.startsWith("<") ? payload.substring(1, payload.length() - 1) : payload;
    for (String doc : List.of("Before [inline](" + payload + ") after.\n", "![image](" + payload + ")\n",
        "A line\n\n<" + bare + ">\n", "Text " + bare + " more\n", "Text " + bare.replace(":", "://") + " more\n",
        "[ok](https://example.com/a) then [x](  " + payload + ")\n")) {
      assertEquals(MARKDOWN.render(doc).problems(), MARKDOWN.inspect(doc), doc);
    }
  }

  /** Random texts of allowed and refused addresses in every form, escapes and entities among them. */
  @net.jqwik.api.Property(tries = 3000)
  void aCheckFindsWhatARenderingFinds(@net.jqwik.api.ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    List<String> hostile = Hostile.links();
    String[] parts = {
      "[a](https://x.io/p)", "[a](../e/)", "[a](#h)", "![i](img.png)", "<https://x.io>", "https://x.io/a", "www.x.io",
      "a@b.io", "`javascript:alert(1)`", "```\njavascript://x\n```\n", "javascript://x", "xhttps://y", "3https://y",
      "https&#58;//x", "javascript&#58;//x", "javascript:&#47;&#47;x", "javascript\\://x", "javascript:\\/\\/x", "&amp;",
      "[a](", ")", "](", "<", ">", ":", "//", "\n", "\n\n", " ", "text", "[r]", "[r]: ", "\\", "&", "#", "MAILTO:", "HTTPS://x", "[m](x.md)", "[m](x.MD#h)", "[m](<y.md>)", ".md", "[m](z.md \"t\")", "www.x.io:", "WWW.a-b.c:d", "www.x.io/a:b",
    };
    StringBuilder doc = new StringBuilder();
    int n = 1 + random.nextInt(10);
    for (int i = 0; i < n; i++) {
      if (random.nextInt(4) == 0) {
        String payload = hostile.get(random.nextInt(hostile.size()));
        doc.append(random.nextBoolean() ? payload : payload.replace(":", "://"));
      } else {
        doc.append(parts[random.nextInt(parts.length)]);
      }
    }
    String text = doc.toString();
    assertEquals(MARKDOWN.render(text).problems(), MARKDOWN.inspect(text), text);
  }

  @Test
  void allowedAddressesStayLinksAndCannotBreakOutOfTheirAttribute() {
    String doc = String.join("\n\n", "[a](https://example.com/?q=\"onmouseover=\"alert(1))", "[b](<other.html\" onclick=\"alert(1)>)",
        "[c](#\"><script>alert(1)</script>)", "[d](mailto:kb@example.com?subject=<script>)", "<https://example.com/\"><img>",
        "[e](//example.com/x \"title\\\" onclick=\\\"alert(1)\")", "www.example.com/<script>", "kb@example.com");
    Markdown.Rendered r = MARKDOWN.render(doc);
    assertNoRefusedAddress(r.html(), "allowed");
    // Flexmark takes no space inside <...>, so b stays text; the other seven are links.
    assertEquals(7, Jsoup.parseBodyFragment(r.html()).select("a[href]").size(), r.html());
    assertTrue(MARKDOWN.inspect(doc).isEmpty());
  }

  /** Cases that overflowed the stack or took superlinear time, with the size at which they did. */
  static List<Object[]> pathological() {
    List<Object[]> out = new ArrayList<>();
    out.add(new Object[] {"quotes on a line", (Supplier<String>) () -> ">".repeat(20_000) + " x"});
    out.add(new Object[] {"list markers on a line", (Supplier<String>) () -> "* ".repeat(20_000) + "x"});
    out.add(new Object[] {"stars on a line", (Supplier<String>) () -> "*".repeat(20_000)});
    out.add(new Object[] {"a list 3,000 levels deep", (Supplier<String>) () -> {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 3_000; i++) {
        b.append("  ".repeat(i)).append("- x\n");
      }
      return b.toString();
    }});
    out.add(new Object[] {"quotes, line by line", (Supplier<String>) () -> {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 3_000; i++) {
        b.append(">".repeat(i)).append(" x\n");
      }
      return b.toString();
    }});
    out.add(new Object[] {"nested strong emphasis", (Supplier<String>) () -> "*".repeat(2_000) + "a" + "*".repeat(2_000)});
    out.add(new Object[] {"nested emphasis, word by word", (Supplier<String>) () -> "*a ".repeat(1_300) + "b" + " c*".repeat(1_300)});
    out.add(new Object[] {"nested strikethrough", (Supplier<String>) () -> "~~a ".repeat(1_000) + "b" + " c~~".repeat(1_000)});
    out.add(new Object[] {"nested images", (Supplier<String>) () -> "![".repeat(600) + "a" + "](u)".repeat(600)});
    out.add(new Object[] {"underscores", (Supplier<String>) () -> "_".repeat(1_900) + "a" + "_".repeat(1_900)});
    out.add(new Object[] {"www. on a line", (Supplier<String>) () -> "www.".repeat(16_000)});
    out.add(new Object[] {"a paragraph of unclosed links", (Supplier<String>) () -> ("[a](b".repeat(800) + "\n").repeat(100)});
    out.add(new Object[] {"reference definitions", (Supplier<String>) () -> "[a]: /u\n".repeat(16_000) + "[a] ".repeat(16_000)});
    out.add(new Object[] {"a table of 16,000 rows", (Supplier<String>) () -> "|a|b|\n|-|-|\n" + "|x|y|\n".repeat(16_000)});
    return out;
  }

  /** Runs {@code task} on a thread with a stack smaller than any JVM's default. */
  // Bounds are on the CPU time of the thread that renders: wall time on a loaded machine (other
  // builds, other test forks) measured the load, not the renderer.
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
  private static volatile long lastCpuMs;

  static <T> T onSmallStack(Supplier<T> task) throws InterruptedException {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      long cpu = THREADS.getCurrentThreadCpuTime();
      try {
        result.set(task.get());
      } catch (Throwable e) {
        failure.set(e);
      } finally {
        lastCpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000;
      }
    }, "small-stack", 512 * 1024);
    t.start();
    t.join();
    if (failure.get() != null) {
      throw new AssertionError("failed on a 512 KB stack", failure.get());
    }
    return result.get();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pathological")
  void pathologicalInputIsReportedAndRendersQuicklyOnASmallStack(String name, Supplier<String> input) throws InterruptedException {
    String text = input.get();
    List<MarkdownLimits.Problem> problems = onSmallStack(() -> MARKDOWN.inspect(text));
    long ms = lastCpuMs;
    Markdown.Rendered r = onSmallStack(() -> MARKDOWN.render(text));
    ms += lastCpuMs;
    assertFalse(problems.isEmpty(), name + " is reported");
    assertTrue(problems.stream().allMatch(MarkdownLimits.Problem::error), problems.toString());
    assertEquals(problems, r.problems());
    assertTrue(r.html().startsWith("<pre>"), "shown as written, not as a tree");
    assertTrue(ms < 5_000, name + " took " + ms + " ms");
  }

  /** The same cases cut to what the limits allow: they render as Markdown, on a small stack, in bounded time. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pathological")
  void withinTheLimitsEveryCaseRendersInBoundedTime(String name, Supplier<String> input) throws InterruptedException {
    String whole = withinLimits(input.get());
    // An entry file is at most 256 KiB (ContentLoader).
    String text = whole.length() > 256 * 1024 ? whole.substring(0, whole.lastIndexOf('\n', 256 * 1024) + 1) : whole;
    assertTrue(MarkdownLimits.scan(text).problems().isEmpty(), name + ": " + MarkdownLimits.scan(text).problems());
    Markdown.Rendered r = onSmallStack(() -> MARKDOWN.render(text));
    long ms = lastCpuMs;
    // About a second of CPU for the slowest case: the bound catches a hang or a quadratic case, not a slowdown.
    assertTrue(ms < 10_000, name + " took " + ms + " ms for " + text.length() + " characters");
    assertTrue(r.problems().stream().allMatch(p -> p.message().contains("nested")), r.problems().toString());
  }

  /**
   * A text cut to the limits: lines to {@link MarkdownLimits#MAX_LINE_CHARS}, paragraphs to
   * {@link MarkdownLimits#MAX_PARAGRAPH_CHARS}, quotes and list markers to the nesting limit, and
   * the lines that nest by indentation dropped.
   */
  static String withinLimits(String text) {
    StringBuilder out = new StringBuilder();
    int paragraph = 0;
    for (String line : text.split("\n", -1)) {
      String l = line.length() > MarkdownLimits.MAX_LINE_CHARS ? line.substring(0, MarkdownLimits.MAX_LINE_CHARS) : line;
      if (l.startsWith(">".repeat(MarkdownLimits.MAX_NESTING)) || l.startsWith("* ".repeat(MarkdownLimits.MAX_NESTING))
          || l.startsWith(" ".repeat(2 * MarkdownLimits.MAX_NESTING - 2))) {
        continue;
      }
      paragraph = l.isBlank() ? 0 : paragraph + l.length() + 1;
      if (paragraph > MarkdownLimits.MAX_PARAGRAPH_CHARS) {
        out.append('\n');
        paragraph = l.length() + 1;
      }
      out.append(l).append('\n');
    }
    return out.toString();
  }

  @Test
  void buildTimeIsLinearInTheNumberOfWorstParagraphs() throws InterruptedException {
    // The slowest kind of paragraph within the limits found: unclosed links on long lines.
    String worst = ("[a](b".repeat(800) + "\n").repeat(4) + "\n";
    MARKDOWN.render(worst.repeat(4)); // warm up
    long small = timed(worst.repeat(4));
    long large = timed(worst.repeat(16));
    assertTrue(large < 4 * small * 3 + 200, "16 paragraphs took " + large + " ms, 4 took " + small + " ms");
  }

  private static long timed(String text) throws InterruptedException {
    onSmallStack(() -> MARKDOWN.render(text));
    return lastCpuMs;
  }
}
