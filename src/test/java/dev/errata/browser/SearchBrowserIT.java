package dev.errata.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.content.ContentLoader;
import dev.errata.eval.Burial;
import dev.errata.eval.Evaluation;
import dev.errata.eval.TritonLog;
import dev.errata.model.KnowledgeBase;
import dev.errata.serve.PreviewServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site's search in a real browser (Debian's chromium, headless) against a real build of the
 * shipped content, served on a free loopback port, and opened from disk. Skipped only when no
 * browser is installed and CI is not set; in CI it always runs. A failing test leaves a
 * screenshot in target/screenshots.
 */
class SearchBrowserIT {
  static final String FOUNDING = "python-backend-numpy2-empty-output-tensors";

  static Path site;
  static PreviewServer server;
  static ChromeDriver driver;

  @RegisterExtension
  final TestWatcher screenshots = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (driver == null) {
        return;
      }
      try {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(context.getDisplayName().replaceAll("[^A-Za-z0-9]", "_") + ".png"),
            ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      } catch (IOException | RuntimeException e) {
        System.err.println("no screenshot: " + e);
      }
    }
  };

  @BeforeAll
  static void start() throws IOException {
    Path tmp = Files.createTempDirectory("errata-browser");
    driver = Chromium.start(tmp);
    site = tmp.resolve("site");
    server = Chromium.buildAndServe(Path.of("content"), site);
  }

  @AfterAll
  static void stop() {
    Chromium.stop(driver, server);
  }

  @BeforeEach
  void freshPage() {
    driver.manage().logs().get(LogType.PERFORMANCE);
  }

  private static WebDriverWait await() {
    return new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  private static List<WebElement> results() {
    return driver.findElements(By.cssSelector("#results > li.result"));
  }

  private static void awaitFirst(String id) {
    await().until(d -> !results().isEmpty() && id.equals(results().get(0).getAttribute("data-entry-id")));
  }

  private static void paste(WebElement box, String text) {
    // Like a paste: the whole text arrives at once, then one input event.
    ((JavascriptExecutor) driver).executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", box, text);
  }

  @Test
  void aTypedWordQueryFindsEntriesAsYouType() {
    driver.get(server.url() + "search.html");
    WebElement box = driver.findElement(By.id("q"));
    box.sendKeys("numpy ensemble");
    awaitFirst(FOUNDING);
    assertTrue(driver.getCurrentUrl().contains("q=numpy"), "the address carries the query: " + driver.getCurrentUrl());
    List<WebElement> filters = driver.findElements(By.cssSelector("#filters button"));
    assertFalse(filters.isEmpty(), "filters with counts");
    // A filter's count is the number of results it leaves (counted one way, filtered another).
    WebElement smallest = filters.stream()
        .min(java.util.Comparator.comparingInt(SearchBrowserIT::count)).orElseThrow();
    int expected = count(smallest);
    assertTrue(expected <= 10, "a filter small enough that all its results are shown: " + smallest.getText());
    smallest.click();
    await().until(d -> results().size() == expected);
    // The status filters come from one digit per entry, the others from lists: each count holds.
    driver.get(server.url() + "search.html?q=numpy+ensemble");
    awaitFirst(FOUNDING);
    List<WebElement> statuses = driver.findElements(By.cssSelector("#filters button[data-filter^='status:']"));
    assertFalse(statuses.isEmpty(), "status filters");
    WebElement rarest = statuses.stream().min(java.util.Comparator.comparingInt(SearchBrowserIT::count)).orElseThrow();
    int rare = count(rarest);
    assertTrue(rare <= 10, "a status filter small enough that all its results are shown: " + rarest.getText());
    rarest.click();
    await().until(d -> results().size() == rare);
  }

  /** The number in a filter button's label, "python-backend (3)". */
  private static int count(WebElement filter) {
    String t = filter.getText();
    return Integer.parseInt(t.substring(t.lastIndexOf('(') + 1, t.lastIndexOf(')')));
  }

  @Test
  void aPastedLogFindsTheEntryWithTheMatchedLineHighlighted() throws IOException {
    driver.get(server.url() + "search.html");
    String log = Files.readString(Path.of("src/test/resources/eval/holdout/python-backend-numpy2-empty-output-tensors/1.txt"));
    paste(driver.findElement(By.id("q")), log);
    awaitFirst(FOUNDING);
    WebElement first = results().get(0);
    assertTrue(List.of("exact", "likely").contains(first.getAttribute("data-confidence")), first.getAttribute("data-confidence"));
    List<WebElement> marks = first.findElements(By.cssSelector(".matched-line mark"));
    assertFalse(marks.isEmpty(), "matched words are highlighted");
    assertTrue(first.getText().contains("pip install"), "the first fix's commands are shown");
  }

  @Test
  void aDeepLinkOpensWithItsResults() {
    driver.get(server.url() + "search.html?q=" + URLEncoder.encode("Stub process is unhealthy and it will be restarted", StandardCharsets.UTF_8));
    awaitFirst("python-backend-stub-not-healthy");
    assertEquals("Stub process is unhealthy and it will be restarted", driver.findElement(By.id("q")).getAttribute("value"));
  }

  @Test
  void theKeyboardPathSlashArrowsAndEnter() {
    driver.get(server.url() + "index.html");
    // Seen once in CI-like runs: get() returned before the new document had a body.
    await().until(d -> !d.findElements(By.tagName("body")).isEmpty());
    driver.findElement(By.tagName("body")).sendKeys("/");
    assertEquals("site-q", driver.switchTo().activeElement().getAttribute("id"), "/ focuses the search box");
    driver.switchTo().activeElement().sendKeys("decoupled", Keys.ENTER);
    await().until(d -> d.getCurrentUrl().contains("search.html"));
    await().until(d -> !results().isEmpty());
    String id = results().get(0).getAttribute("data-entry-id");
    driver.findElement(By.id("q")).sendKeys(Keys.ARROW_DOWN);
    assertEquals("true", results().get(0).getAttribute("aria-selected"));
    driver.findElement(By.id("q")).sendKeys(Keys.ENTER);
    await().until(d -> d.getCurrentUrl().endsWith("entries/" + id + ".html"));
  }

  @Test
  void aPastedScriptIsShownAsTextAndNeverRuns() {
    driver.get(server.url() + "search.html");
    String evil = "<img src=x onerror=\"window.__xss=1\"> failed to load 'm' version 1: <script>window.__xss=2</script>";
    paste(driver.findElement(By.id("q")), evil);
    await().until(d -> !results().isEmpty() || driver.findElement(By.id("search-status")).getText().contains("No"));
    assertNull(((JavascriptExecutor) driver).executeScript("return window.__xss === undefined ? null : window.__xss;"));
    assertTrue(driver.findElements(By.cssSelector("#results img, #results script")).isEmpty());
  }

  @Test
  void chineseTextFindsTheChineseEntry() {
    driver.get(server.url() + "search.html?q=" + URLEncoder.encode("内存分配", StandardCharsets.UTF_8));
    awaitFirst(FOUNDING + "-zh");
  }

  @Test
  void aPasteNobodyKnowsSaysSoPlainly() {
    driver.get(server.url() + "search.html");
    paste(driver.findElement(By.id("q")), "nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\nnginx: [emerg] still could not bind()");
    await().until(d -> d.findElement(By.id("search-status")).getText().startsWith("No known entry"));
  }

  /** The server's summary after a failure no entry knows: the status names that failure's line; the summary's entry is listed. */
  @Test
  void aSummaryAfterAnUnknownFailureNamesThatFailure() {
    driver.get(server.url() + "search.html");
    paste(driver.findElement(By.id("q")), "E1205 00:58:20.041182 1 model_lifecycle.cc:642] \"failed to load 'embed' version 2: "
        + "Internal: the frobnicator refused the widget\"\n"
        + "I1205 00:58:21.275292 1 server.cc:347] \"Timeout 29: Found 0 live models and 0 in-flight non-inference requests\"\n"
        + "error: creating server: Internal - failed to load all models");
    await().until(d -> d.findElement(By.id("search-status")).getText().startsWith("No known entry explains the failure at line 1: "
        + "E1205 00:58:20.041182 1 model_lifecycle.cc:642] \"failed to load 'embed' version 2"));
    awaitFirst("failed-to-load-all-models");
  }

  @Test
  void versionCellsShowTheirSymbolAndSayTheirStateInWords() {
    driver.get(server.url() + "entries/" + FOUNDING + ".html");
    JavascriptExecutor js = (JavascriptExecutor) driver;
    // (No shipped entry names a fixed release yet, so the fixed state has no cell to look at.)
    for (String[] c : new String[][] {{"affected", "\u2717"}, {"unaffected", "\u00b7"}}) {
      // Waited for: on CI the lookup once ran before the navigation had replaced the last page.
      WebElement cell = await().until(d -> d.findElements(By.cssSelector(".grid .cell-" + c[0])).stream().findFirst().orElse(null));
      String before = (String) js.executeScript("return getComputedStyle(arguments[0], '::before').content;", cell);
      assertTrue(before.contains(c[1]), c[0] + " cell draws " + before);
      assertTrue(cell.getAttribute("textContent").endsWith(" " + c[0]), "screen readers hear: " + cell.getAttribute("textContent"));
    }
  }

  @Test
  void searchWorksFromACopiedFolderOpenedFromDisk() {
    driver.get(site.resolve("search.html").toUri() + "?q=" + URLEncoder.encode("shared memory", StandardCharsets.UTF_8));
    await().until(d -> !results().isEmpty());
    assertTrue(results().get(0).getAttribute("data-entry-id").contains("shm"), results().get(0).getAttribute("data-entry-id"));
  }

  @Test
  void noRequestLeavesTheSite() {
    driver.get(server.url() + "search.html?q=numpy+ensemble");
    awaitFirst(FOUNDING);
    driver.get(server.url() + "entries/" + FOUNDING + ".html");
    for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
      String m = e.getMessage();
      if (m.contains("\"Network.requestWillBeSent\"")) {
        int at = m.indexOf("\"url\":\"");
        String url = m.substring(at + 7, m.indexOf('"', at + 7));
        assertTrue(url.startsWith(server.url()) || url.startsWith("data:"), "request outside the site: " + url);
      }
    }
    Map<String, Long> counts = new java.util.TreeMap<>();
    server.requests().forEach(r -> counts.merge(r.replaceAll("/[^/]*$", "/"), 1L, Long::sum));
    assertTrue(counts.containsKey("/search/k/"), "the search loaded index parts: " + counts);
  }

  /**
   * A 5 MB log, its error twice near the end: the page keeps answering while it is matched (a
   * 50 ms timer never waits half a second), says how far it read, and then shows the entry first,
   * with where the error first appears and how often.
   */
  @Test
  void aFiveMegabyteLogLeavesThePageFreeAndShowsWhereTheErrorFirstAppears() {
    TritonLog log = new TritonLog(7L, "24.08");
    List<String> lines = new java.util.ArrayList<>();
    while (lines.stream().mapToInt(l -> l.length() + 1).sum() < 5_000_000) {
      lines.addAll(log.lines(5_000));
    }
    String error = log.framed("E1126 08:15:42.123456 1 python_be.cc:1021] in ensemble 'ensemble_model', onnx runtime error 2:"
        + " not enough space: expected 1048576, got 0");
    int firstAt = lines.size() * 95 / 100;
    lines.add(firstAt, error);
    lines.add(lines.size() * 98 / 100, error);
    String text = String.join("\n", lines) + "\n";
    assertTrue(text.length() >= 5_000_000, "a 5 MB log: " + text.length());
    driver.get(server.url() + "search.html");
    JavascriptExecutor js = (JavascriptExecutor) driver;
    // The text reaches the page, and the box, before the clock starts: what the browser spends
    // taking a paste into a text box is its own; what is measured is matching it.
    WebElement box = driver.findElement(By.id("q"));
    js.executeScript("arguments[0].value = arguments[1]; return arguments[0].scrollHeight;", box, text);
    js.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + " requestAnimationFrame(function () { setTimeout(done, 0); });");
    // Ticks every 50 ms, remembering the longest wait between two, and every status shown.
    js.executeScript("window.__gap = 0; window.__ticks = 0; window.__statuses = [];"
        + "var last = performance.now();"
        + "window.__timer = setInterval(function () { var t = performance.now(); window.__gap = Math.max(window.__gap, t - last);"
        + " if (t - last > 200) { window.__long.push(Math.round(t - last) + ' ms ending at ' + Math.round(t) + ' during ' + document.getElementById('search-status').textContent); }"
        + " last = t; window.__ticks++; }, 50); window.__long = [];"
        + "new MutationObserver(function () { window.__statuses.push(Math.round(performance.now()) + ' ' + document.getElementById('search-status').textContent); })"
        + ".observe(document.getElementById('search-status'), {childList: true, characterData: true, subtree: true});");
    js.executeScript("arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", box);
    new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> !results().isEmpty());
    js.executeScript("clearInterval(window.__timer);");
    double gap = ((Number) js.executeScript("return window.__gap;")).doubleValue();
    long ticks = ((Number) js.executeScript("return window.__ticks;")).longValue();
    @SuppressWarnings("unchecked")
    List<String> statuses = (List<String>) js.executeScript("return window.__statuses;");
    System.out.println("5 MB log: " + lines.size() + " lines, " + ticks + " ticks, longest gap " + Math.round(gap) + " ms, "
        + statuses.size() + " statuses; waits over 200 ms: " + js.executeScript("return window.__long.join('; ');"));
    // The longest waits come from the first slices, while the script engine is still compiling
    // the matcher (0.7 s seen here on a quiet machine); an engine that ran the whole paste in one
    // go would hold the page for the whole match. On a machine busier than its cores the browser
    // itself waits for a core, and gets a share of one: the bound widens by how much busier.
    double load = loadAverage();
    double bound = 1500 * Math.max(1, load / Runtime.getRuntime().availableProcessors());
    assertTrue(gap < bound, "the page froze for " + Math.round(gap) + " ms (load average " + load + ")");
    assertTrue(statuses.stream().anyMatch(t -> t.matches("[0-9]+ Reading line [0-9,]+ of [0-9,]+…")), "progress was shown: " + statuses);
    WebElement first = results().get(0);
    assertEquals(FOUNDING, first.getAttribute("data-entry-id"));
    String where = java.text.NumberFormat.getIntegerInstance(java.util.Locale.US).format(firstAt + 1);
    assertEquals("first at line " + where + ", 2 lines in all", first.findElement(By.cssSelector(".occurrences")).getText());
  }

  /** The one-minute load average (Linux), 0 when unknown. */
  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * A newer paste replaces a long one still being read: only the newer one's answer is shown. The
   * newer paste arrives from the page itself, the moment the long one first reports progress: a
   * test that polled for that moment missed it whenever the long paste went faster than a poll.
   */
  @Test
  void aNewerPasteCancelsTheLongOne() {
    TritonLog log = new TritonLog(11L, "24.08");
    String big = String.join("\n", log.lines(40_000)) + "\nE1203 10:00:00.000000 1 model_lifecycle.cc:638] failed to load 'm': "
        + "Invalid argument: unexpected platform type 'ensemble' for m\n";
    driver.get(server.url() + "search.html");
    WebElement box = driver.findElement(By.id("q"));
    ((JavascriptExecutor) driver).executeScript("""
        var box = arguments[0], big = arguments[1], small = arguments[2];
        var status = document.getElementById('search-status'), results = document.getElementById('results');
        window.seenStatus = []; window.seenFirst = []; var replaced = false;
        new MutationObserver(function () {
          var text = status.textContent;
          window.seenStatus.push(text);
          if (!replaced && /^(Reading|Matching) line/.test(text)) {
            replaced = true;
            box.value = small; box.dispatchEvent(new Event('input', {bubbles: true}));
          }
        }).observe(status, {childList: true, characterData: true, subtree: true});
        new MutationObserver(function () {
          var first = results.querySelector('[data-entry-id]');
          if (first) { window.seenFirst.push(first.getAttribute('data-entry-id')); }
        }).observe(results, {childList: true, subtree: true});
        box.value = big; box.dispatchEvent(new Event('input', {bubbles: true}));
        """, box, big, "Stub process is unhealthy and it will be restarted");
    awaitFirst("python-backend-stub-not-healthy");
    // Idle again: no progress text any more, so whatever the long paste would have shown is past.
    await().until(d -> !d.findElement(By.id("search-status")).getText().matches("(Reading|Matching) line.*"));
    @SuppressWarnings("unchecked")
    List<String> statuses = (List<String>) ((JavascriptExecutor) driver).executeScript("return window.seenStatus;");
    assertTrue(statuses.stream().anyMatch(t -> t.matches("(Reading|Matching) line.*")), "the long paste showed progress: " + statuses);
    @SuppressWarnings("unchecked")
    List<String> firsts = (List<String>) ((JavascriptExecutor) driver).executeScript("return window.seenFirst;");
    assertFalse(firsts.stream().anyMatch(id -> !id.equals("python-backend-stub-not-healthy")),
        "only the newer paste's answer was ever shown first: " + firsts);
    awaitFirst("python-backend-stub-not-healthy");
  }

  /**
   * A log with two known failures shows both, under a heading saying so, in the order they
   * appear. The log is the first generated pair that the Java matcher answers with both failures
   * confident: what is pinned here is how the page shows several failures; how often a pair gets
   * both is measured by {@code errata eval --buried} (one in a hundred does not: a paste cut short
   * at its end, buried mid-log, no longer reads as cut).
   */
  @Test
  void aLogWithTwoFailuresShowsBothInOrder() {
    KnowledgeBase kb = new ContentLoader().load(Path.of("content")).knowledgeBase();
    dev.errata.match.Matcher matcher = dev.errata.workspace.Workspace.of(Path.of("content"), null).matcher();
    Burial.Log log = new Burial(Burial.SEED, Burial.releasesOf(kb))
        .pairs(Evaluation.load(Path.of("src/test/resources/eval")), Burial.PAIR_LENGTH, 5).stream()
        .filter(l -> matcher.match(l.text(), dev.errata.match.Matcher.Options.defaults()).matches().stream()
            .filter(m -> m.confidence().confident()).map(m -> m.entry().id()).toList().containsAll(l.expected()))
        .findFirst().orElseThrow();
    driver.get(server.url() + "search.html");
    paste(driver.findElement(By.id("q")), log.text());
    await().until(d -> results().size() >= 2);
    WebElement heading = driver.findElement(By.id("search-several"));
    assertTrue(heading.isDisplayed(), "a heading over several failures");
    assertTrue(heading.getText().startsWith("This log shows several known failures"), heading.getText());
    assertTrue(heading.getText().endsWith("in the order they happened:"), heading.getText());
    List<String> shown = results().subList(0, 2).stream().map(r -> r.getAttribute("data-entry-id")).toList();
    assertEquals(new java.util.HashSet<>(log.expected()), new java.util.HashSet<>(shown), "both failures first: " + shown);
  }
  /**
   * The whole logs written blind (eval/README.md, "Long logs"), each pasted into the search page
   * as a user would: the browser's engine finds each one's entry first and says it found a known
   * issue, and claims none in the logs of failures no entry covers. The parity vectors hold the
   * two engines equal on chosen pastes; this holds the page to the Java floors on whole logs.
   */
  @Test
  void wholeLogsWrittenBlindFindTheirEntryInThePage() {
    driver.get(server.url() + "search.html");
    WebElement box = driver.findElement(By.id("q"));
    WebElement status = driver.findElement(By.id("search-status"));
    List<Evaluation.Case> cases = Evaluation.load(Path.of("src/test/resources/eval/long"));
    List<String> wrong = new java.util.ArrayList<>();
    for (Evaluation.Case c : cases) {
      // Cleared first, so that the status read after the paste is this paste's.
      paste(box, "");
      await().until(d -> status.getText().isEmpty() && results().isEmpty());
      paste(box, c.text());
      await().until(d -> {
        String s = status.getText();
        return !s.isEmpty() && !s.startsWith("Searching") && !s.startsWith("Reading line") && !s.startsWith("Matching line");
      });
      String said = status.getText();
      boolean found = said.startsWith("Known issue found") || said.matches("\\d+ known issues found.*");
      String first = results().isEmpty() ? null : results().get(0).getAttribute("data-entry-id");
      if (c.expected().equals("_none") ? found : !(found && c.expected().equals(first))) {
        wrong.add(c.file().getParent().getFileName() + "/" + c.file().getFileName() + ": " + first + ", '" + said + "'");
      }
    }
    assertTrue(cases.size() >= 120, "long logs: " + cases.size());
    assertTrue(wrong.size() <= cases.size() * 3 / 100, wrong.size() + " of " + cases.size() + " wrong: " + wrong);
  }
}
