package dev.errata.browser;

import dev.errata.testing.Trees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.serve.PreviewServer;
import dev.errata.site.SiteBuilder;
import dev.errata.testing.Hostile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hostile link addresses of {@code hostile/links.txt}, in every link form, in an entry's body,
 * causes and fix details, through a real build, served and opened in a real browser: no element
 * of the page points at a refused scheme as the browser itself reads it, and clicking each link
 * the page has runs no script.
 */
class HostileLinksBrowserIT {
  static final String ENTRY = "hostile-links";

  static Path site;
  static PreviewServer server;
  static ChromeDriver driver;
  static SiteBuilder.Result built;

  @BeforeAll
  static void start() throws IOException {
    Path tmp = Files.createTempDirectory("errata-hostile");
    driver = Chromium.start(tmp);
    Path content = tmp.resolve("content");
    Path fixture = Path.of("src/test/resources/fixture/content");
    Trees.copy(fixture, content);
    Files.writeString(content.resolve("server/" + ENTRY + ".md"), entry());
    site = tmp.resolve("site");
    built = new SiteBuilder(Clock.systemUTC()).build(new SiteBuilder.Options(content, Path.of("templates"), site));
    server = new PreviewServer(site, 0).start();
  }

  /** An entry with every address in every form in its body, and some in a cause and a fix's detail. */
  static String entry() {
    List<String> links = Hostile.links();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < links.size(); i++) {
      body.append(Hostile.everyForm(links.get(i), i));
    }
    // Allowed addresses that try to break out of their attribute: these stay links, to be clicked.
    body.append("[quote](#\"><img src=x onerror=alert(1)>) [title](other.html \"t\\\" onclick=\\\"alert(1)\")"
        + " [relative](port-in-use.html) [https](https://example.invalid/?q=\"onmouseover=\"alert(1))\n");
    return "---\nid: " + ENTRY + "\ntitle: Hostile links\nsummary: Every way of writing a script address.\nstatus: confirmed\n"
        + "published: 2024-01-01\nmodified: 2024-01-01\ntags: [startup]\n"
        + "components:\n  - name: tritonserver\n    affected: [\"*\"]\n"
        + "symptoms:\n  - \"hostile links test symptom that nothing else has\"\n"
        + "causes:\n  - \"A [cause](JaVaScRiPt:alert(document.domain)) and an ![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)\"\n"
        + "fixes:\n  - title: Do not click\n    detail: \"See [the docs](&#x20;javascript:alert(1)) or <vbscript:msgbox(1)>\"\n"
        + "references:\n  - {type: docs, url: \"https://example.invalid/\"}\n"
        + "---\n\n" + body;
  }

  @AfterAll
  static void stop() {
    Chromium.stop(driver, server);
  }

  private static JavascriptExecutor js() {
    return driver;
  }

  @Test
  void theBuildReportsEachRefusedAddressAndSucceeds() {
    long warnings = built.diagnostics().stream().filter(d -> d.file().endsWith(ENTRY + ".md") && d.message().contains("addresses are not allowed")).count();
    assertTrue(warnings > Hostile.links().size(), warnings + " warnings");
  }

  @Test
  void noElementPointsAtARefusedSchemeAsTheBrowserReadsIt() {
    for (String url : List.of(server.url() + "entries/" + ENTRY + ".html", site.resolve("entries/" + ENTRY + ".html").toUri().toString())) {
      // After the other tests' clicks a navigation may return before the page has its body (seen
      // in CI as a page of five elements): wait for its links, as they do.
      open(url, 11);
      @SuppressWarnings("unchecked")
      List<String> protocols = (List<String>) js().executeScript(
          "const out = [];"
              + "for (const e of document.querySelectorAll('[href], [src], [action], [formaction], [data], [srcset]')) {"
              + "  for (const a of ['href', 'src', 'action', 'formaction', 'data']) {"
              + "    if (e.hasAttribute(a)) out.push(new URL(e.getAttribute(a), document.baseURI).protocol + ' ' + e.outerHTML.slice(0, 120));"
              + "  }"
              + "}"
              + "return out;");
      assertTrue(protocols.size() > 10, protocols.toString());
      for (String p : protocols) {
        assertTrue(p.startsWith("http: ") || p.startsWith("https: ") || p.startsWith("mailto: ") || p.startsWith("file: "), p);
      }
      assertEquals(0L, js().executeScript("return document.querySelectorAll('main script, main iframe, main object, main embed,"
          + " main svg, main [onerror], main [onclick], main [onload], main [onmouseover]').length;"), "nothing active in the entry");
    }
  }

  @Test
  void clickingEveryLinkOfThePageRunsNoScript() {
    String page = server.url() + "entries/" + ENTRY + ".html";
    int count = open(page, 11);
    List<String> clicked = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      open(page, count);
      // A dialog or window opened by a script sets the mark instead; a script run by the click would too.
      js().executeScript("window.__xss = undefined;"
          + "for (const f of ['alert', 'confirm', 'prompt', 'print', 'open']) window[f] = () => { window.__xss = f; };");
      WebElement a = driver.findElements(By.cssSelector("a[href]")).get(i);
      String href = a.getAttribute("href");
      clicked.add(href);
      js().executeScript("arguments[0].removeAttribute('target'); arguments[0].click();", a);
      sleep(Duration.ofMillis(150));
      try {
        driver.switchTo().alert();
        throw new AssertionError("a dialog opened after clicking " + href);
      } catch (NoAlertPresentException expected) {
        // none, as it should be
      }
      String now = driver.getCurrentUrl();
      if (now.equals(page) || now.startsWith(page + "#")) {
        assertEquals(null, js().executeScript("return window.__xss === undefined ? null : String(window.__xss);"),
            "script ran after clicking " + href);
      } else {
        assertTrue(now.startsWith("http://127.0.0.1:") || now.startsWith("https://") || now.startsWith("chrome-error:")
            || now.startsWith("about:blank"), "clicking " + href + " went to " + now);
      }
    }
    assertTrue(clicked.stream().anyMatch(h -> h.contains("other.html")), "the tricky allowed links were clicked: " + clicked);
  }

  /**
   * Opens the page and waits for at least {@code links} links: a navigation may return before the
   * page that replaces the last one has its body (seen once in CI, as a page with no links).
   */
  private static int open(String page, int links) {
    driver.get(page);
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
        int n = d.findElements(By.cssSelector("a[href]")).size();
        return n >= links ? n : null;
      });
    } catch (TimeoutException e) {
      throw new AssertionError("fewer than " + links + " links on " + driver.getCurrentUrl() + " titled '" + driver.getTitle()
          + "': " + driver.findElements(By.cssSelector("a[href]")).size(), e);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
