package dev.errata.browser;

import dev.errata.testing.Trees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.serve.LiveEvents;
import dev.errata.serve.LiveSite;
import dev.errata.serve.PreviewServer;
import dev.errata.site.SiteBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code errata serve} as a writer uses it: a temporary copy of the shipped content is built and
 * served with live reload, an entry page is open in a real browser, and the entry's file is
 * edited on disk. The page reloads with the change soon after the save; a broken entry
 * shows its file:line and message over the last good page, which keeps being served.
 */
class LiveReloadBrowserIT {
  static final String ENTRY = "python-backend-numpy2-empty-output-tensors";
  /**
   * From writing the file to the first frame of the renewed page, once the preview is warm: issue
   * 16 asks for 300 ms. The first rebuilds of a fresh JVM run before the compiler has caught up,
   * so the measured saves come after ten that are not. Alone, on the 2-core machine, medians of
   * 140 and 141 ms (2026-12-04, the body swapped in, rebuilds of 50-70 ms); the bound is the
   * target itself. The figures are printed either way.
   */
  static final long BOUND_MS = Long.getLong("errata.live.bound.ms", 300);
  static final int WARM_UP = 10;
  static final int MEASURED = 9;

  static Path content;
  static Path file;
  static String original;
  static LiveEvents events;
  static LiveSite live;
  static PreviewServer server;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws IOException {
    Path tmp = Files.createTempDirectory("errata-live");
    content = tmp.resolve("content");
    Trees.copy(Path.of("content"), content);
    try (Stream<Path> files = Files.walk(content)) {
      file = files.filter(p -> p.getFileName().toString().equals(ENTRY + ".md")).findFirst().orElseThrow();
    }
    original = Files.readString(file);
    Path site = tmp.resolve("site");
    events = new LiveEvents();
    live = new LiveSite(new SiteBuilder(Clock.systemUTC()), new SiteBuilder.Options(content, Path.of("templates"), site),
        events, line -> System.err.println("serve: " + line));
    live.buildNow();
    server = new PreviewServer(site, 0, events).start();
    live.watch();
    driver = Chromium.start(tmp);
  }

  @AfterAll
  static void stop() {
    if (live != null) {
      live.close();
    }
    Chromium.stop(driver, server);
  }

  @Test
  void anEditedEntryIsReloadedWithin300Milliseconds() throws IOException {
    open();
    // The first builds of a fresh JVM compile the builder; a writer's session is warm after a few saves.
    List<Long> cold = new ArrayList<>();
    for (int i = 0; i < WARM_UP; i++) {
      cold.add(editAndWait("warm-up " + i));
    }
    System.err.println("save to reloaded page, first saves, ms: " + cold);
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < MEASURED; i++) {
      times.add(editAndWait("measured " + i));
    }
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    long median = sorted.get(sorted.size() / 2);
    System.err.println("save to reloaded page, ms: " + times + " (median " + median + ")");
    assertTrue(median <= BOUND_MS, "from save to reloaded page took " + times + " ms; the median must be at most " + BOUND_MS);
  }

  @Test
  void aBrokenEntryShowsItsFileLineAndMessageOverTheLastGoodPage() throws IOException, InterruptedException {
    open();
    // Waited for: a reload the test before set off may still be replacing the page.
    String title = new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.findElements(By.tagName("h1")).stream().findFirst().map(WebElement::getText).orElse(null));
    String broken = original.replaceFirst("\nstatus: (\\w+)\n", "\nstatus: [$1\n");
    assertFalse(broken.equals(original));
    Files.writeString(file, broken);
    WebElement overlay = new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.findElements(By.id("errata-live-overlay")).stream().findFirst().orElse(null));
    // Its translation, which names it, is reported too.
    List<String> where = overlay.findElements(By.className("errata-live-where")).stream().map(WebElement::getText).toList();
    assertTrue(where.stream().anyMatch(w -> w.matches(".*/" + ENTRY + "\\.md:9: ")), "the overlay names file:line: " + where);
    assertTrue(overlay.getText().contains("YAML"), overlay.getText());
    assertEquals(title, driver.findElement(By.tagName("h1")).getText(), "the last good page is still there");
    // The last good site keeps being served, and a page opened now shows the problem at once.
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pageUrl())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    driver.navigate().refresh();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("errata-live-overlay")).isEmpty());
    // Fixed: the page reloads without the overlay.
    Files.writeString(file, original);
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.id("errata-live-overlay")).isEmpty());
    assertFalse(driver.getPageSource().contains("errata-live-problem"));
  }

  private static void open() {
    driver.get(pageUrl());
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> events.listeners() > 0);
  }

  private static String pageUrl() {
    return server.url() + "entries/" + ENTRY + ".html";
  }

  /**
   * Appends a paragraph to the entry's body; the time from the write to the first frame that
   * shows it. The entry page's scripts all cope with a swapped body, so the page is renewed in
   * place: a MutationObserver set before the save sees the new body arrive, and the page's
   * navigation (its time origin) is still the one it was opened with.
   */
  private static long editAndWait(String marker) throws IOException {
    String text = "Live reload marker " + marker + ".";
    JavascriptExecutor js = driver;
    double origin = ((Number) js.executeScript(
        "var marker = arguments[0]; window.errataSeen = 0;"
            + "new MutationObserver(function (m, o) {"
            + "  if (!document.body.textContent.includes(marker)) return;"
            + "  o.disconnect();"
            + "  requestAnimationFrame(function () { window.errataSeen = performance.timeOrigin + performance.now(); });"
            + "}).observe(document.documentElement, { childList: true, subtree: true });"
            + "return performance.timeOrigin;", text)).doubleValue();
    long saved = System.currentTimeMillis();
    Files.writeString(file, original + "\n" + text + "\n");
    new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(20)).until(d -> {
      Object seen = js.executeScript("return window.errataSeen || 0");
      return seen instanceof Number n && n.doubleValue() > 0;
    });
    double seen = ((Number) js.executeScript("return window.errataSeen")).doubleValue();
    assertEquals(origin, ((Number) js.executeScript("return performance.timeOrigin")).doubleValue(),
        "the entry page was swapped in place, not navigated again");
    return Math.round(seen) - saved;
  }

  @Test
  void aSwappedPageKeepsItsBehaviourOnce() throws IOException {
    open();
    editAndWait("behaviour");
    JavascriptExecutor js = driver;
    // errata.js ran again on the new body: one copy button per code block, one link per heading.
    long blocks = driver.findElements(By.cssSelector(".body pre > code")).size();
    assertTrue(blocks > 0, "the entry has code blocks");
    assertEquals(blocks, driver.findElements(By.cssSelector(".body .copyable > button.copy")).size());
    assertEquals(driver.findElements(By.cssSelector(".body h2[id], .body h3[id]")).size(),
        driver.findElements(By.cssSelector(".body a.anchor")).size());
    assertNull(driver.findElement(By.id("theme")).findElement(By.xpath("..")).getAttribute("hidden"),
        "the theme choice is offered again");
    // The "/" shortcut, on the document, still works once.
    driver.findElement(By.tagName("body")).sendKeys("/");
    assertEquals("site-q", js.executeScript("return document.activeElement.id"));
  }

  @Test
  void aPageWithOtherScriptsIsReloadedWhole() throws IOException {
    driver.get(server.url() + "search.html");
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> events.listeners() > 0);
    JavascriptExecutor js = driver;
    double origin = ((Number) js.executeScript("return performance.timeOrigin")).doubleValue();
    // The previous page's event stream may still be counted: saves go on until the page reloads.
    for (int i = 0; ; i++) {
      Files.writeString(file, original + "\nA change the search page does not show " + i + ".\n");
      try {
        new WebDriverWait(driver, Duration.ofSeconds(3), Duration.ofMillis(20)).until(d -> {
          Object now = js.executeScript("return document.readyState === 'complete' ? performance.timeOrigin : 0");
          return now instanceof Number n && n.doubleValue() > origin;
        });
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        assertTrue(i < 5, "the search page was not reloaded after " + (i + 1) + " saves");
      }
    }
  }
}
