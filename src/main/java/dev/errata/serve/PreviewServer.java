package dev.errata.serve;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Serves a built site on the loopback address only, for a local preview and for the browser
 * tests: regular files inside the site, GET and HEAD (405 with {@code Allow} otherwise).
 *
 * <p>A small server of our own rather than the JDK's {@code HttpServer}: that one hands each new
 * connection to a worker that waits for the request without any time limit, so four clients
 * that each sent one byte stopped it answering anyone. Here every connection has a thread of its
 * own, up to {@link #MAX_CONNECTIONS} at once (past that a client is told 503 at once), and a
 * deadline for each phase ({@link Timeouts}); a reaper closes connections whose deadline passed.
 */
public final class PreviewServer implements AutoCloseable {
  /** Browsers open six connections per host; this leaves room for many tabs and idle clients. */
  static final int MAX_CONNECTIONS = 64;
  /** How often open event streams get a comment, which frees those whose page is gone without a word. */
  private static final long PING_NANOS = Duration.ofSeconds(15).toNanos();

  /**
   * How long a request head may take to arrive whole, a kept-alive connection may wait for its
   * next request, and a response may take to be read.
   */
  public record Timeouts(Duration head, Duration idle, Duration write) {
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(60));

    Duration shortest() {
      Duration d = head.compareTo(idle) < 0 ? head : idle;
      return d.compareTo(write) < 0 ? d : write;
    }
  }

  private final SiteFiles files;
  private final Timeouts timeouts;
  private final LiveEvents live;
  private final ServerSocket listener;
  private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
  private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final ExecutorService workers = Executors.newCachedThreadPool(daemon("errata-serve"));
  private final Thread acceptor;
  private final Thread reaper;
  private volatile boolean closed;

  /** @param port 0 for any free port */
  public PreviewServer(Path site, int port) {
    this(site, port, Timeouts.DEFAULT);
  }

  public PreviewServer(Path site, int port, Timeouts timeouts) {
    this(site, port, timeouts, null);
  }

  /**
   * A server whose HTML pages listen to {@code live} (see {@link LiveEvents}): what
   * {@code errata serve} runs while it rebuilds on each change.
   */
  public PreviewServer(Path site, int port, LiveEvents live) {
    this(site, port, Timeouts.DEFAULT, live);
  }

  PreviewServer(Path site, int port, Timeouts timeouts, LiveEvents live) {
    this.files = new SiteFiles(site);
    this.timeouts = timeouts;
    this.live = live;
    if (!Files.isDirectory(files.site())) {
      throw new ErrataException(ExitCode.IO, "no site at " + site + "; run errata build first");
    }
    try {
      listener = new ServerSocket(port, 128, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot listen on port " + port + ": " + e.getMessage(), e);
    }
    acceptor = daemon("errata-serve-accept").newThread(this::accept);
    reaper = daemon("errata-serve-reaper").newThread(this::reap);
  }

  public PreviewServer start() {
    acceptor.start();
    reaper.start();
    return this;
  }

  public int port() {
    return listener.getLocalPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port() + "/";
  }

  /** Every path requested so far, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void accept() {
    while (!closed) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (!slots.tryAcquire()) {
        busy(socket);
        continue;
      }
      HttpConnection c = new HttpConnection(socket, files, timeouts, requests::add, () -> slots.release(), live);
      open.add(c);
      try {
        workers.execute(() -> {
          try {
            c.run();
          } finally {
            open.remove(c);
          }
        });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        open.remove(c);
        c.close();
        slots.release();
      }
    }
  }

  /** Tells a client over the limit to come back, without giving it a thread. */
  private static void busy(Socket socket) {
    try (socket) {
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException e) {
      // It was told, or it left.
    }
  }

  /** Closes connections whose current phase ran out of time, which ends the read or write they wait in. */
  private void reap() {
    long period = Math.max(10, Math.min(1000, timeouts.shortest().toMillis() / 4));
    long lastPing = System.nanoTime();
    while (!closed) {
      try {
        Thread.sleep(period);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (HttpConnection c : open) {
        if (c.expired(now)) {
          c.close();
        }
      }
      if (live != null && now - lastPing > PING_NANOS) {
        live.ping();
        lastPing = now;
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // Closing is all that is left to do with it.
    }
    reaper.interrupt();
    open.forEach(HttpConnection::close);
    workers.shutdownNow();
  }
}
