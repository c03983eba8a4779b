package dev.errata.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.serve.PreviewServer;
import dev.errata.site.SiteBuilder;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
    new SiteBuilder(Clock.systemUTC()).build(new SiteBuilder.Options(Path.of("content"), Path.of("templates"), site));
    server = new PreviewServer(site, 0).start();
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
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
    box.sendKeys("numpy");
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

  @Test
  void versionCellsShowTheirSymbolAndSayTheirStateInWords() {
    driver.get(server.url() + "entries/" + FOUNDING + ".html");
    JavascriptExecutor js = (JavascriptExecutor) driver;
    // (No shipped entry names a fixed release yet, so the fixed state has no cell to look at.)
    for (String[] c : new String[][] {{"affected", "\u2717"}, {"unaffected", "\u00b7"}}) {
      WebElement cell = driver.findElement(By.cssSelector(".grid .cell-" + c[0]));
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
    driver.get(server.url() + "search.html?q=numpy");
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
}
