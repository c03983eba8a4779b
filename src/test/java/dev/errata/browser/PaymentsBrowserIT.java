package dev.errata.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.serve.PreviewServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site of a knowledge base that is not about Triton ({@code kb/payments}): its search reads
 * the versions its own {@code matching.yml} extracts from a paste and gives the verdicts, served
 * and opened from disk.
 */
class PaymentsBrowserIT {
  static final String LOG = "Client Version: v1.30.1\nServer Version: v1.29.3\n"
      + "Warning  Unhealthy  2m (x9 over 6m)  kubelet  Liveness probe failed: command \"/bin/ledger-health\" timed out\n";

  static Path site;
  static PreviewServer server;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws IOException {
    Path tmp = Files.createTempDirectory("errata-payments");
    driver = Chromium.start(tmp);
    site = tmp.resolve("site");
    server = Chromium.buildAndServe(Path.of("src/test/resources/kb/payments"), site);
  }

  @AfterAll
  static void stop() {
    Chromium.stop(driver, server);
  }

  private static List<WebElement> results() {
    return driver.findElements(By.cssSelector("#results > li.result"));
  }

  private static WebElement firstAfterPasting(String url, String text) {
    driver.get(url);
    WebElement box = driver.findElement(By.id("q"));
    ((JavascriptExecutor) driver).executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", box, text);
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !results().isEmpty());
    return results().get(0);
  }

  @Test
  void theClusterVersionInThePasteIsJudged() {
    WebElement first = firstAfterPasting(server.url() + "search.html", LOG);
    assertEquals("kubernetes-probe-timeout-exec", first.getAttribute("data-entry-id"));
    assertEquals("kubernetes 1.29.3 affected", first.getAttribute("data-verdicts"), "the server's version, read by the extractor");
    assertTrue(first.getText().contains("1.29.3"), first.getText());
    // The site's default_lang is zh: the page, the status line and the verdict speak Chinese.
    assertEquals("zh", driver.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("找到一个已知问题。识别到的版本：kubernetes 1.29.3。", driver.findElement(By.id("search-status")).getText());
    assertTrue(first.getText().contains("受影响"), first.getText());
  }

  /** The knowledge base's own failure line (failure_lines in its matching.yml) reaches the browser's rules. */
  @Test
  void itsOwnFailureLineIsNamedAboveTheGatewaysError() {
    String log = "2026-12-01T10:00:00Z ledger: refusing to serve: journal checksum mismatch at block 7\n"
        + "2026-12-01T10:00:01Z gateway: upstream ledger unavailable: dial tcp 10.0.0.4:8443: connect: connection refused\n";
    WebElement first = firstAfterPasting(server.url() + "search.html", log);
    assertEquals("gateway-upstream-ledger-unavailable", first.getAttribute("data-entry-id"));
    String status = driver.findElement(By.id("search-status")).getText();
    assertTrue(status.startsWith("没有条目能解释第 1 行的故障") && status.contains("journal checksum mismatch"), status);
  }

  @Test
  void theServiceBannerIsReadFromDiskToo() {
    String log = "ledger-service v3.4.2 (commit 1b9e77a, go1.22.2) starting on :8443\n"
        + "level=error msg=\"idempotency key pay_91xQ already used with a different request body\" request_id=a1\n";
    WebElement first = firstAfterPasting(site.resolve("search.html").toUri().toString(), log);
    assertEquals("ledger-idempotency-key-reused", first.getAttribute("data-entry-id"));
    assertEquals("ledger 3.4.2 fixed", first.getAttribute("data-verdicts"));
  }
}
