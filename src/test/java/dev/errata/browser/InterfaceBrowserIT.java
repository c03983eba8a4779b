package dev.errata.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.serve.PreviewServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a reader sees besides search, in a real browser, on the Chinese test knowledge base
 * ({@code default_lang: zh}, a ledger service, not Triton): the interface in Chinese, search
 * messages included, over HTTP and from {@code file://}; the table of contents; the light/dark
 * choice kept across reloads.
 */
class InterfaceBrowserIT {
  static final String ENTRY = "advisory-lock-timeout";
  static final String PASTE = "E 2026-11-02T10:00:01Z ledger: could not obtain advisory lock on account 42: timeout after 1000ms";

  static Path site;
  static PreviewServer server;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws IOException {
    Path tmp = Files.createTempDirectory("errata-i18n-browser");
    driver = Chromium.start(tmp);
    site = tmp.resolve("site");
    server = Chromium.buildAndServe(Path.of("src/test/resources/i18n/content"), site);
  }

  @AfterAll
  static void stop() {
    Chromium.stop(driver, server);
  }

  @BeforeEach
  void noThemeChosen() {
    driver.get(server.url() + "index.html");
    ((JavascriptExecutor) driver).executeScript("localStorage.clear();");
  }

  private static WebDriverWait await() {
    return new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  private static String status() {
    return driver.findElement(By.id("search-status")).getText();
  }

  @Test
  void aPastedErrorIsAnsweredInChinese() {
    driver.get(server.url() + "search.html?q=" + URLEncoder.encode(PASTE, StandardCharsets.UTF_8));
    await().until(d -> status().startsWith("找到一个已知问题。"));
    assertEquals("zh", driver.findElement(By.tagName("html")).getAttribute("lang"));
    WebElement first = driver.findElement(By.cssSelector("#results > li.result"));
    // The Chinese original stands for its family on a Chinese page.
    assertEquals(ENTRY, first.getAttribute("data-entry-id"));
    String text = first.getText();
    assertTrue(text.contains("你粘贴内容的第 1 行："), text);
    assertTrue(text.contains("已知报错："), text);
    assertTrue(text.contains("第 1 行与已知报错逐字一致"), text);
    assertTrue(text.contains("完全匹配") && text.contains("有变通办法"), text);
    assertTrue(text.contains("解决方法：调大锁等待时间"), text);
    assertEquals("复制", first.findElement(By.cssSelector("button.copy")).getText());
    assertFalse(text.matches("(?s).*\\b(Line|Known symptom|Fix:|matches the symptom)\\b.*"), "no English left: " + text);
  }

  @Test
  void wordSearchAndNoMatchMessagesAreChineseFromDiskToo() {
    driver.get(site.resolve("search.html").toUri() + "?q=" + URLEncoder.encode("pg_locks", StandardCharsets.UTF_8));
    await().until(d -> status().endsWith("个条目包含这些词。"));
    assertEquals("有 1 个条目包含这些词。", status());
    assertTrue(driver.findElement(By.cssSelector("#results > li.result")).getText().contains("匹配的词：pg_locks"));
    driver.get(site.resolve("search.html").toUri() + "?q=" + URLEncoder.encode("zzqx wvvk", StandardCharsets.UTF_8));
    await().until(d -> status().equals("没有条目包含这些词。"));
  }

  @Test
  void pagesSpeakTheirLanguage() {
    driver.get(server.url() + "index.html");
    assertEquals("搜索已知问题", driver.findElement(By.cssSelector("label[for=site-q]")).getAttribute("textContent"));
    assertTrue(driver.findElement(By.tagName("body")).getText().contains("最近更新"));
    driver.get(server.url() + "entries/" + ENTRY + "-en.html");
    assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
    assertTrue(driver.findElement(By.tagName("body")).getText().contains("Error messages"));
    WebElement other = driver.findElement(By.cssSelector(".translations a[hreflang=zh]"));
    other.click();
    await().until(d -> d.getCurrentUrl().endsWith("entries/" + ENTRY + ".html"));
    assertTrue(driver.findElement(By.tagName("body")).getText().contains("报错信息"));
    // Body code blocks get their copy button and headings their link from errata.js, in Chinese.
    List<WebElement> anchors = driver.findElements(By.cssSelector(".body h2 a.anchor"));
    assertFalse(anchors.isEmpty());
    assertEquals("本节链接", anchors.get(0).getAttribute("aria-label"));
  }

  @Test
  void aLongEntryHasATableOfContentsThatLeadsToItsSections() {
    driver.get(server.url() + "entries/" + ENTRY + ".html");
    WebElement toc = driver.findElement(By.cssSelector("nav.toc"));
    assertEquals("目录", toc.findElement(By.tagName("h2")).getText());
    List<String> items = toc.findElements(By.cssSelector("li a")).stream().map(WebElement::getText).toList();
    assertEquals(List.of("报错信息", "版本", "原因", "解决方法", "现象", "原因分析", "如何确认", "解决之后", "参考资料"), items);
    toc.findElement(By.linkText("如何确认")).click();
    await().until(d -> d.getCurrentUrl().endsWith("#" + URLEncoder.encode("如何确认", StandardCharsets.UTF_8).replace("+", "%20"))
        || d.getCurrentUrl().endsWith("#如何确认"));
    Object missing = ((JavascriptExecutor) driver).executeScript(
        "return Array.from(document.querySelectorAll('nav.toc a')).filter(function (a) {"
        + " return !document.getElementById(decodeURIComponent(a.hash.slice(1))); }).map(function (a) { return a.hash; });");
    assertEquals(List.of(), missing, "every item leads to a section of the page");
    driver.get(server.url() + "entries/migration-checksum-mismatch.html");
    assertTrue(driver.findElements(By.cssSelector("nav.toc")).isEmpty(), "two sections: no table of contents");
  }

  @Test
  void theThemeChoiceIsKeptAcrossReloadsAndAutoFollowsTheSystem() {
    driver.get(server.url() + "entries/" + ENTRY + ".html");
    assertNull(theme(), "no choice: the system's");
    WebElement select = driver.findElement(By.id("theme"));
    assertTrue(select.isDisplayed(), "the choice is offered once scripts run");
    new Select(select).selectByValue("dark");
    assertEquals("dark", theme());
    String dark = background();
    driver.navigate().refresh();
    assertEquals("dark", theme(), "kept across a reload");
    assertEquals("dark", new Select(driver.findElement(By.id("theme"))).getFirstSelectedOption().getAttribute("value"));
    assertEquals(dark, background());
    driver.get(server.url() + "search.html");
    assertEquals("dark", theme(), "and on other pages");
    new Select(driver.findElement(By.id("theme"))).selectByValue("light");
    String light = background();
    assertFalse(light.equals(dark), light + " vs " + dark);
    driver.navigate().refresh();
    assertEquals("light", theme());
    new Select(driver.findElement(By.id("theme"))).selectByValue("auto");
    driver.navigate().refresh();
    assertNull(theme());
    assertEquals("auto", new Select(driver.findElement(By.id("theme"))).getFirstSelectedOption().getAttribute("value"));
  }

  private static String theme() {
    return driver.findElement(By.tagName("html")).getAttribute("data-theme");
  }

  private static String background() {
    return (String) ((JavascriptExecutor) driver).executeScript("return getComputedStyle(document.body).backgroundColor;");
  }
}
