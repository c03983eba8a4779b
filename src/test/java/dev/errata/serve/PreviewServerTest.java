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
import java.time.Duration;
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

  /** A raw request and the whole response, the connection closed after it. */
  private static String exchange(PreviewServer s, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", s.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void neverFollowsASymbolicLinkOutOfTheSite() throws IOException {
    try (PreviewServer s = server()) {
      Path site = tmp.resolve("site");
      Files.createSymbolicLink(site.resolve("p.txt"), tmp.resolve("secret.txt"));
      Files.createSymbolicLink(site.resolve("out"), tmp);
      Files.createSymbolicLink(site.resolve("passwd.txt"), Path.of("/etc/passwd"));
      Files.createSymbolicLink(site.resolve("inside.html"), site.resolve("entries/a.html"));
      for (String path : new String[] {"p.txt", "out/secret.txt", "passwd.txt"}) {
        HttpURLConnection c = (HttpURLConnection) new URL(s.url() + path).openConnection();
        assertEquals(404, c.getResponseCode(), path);
        assertTrue(!new String(c.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).contains("outside the site"), path);
      }
      assertEquals(200, status(s.url() + "inside.html"), "a link that stays inside the site is served");
    }
  }

  @Test
  void servesRegularFilesOnly() throws IOException, InterruptedException {
    try (PreviewServer s = server()) {
      Path fifo = tmp.resolve("site/pipe.html");
      assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
      assertEquals(404, status(s.url() + "pipe.html"), "a FIFO would block the reader");
    }
  }

  @Test
  void followsTheSiteLinkToItsCurrentFolder() throws IOException {
    Path v1 = Files.createDirectories(tmp.resolve("builds/1"));
    Path v2 = Files.createDirectories(tmp.resolve("builds/2"));
    Files.writeString(v1.resolve("index.html"), "one");
    Files.writeString(v2.resolve("index.html"), "two");
    Path link = tmp.resolve("site-link");
    Files.createSymbolicLink(link, v1);
    try (PreviewServer s = new PreviewServer(link, 0).start()) {
      assertEquals("one", body(s.url()));
      Path next = tmp.resolve("site-link.next");
      Files.createSymbolicLink(next, v2);
      Files.move(next, link, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      assertEquals("two", body(s.url()));
    }
  }

  private static String body(String url) throws IOException {
    return new String(new URL(url).openStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void otherMethodsGet405WithAllow() throws IOException {
    try (PreviewServer s = server()) {
      String response = exchange(s, "POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      assertTrue(response.startsWith("HTTP/1.1 405 "), response);
      assertTrue(response.contains("\r\nAllow: GET, HEAD\r\n"), response);
    }
  }

  @Test
  void headSendsTheHeadersOnlyAndConnectionsAreKeptAlive() throws IOException {
    try (PreviewServer s = server(); Socket socket = new Socket("127.0.0.1", s.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("HEAD /entries/a.html HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET /entries/a.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String both = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(2, both.split("HTTP/1.1 200 OK", -1).length - 1, both);
      assertTrue(both.contains("Content-Length: 8\r\n"), both);
      assertTrue(both.endsWith("\r\n\r\n<p>a</p>"), "one body only, after the second head: " + both);
    }
  }

  @Test
  void answersWhileIdleAndSlowClientsAreConnected() throws IOException {
    try (PreviewServer s = server()) {
      java.util.List<Socket> idle = new java.util.ArrayList<>();
      try {
        for (int i = 0; i < 16; i++) {
          Socket slow = new Socket("127.0.0.1", s.port());
          slow.getOutputStream().write('G');
          slow.getOutputStream().flush();
          idle.add(slow);
          idle.add(new Socket("127.0.0.1", s.port())); // connected, silent
        }
        long start = System.nanoTime();
        assertEquals(200, status(s.url() + "entries/a.html"));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "answered at once");
      } finally {
        for (Socket c : idle) {
          c.close();
        }
      }
    }
  }

  @Test
  void closesConnectionsWhoseRequestDoesNotArriveInTime() throws IOException {
    PreviewServer.Timeouts quick = new PreviewServer.Timeouts(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(5));
    Path site = tmp.resolve("site");
    server().close();
    try (PreviewServer s = new PreviewServer(site, 0, quick).start(); Socket slow = new Socket("127.0.0.1", s.port())) {
      slow.setSoTimeout(5_000);
      slow.getOutputStream().write("GET /index.html HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      assertEquals(-1, slow.getInputStream().read(), "closed without an answer");
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms < 3_000, "closed after " + ms + " ms");
    }
  }

  @Test
  void clientsOverTheLimitAreToldToComeBackAndServedOnceOthersLeave() throws IOException, InterruptedException {
    PreviewServer.Timeouts quick = new PreviewServer.Timeouts(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(5));
    server().close();
    try (PreviewServer s = new PreviewServer(tmp.resolve("site"), 0, quick).start()) {
      java.util.List<Socket> idle = new java.util.ArrayList<>();
      for (int i = 0; i < PreviewServer.MAX_CONNECTIONS; i++) {
        idle.add(new Socket("127.0.0.1", s.port()));
      }
      Thread.sleep(100);
      String refused = exchange(s, "GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n");
      assertTrue(refused.startsWith("HTTP/1.1 503 "), refused);
      Thread.sleep(1_500); // the idle ones run out of time
      assertEquals(200, status(s.url()));
      for (Socket c : idle) {
        c.close();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"GARBAGE\r\n\r\n", "GET /a b HTTP/1.1\r\n\r\n", "GET /%zz HTTP/1.1\r\n\r\n", "GET nopath HTTP/1.1\r\n\r\n"})
  void malformedRequestsGet400(String request) throws IOException {
    try (PreviewServer s = server()) {
      String response = exchange(s, request);
      assertTrue(response.startsWith("HTTP/1.1 400 "), response);
    }
  }
}
