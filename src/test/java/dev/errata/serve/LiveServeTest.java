package dev.errata.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.Diagnostic;
import dev.errata.site.SiteBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live parts of {@code errata serve} over real HTTP: the script in served pages only, and the event stream. */
class LiveServeTest {
  @TempDir Path tmp;

  private Path site() throws IOException {
    Path site = tmp.resolve("site");
    Files.createDirectories(site);
    Files.writeString(site.resolve("index.html"), "<html><body><p>home</p></body></html>");
    Files.writeString(site.resolve("404.html"), "<html><body><p>missing</p></body></html>");
    Files.writeString(site.resolve("data.json"), "{}");
    return site;
  }

  private static String get(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
    return new String((c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()).readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void servedPagesGetTheReloadScriptBeforeTheirBodyEndsAndOtherFilesDoNot() throws IOException {
    try (PreviewServer s = new PreviewServer(site(), 0, new LiveEvents()).start()) {
      assertEquals("<html><body><p>home</p><script src=\"/_errata/live.js\"></script>\n</body></html>", get(s.url()));
      assertTrue(get(s.url() + "entries/missing.html").contains("<p>missing</p><script src=\"/_errata/live.js\">"),
          "the 404 page reloads too");
      assertEquals("{}", get(s.url() + "data.json"));
      assertTrue(get(s.url() + "_errata/live.js").contains("new EventSource(\"/_errata/events\")"));
    }
  }

  @Test
  void aPlainPreviewAddsNothing() throws IOException {
    try (PreviewServer s = new PreviewServer(site(), 0).start()) {
      assertEquals("<html><body><p>home</p></body></html>", get(s.url()));
      assertTrue(get(s.url() + "_errata/live.js").contains("missing"), "no script: the 404 page");
    }
  }

  @Test
  void aPageThatOpensWhileTheBuildIsBrokenIsToldTheProblemsThenTheReload() throws IOException {
    LiveEvents events = new LiveEvents();
    events.failed(List.of(Diagnostic.error("content/a.md", 7, "status: \"later\" is not one of confirmed, workaround", "")));
    try (PreviewServer s = new PreviewServer(site(), 0, events).start()) {
      HttpURLConnection c = (HttpURLConnection) new URL(s.url() + "_errata/events").openConnection();
      assertEquals("text/event-stream; charset=utf-8", c.getContentType());
      BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("retry: 300", in.readLine());
      assertEquals("", in.readLine());
      assertEquals("event: problems", in.readLine());
      assertEquals("data: [{\"file\":\"content/a.md\",\"line\":7,\"message\":\"status: \\\"later\\\" is not one of confirmed,"
          + " workaround\",\"hint\":\"\"}]", in.readLine());
      assertEquals("", in.readLine());
      assertEquals(1, events.listeners());
      events.reload();
      assertEquals("event: reload", in.readLine());
      c.disconnect();
    }
  }

  @Test
  void aBuiltSiteHoldsNoTraceOfTheReloadScript() throws IOException {
    Path out = tmp.resolve("built");
    new SiteBuilder(Clock.systemUTC()).build(new SiteBuilder.Options(Path.of("src/test/resources/fixture/content"),
        Path.of("templates"), out));
    try (Stream<Path> files = Files.walk(out.toRealPath())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("_errata") || text.contains("EventSource"), f + " mentions the reload script");
      }
    }
  }
}
