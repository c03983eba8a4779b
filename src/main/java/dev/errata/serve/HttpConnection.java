package dev.errata.serve;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One client connection: reads requests (GET and HEAD of static files, HTTP/1.1 keep-alive) and
 * answers them. It never waits unbounded: before each phase it sets a deadline (a request head
 * must arrive whole within its time, a kept-alive connection may idle only so long, a response
 * must be taken up in time) and the server closes a connection whose deadline has passed, which
 * ends whatever read or write was waiting.
 */
final class HttpConnection implements Runnable {
  /** A request head larger than this is no browser's: answered 431 and closed. */
  static final int MAX_HEAD_BYTES = 16 * 1024;

  private final Socket socket;
  private final SiteFiles files;
  private final PreviewServer.Timeouts timeouts;
  private final Consumer<String> requests;
  private final Runnable done;
  private final LiveEvents live;
  private volatile long deadline;

  /** @param live the events of {@code errata serve}, or null for a plain preview of a built folder */
  HttpConnection(Socket socket, SiteFiles files, PreviewServer.Timeouts timeouts, Consumer<String> requests, Runnable done,
      LiveEvents live) {
    this.socket = socket;
    this.files = files;
    this.timeouts = timeouts;
    this.requests = requests;
    this.done = done;
    this.live = live;
    this.deadline = System.nanoTime() + timeouts.head().toNanos();
  }

  /** Whether the current phase has run out of time (read by the server's reaper). */
  boolean expired(long now) {
    return now - deadline > 0;
  }

  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is all that is left to do with it.
    }
  }

  @Override
  public void run() {
    try (socket) {
      // A response goes out as soon as it is flushed: with Nagle's algorithm the last piece of a
      // response larger than the buffer waited for the client's delayed acknowledgement, some
      // 20 to 40 ms a file on the loopback, which the page's load (and a live reload) added up.
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
      boolean first = true;
      while (true) {
        deadline = System.nanoTime() + (first ? timeouts.head() : timeouts.idle()).toNanos();
        first = false;
        Optional<String> requestHead = readHead(in, out);
        if (requestHead.isEmpty()) {
          return;
        }
        deadline = System.nanoTime() + timeouts.write().toNanos();
        if (!answer(requestHead.get(), in, out)) {
          return;
        }
      }
    } catch (IOException e) {
      // The client went away, or its deadline passed and the server closed the socket.
    } finally {
      done.run();
    }
  }

  /** The request head up to its blank line, or empty when the client closed the connection between requests. */
  private Optional<String> readHead(InputStream in, OutputStream out) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      if (head.length() == MAX_HEAD_BYTES) {
        respond(out, 431, "Request Header Fields Too Large", "", false, "text/plain; charset=utf-8", "request head too large\n");
        return Optional.empty();
      }
      head.append((char) c);
      int n = head.length();
      if (c == '\n' && (n >= 2 && head.charAt(n - 2) == '\n' || n >= 4 && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n')) {
        // A blank line before the request line is allowed, and skipped.
        String text = head.toString().strip();
        if (!text.isEmpty()) {
          return Optional.of(text);
        }
        head.setLength(0);
      }
    }
    return Optional.empty();
  }

  /** Answers one request; false when the connection is to be closed after it. */
  private boolean answer(String requestHead, InputStream in, OutputStream out) throws IOException {
    String[] lines = requestHead.split("\r?\n");
    String[] request = lines[0].split(" ");
    if (request.length != 3 || !request[2].startsWith("HTTP/1.")) {
      respond(out, 400, "Bad Request", "", false, "text/plain; charset=utf-8", "bad request\n");
      return false;
    }
    boolean keepAlive = request[2].equals("HTTP/1.1");
    boolean hasBody = false;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = colon < 0 ? "" : lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = colon < 0 ? "" : lines[i].substring(colon + 1).strip().toLowerCase(Locale.ROOT);
      if (name.equals("connection") && value.contains("close")) {
        keepAlive = false;
      } else if (name.equals("transfer-encoding") || (name.equals("content-length") && !value.equals("0"))) {
        // A body this server does not read: the connection cannot be reused after it.
        hasBody = true;
      }
    }
    keepAlive &= !hasBody;
    Optional<String> path = path(request[1]);
    path.ifPresent(requests);
    String method = request[0];
    if (!method.equals("GET") && !method.equals("HEAD")) {
      respond(out, 405, "Method Not Allowed", "Allow: GET, HEAD\r\n", keepAlive, "text/plain; charset=utf-8", "method not allowed\n");
      return keepAlive;
    }
    boolean head = method.equals("HEAD");
    if (path.isEmpty()) {
      respond(out, 400, "Bad Request", "", false, "text/plain; charset=utf-8", "bad request target\n");
      return false;
    }
    if (live != null && path.get().equals(LiveEvents.PATH) && !head) {
      listen(in, out);
      return false;
    }
    if (live != null && path.get().equals(LiveEvents.SCRIPT)) {
      respond(out, 200, "OK", "", keepAlive, "text/javascript; charset=utf-8", LiveScript.TEXT, head);
      return keepAlive;
    }
    Optional<Path> file = files.find(path.get());
    if (file.isPresent()) {
      send(out, 200, "OK", file.get(), keepAlive, head, live != null);
    } else {
      Optional<Path> page = files.notFoundPage();
      if (page.isPresent()) {
        send(out, 404, "Not Found", page.get(), keepAlive, head, live != null);
      } else {
        respond(out, 404, "Not Found", "", keepAlive, "text/plain; charset=utf-8", "not found\n", head);
      }
    }
    return keepAlive;
  }

  /**
   * Holds the connection open as an event stream until the page goes away: the browser sends
   * nothing more on it, so a read ends only when it closes the connection.
   */
  private void listen(InputStream in, OutputStream out) throws IOException {
    deadline = System.nanoTime() + Long.MAX_VALUE / 2;
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-cache\r\n"
        + "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    if (!live.subscribe(out)) {
      return;
    }
    try {
      while (in.read() >= 0) {
        // Nothing is expected; whatever comes is ignored until the connection closes.
      }
    } finally {
      live.unsubscribe(out);
    }
  }

  /**
   * The decoded path of a request target (origin or absolute form), without its query; empty
   * when it is no valid URI. Decoded behind a fixed authority, so that a path starting with two
   * slashes stays a path.
   */
  static Optional<String> path(String target) {
    try {
      String raw = URI.create(target).getRawPath();
      return raw == null || !raw.startsWith("/") ? Optional.empty() : Optional.ofNullable(URI.create("http://site" + raw).getPath());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void send(OutputStream out, int status, String reason, Path file, boolean keepAlive, boolean head, boolean live)
      throws IOException {
    String type = SiteFiles.type(file);
    if (live && type.startsWith("text/html")) {
      byte[] page = LiveScript.inject(Files.readAllBytes(file));
      out.write(statusAndHeaders(status, reason, "", keepAlive, type, page.length));
      if (!head) {
        out.write(page);
      }
      out.flush();
      return;
    }
    try (InputStream body = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      long length = Files.size(file);
      out.write(statusAndHeaders(status, reason, "", keepAlive, type, length));
      if (!head) {
        body.transferTo(out);
      }
      out.flush();
    }
  }

  private static void respond(OutputStream out, int status, String reason, String extra, boolean keepAlive, String type, String body)
      throws IOException {
    respond(out, status, reason, extra, keepAlive, type, body, false);
  }

  private static void respond(OutputStream out, int status, String reason, String extra, boolean keepAlive, String type, String body,
      boolean head) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write(statusAndHeaders(status, reason, extra, keepAlive, type, bytes.length));
    if (!head) {
      out.write(bytes);
    }
    out.flush();
  }

  private static byte[] statusAndHeaders(int status, String reason, String extra, boolean keepAlive, String type, long length) {
    return ("HTTP/1.1 " + status + " " + reason + "\r\n"
        + "Content-Type: " + type + "\r\n"
        + "Content-Length: " + length + "\r\n"
        + "Cache-Control: no-cache\r\n"
        + "X-Content-Type-Options: nosniff\r\n"
        + extra
        + (keepAlive ? "" : "Connection: close\r\n")
        + "\r\n").getBytes(StandardCharsets.US_ASCII);
  }
}
