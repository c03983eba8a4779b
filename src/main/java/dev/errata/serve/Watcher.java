package dev.errata.serve;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders and their subfolders (a new subfolder is watched as it appears) and runs an
 * action once per burst of changes: after the first change it waits until the folders have been
 * quiet for the debounce time, since an editor's save is often several events (write, rename,
 * attributes) and a {@code git checkout} many.
 */
final class Watcher implements AutoCloseable {
  private final WatchService service;
  private final Duration quiet;
  private final Runnable action;
  private final Thread thread;
  private volatile boolean closed;

  Watcher(List<Path> roots, Duration quiet, Runnable action) {
    this.quiet = quiet;
    this.action = action;
    try {
      service = FileSystems.getDefault().newWatchService();
      for (Path root : roots) {
        if (Files.isDirectory(root)) {
          registerTree(root);
        }
      }
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot watch " + roots + " for changes: " + e.getMessage(), e);
    }
    thread = new Thread(this::run, "errata-watch");
    thread.setDaemon(true);
  }

  Watcher start() {
    thread.start();
    return this;
  }

  private void registerTree(Path root) throws IOException {
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
            StandardWatchEventKinds.ENTRY_MODIFY);
      }
    }
  }

  private void run() {
    try {
      while (!closed) {
        WatchKey key = service.take();
        drain(key);
        // The burst goes on while events keep coming within the quiet time.
        WatchKey next;
        while ((next = service.poll(quiet.toNanos(), TimeUnit.NANOSECONDS)) != null) {
          drain(next);
        }
        action.run();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // Closed: the server stops.
    }
  }

  /** Takes a key's events, watching new folders; the events themselves only say that something changed. */
  private void drain(WatchKey key) {
    Path dir = (Path) key.watchable();
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
        Path created = dir.resolve(name);
        if (Files.isDirectory(created)) {
          try {
            registerTree(created);
          } catch (IOException e) {
            // Gone again, or unreadable: the build that follows reports what it cannot read.
          }
        }
      }
    }
    key.reset();
  }

  @Override
  public void close() {
    closed = true;
    try {
      service.close();
    } catch (IOException e) {
      // Closing is all that is left to do with it.
    }
    thread.interrupt();
  }
}
