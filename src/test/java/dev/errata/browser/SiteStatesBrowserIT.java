package dev.errata.browser;

import dev.errata.testing.Trees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.model.NewEntryLink;
import dev.errata.model.SiteInfo;
import dev.errata.serve.PreviewServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site's states a reader reaches by not finding something, in a real browser: the 404 page at
 * any depth (served, with and without {@code base_url}) and opened from disk, and the search
 * page's offer to write the entry when a paste matches nothing.
 */
class SiteStatesBrowserIT {
  static final String NEW_ENTRY = "https://git.example.org/kb/issues/new?title={title}&body={paste}";

  static Path tmp;
  static Path site;
  static Path bare;
  static PreviewServer server;
  static PreviewServer bareServer;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws IOException {
    tmp = Files.createTempDirectory("errata-states");
    driver = Chromium.start(tmp);
    // The fixture's site.yml has a base_url at /errata/ and the links of site.md; a copy has none.
    Path fixture = Path.of("src/test/resources/fixture/content");
    Path plain = tmp.resolve("plain");
    Trees.copy(fixture, plain);
    Files.writeString(plain.resolve("site.yml"), "title: Plain\nnew_entry_url: " + NEW_ENTRY + "\n");
    site = tmp.resolve("site");
    server = Chromium.buildAndServe(fixture, site);
    bare = tmp.resolve("bare");
    bareServer = Chromium.buildAndServe(plain, bare);
  }

  @AfterAll
  static void stop() {
    if (bareServer != null) {
      bareServer.close();
    }
    Chromium.stop(driver, server);
  }

  @Test
  void theNotFoundPageIsStyledAndItsLinksWorkAtAnyDepth() {
    for (PreviewServer s : new PreviewServer[] {server, bareServer}) {
      for (String missing : new String[] {"does-not-exist.html", "entries/does-not-exist.html", "tags/a/b/c/deep.html"}) {
        driver.get(s.url() + missing);
        // Waited for rather than read at once: one run in several found no heading yet (a
        // navigation of the test before still settling), never another one.
        WebElement heading = new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(d -> d.findElements(By.tagName("h1")).stream().findFirst().orElse(null));
        assertEquals("Page not found", heading.getText(), missing);
        assertStyled(missing);
        WebElement home = driver.findElement(By.linkText("home page"));
        assertEquals(s.url() + "index.html", home.getDomProperty("href"), missing);
        assertEquals(s.url() + "search.html", driver.findElement(By.linkText("search")).getDomProperty("href"), missing);
        home.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(s.url() + "index.html"));
        assertFalse(driver.findElements(By.cssSelector("section.hero")).isEmpty(), "the home page opened from " + missing);
      }
    }
  }

  @Test
  void theNotFoundPageOpenedFromDiskIsStyledWithWorkingLinks() throws IOException {
    for (Path s : new Path[] {site, bare}) {
      Path page = s.resolve("404.html").toRealPath();
      driver.get(page.toUri().toString());
      assertStyled(page.toString());
      String home = driver.findElement(By.linkText("home page")).getDomProperty("href");
      assertEquals(page.resolveSibling("index.html").toUri().toString(), home);
    }
  }

  @Test
  void aPasteThatMatchesNothingOffersToWriteTheEntry() {
    // A quote, a non-ASCII character and a line long enough that the filled address is cut.
    String paste = "E1204 03:00:00.000123 1 blorf.cc:12] zqxv frobnication of the wombat's ünicode failed\n"
        + "W1204 03:00:00.000456 1 blorf.cc:13] " + "quux ".repeat(500) + "\n";
    JavascriptExecutor js = driver;
    driver.get(bareServer.url() + "search.html");
    js.executeScript("var b = document.getElementById('q'); b.value = arguments[0];"
        + " b.dispatchEvent(new Event('input', {bubbles: true}));", paste);
    WebElement offer = new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.findElement(By.id("no-match-offer")).isDisplayed() ? d.findElement(By.id("no-match-offer")) : null);
    String link = offer.findElement(By.id("no-match-link")).getDomAttribute("href");
    String expected = NewEntryLink.fill(NEW_ENTRY, paste);
    assertEquals(expected, link, "the page fills new_entry_url as the command line does");
    assertTrue(link.length() <= SiteInfo.MAX_URL && link.endsWith("%E2%80%A6"), "cut to the limit, with an ellipsis: " + link.length());
    assertTrue(link.contains("title=E1204%2003%3A00%3A00.000123%201%20blorf.cc%3A12%5D%20zqxv%20frobnication%20of%20the%20wombat's%20%C3%BCnicode%20failed&"),
        link);
    assertTrue(offer.findElement(By.id("no-match-command")).getText().startsWith("errata new --from-error -"),
        "a paste longer than a command line should hold is given on standard input");

    // A short one is quoted for a shell, its quote escaped.
    String small = "zqxv: the wombat's frobnicator is unhappy";
    js.executeScript("var b = document.getElementById('q'); b.value = arguments[0];"
        + " b.dispatchEvent(new Event('input', {bubbles: true}));", small);
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("no-match-command")).getText()
        .equals("errata new --from-error 'zqxv: the wombat'\\''s frobnicator is unhappy'"));
    assertEquals(NewEntryLink.fill(NEW_ENTRY, small), offer.findElement(By.id("no-match-link")).getDomAttribute("href"));

    // A paste that is found hides the offer.
    js.executeScript("var b = document.getElementById('q'); b.value = arguments[0];"
        + " b.dispatchEvent(new Event('input', {bubbles: true}));",
        "in ensemble 'ens', onnx runtime error 2: not enough space: expected 1048576, got 0");
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElement(By.id("no-match-offer")).isDisplayed());
  }

  /**
   * The site's stylesheet applies: the page has its rules, waited for a few seconds, as a page
   * opened from disk may report its load before the sheet's rules can be read (seen once on CI,
   * not reproduced).
   */
  private static void assertStyled(String what) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
          "var n = 0; for (var s of document.styleSheets) { try { n += s.cssRules.length; } catch (e) {} } return n;"))
          .intValue() > 10);
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("the stylesheet is loaded on " + what, e);
    }
  }

}
