package dev.errata.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real HTTP against the preview server on a free loopback port. */
class PreviewServerTest {
  @TempDir Path tmp;

  private PreviewServer server() throws IOException {
    Path site = tmp.resolve("site");
    Files.createDirectories(site.resolve("entries"));
    Files.writeString(site.resolve("index.html"), "<p>home</p>");
    Files.writeString(site.resolve("entries/a.html"), "<p>a</p>");
    Files.writeString(site.resolve("404.html"), "<p>missing</p>");
    Files.writeString(tmp.resolve("secret.txt"), "outside the site");
    return new PreviewServer(site, 0).start();
  }

  private static int status(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
    return c.getResponseCode();
  }

  @Test
  void servesFilesWithTheirTypesAndFoldersAsIndex() throws IOException {
    try (PreviewServer s = server()) {
      HttpURLConnection c = (HttpURLConnection) new URL(s.url() + "entries/a.html").openConnection();
      assertEquals(200, c.getResponseCode());
      assertEquals("text/html; charset=utf-8", c.getContentType());
      assertEquals("<p>a</p>", new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      assertEquals(200, status(s.url()));
      assertTrue(s.url().startsWith("http://127.0.0.1:"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/../secret.txt", "/%2e%2e/secret.txt", "/entries/../../secret.txt", "/..%2fsecret.txt", "/nope.html"})
  void neverServesAnythingOutsideTheSite(String path) throws IOException {
    try (PreviewServer s = server(); Socket socket = new Socket("127.0.0.1", s.port())) {
      // A raw request: HTTP clients would normalize the dots away before sending.
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 404"), response);
      assertTrue(!response.contains("outside the site"), response);
    }
  }
}
