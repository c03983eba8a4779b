package dev.errata.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium, headless, driven by its chromedriver: skipped only when no browser is
 * installed and CI is not set; in CI it always runs.
 */
final class Chromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /** A browser with a profile in {@code tmp}, its network log kept. */
  static ChromeDriver start(Path tmp) {
    boolean browser = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    if (System.getenv("CI") == null) {
      assumeTrue(browser, "no chromium/chromedriver here; CI installs them and runs these tests");
    }
    assertTrue(browser, "CI must have /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1280,1600", "--allow-file-access-from-files", "--user-data-dir=" + tmp.resolve("profile"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  /** Ends what a browser test started, either of which may not have started. */
  static void stop(org.openqa.selenium.WebDriver driver, dev.errata.serve.PreviewServer server) {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Builds the site of a content folder into {@code site} with the shipped templates and serves it on a free port. */
  static dev.errata.serve.PreviewServer buildAndServe(java.nio.file.Path content, java.nio.file.Path site) throws java.io.IOException {
    new dev.errata.site.SiteBuilder(java.time.Clock.systemUTC())
        .build(new dev.errata.site.SiteBuilder.Options(content, java.nio.file.Path.of("templates"), site));
    return new dev.errata.serve.PreviewServer(site, 0).start();
  }
}
