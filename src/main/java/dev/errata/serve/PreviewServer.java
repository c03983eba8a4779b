package dev.errata.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Serves a built site on the loopback address only, for a local preview and for the browser
 * tests. Only files inside the site folder are served: paths are resolved, normalized and
 * checked to stay inside it, so {@code ../} and encoded variants get a 404.
 */
public final class PreviewServer implements AutoCloseable {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
      "json", "application/json", "xml", "application/xml", "svg", "image/svg+xml", "png", "image/png",
      "ico", "image/x-icon", "txt", "text/plain; charset=utf-8");

  private final Path root;
  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  /** @param port 0 for any free port */
  public PreviewServer(Path site, int port) {
    this.root = site.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new ErrataException(ExitCode.IO, "no site at " + site + "; run errata build first");
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot listen on port " + port + ": " + e.getMessage(), e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "errata-serve");
      t.setDaemon(true);
      return t;
    }));
  }

  public PreviewServer start() {
    server.start();
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port() + "/";
  }

  /** Every path requested so far, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = URI.create(ex.getRequestURI().getRawPath()).getPath();
      requests.add(path);
      if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
        send(ex, 405, "text/plain; charset=utf-8", "method not allowed".getBytes());
        return;
      }
      Path file = resolve(path);
      if (file == null) {
        Path notFound = root.resolve("404.html");
        send(ex, 404, TYPES.get("html"), Files.isRegularFile(notFound) ? Files.readAllBytes(notFound) : "not found".getBytes());
        return;
      }
      send(ex, 200, type(file), Files.readAllBytes(file));
    }
  }

  /** The file a request path names, or null when there is none inside the site. */
  Path resolve(String path) {
    if (path == null || path.indexOf('\0') >= 0) {
      return null;
    }
    String relative = path.startsWith("/") ? path.substring(1) : path;
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root)) {
      return null;
    }
    if (Files.isDirectory(file)) {
      file = file.resolve("index.html");
    }
    return Files.isRegularFile(file) ? file : null;
  }

  private static String type(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return TYPES.getOrDefault(dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-cache");
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
