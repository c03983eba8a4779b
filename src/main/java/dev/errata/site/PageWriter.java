package dev.errata.site;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import dev.errata.index.IndexPart;
import dev.errata.render.Page;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes the files of a build on one thread of its own, in the order they are handed over.
 * Creating files in one folder from several threads made them queue on the folder's lock in the
 * kernel, spinning while they waited; one writer creates them back to back while the renderers
 * go on rendering. The queue is bounded, so a fast renderer waits rather than piling up pages.
 */
final class PageWriter {
  private static final Page END = new Page("", new byte[0]);

  private final Path root;
  private final BlockingQueue<Page> queue = new ArrayBlockingQueue<>(256);
  private final Thread thread;
  private final Set<Path> folders = new HashSet<>();
  private volatile ErrataException failure;
  private int written;

  PageWriter(Path root) {
    this.root = root;
    this.thread = new Thread(this::run, "errata-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a page; throws at once if an earlier write failed. */
  void write(Page page) {
    ErrataException f = failure;
    if (f != null) {
      throw f;
    }
    put(page);
  }

  /** Queues a part of the search index. */
  void write(IndexPart part) {
    write(new Page(part.path(), part.bytes()));
  }

  /** Waits until every queued page is on disk; the number written, or the first failure. */
  int finish() {
    put(END);
    join();
    if (failure != null) {
      throw failure;
    }
    return written;
  }

  /** Drops what is queued and stops, after a failure elsewhere, before the folder is removed. */
  void abort() {
    queue.clear();
    put(END);
    join();
  }

  private void run() {
    while (true) {
      // Pages arrive faster than one a millisecond; a writer blocked in take() would be woken
      // for each, a wake-up and context switch per page. Polling at a millisecond
      // when the queue is empty writes the same pages in batches, and the renderers' puts find
      // no one to wake.
      Page page = queue.poll();
      if (page == null) {
        if (Thread.interrupted()) {
          return;
        }
        LockSupport.parkNanos(1_000_000);
        continue;
      }
      if (page == END) {
        return;
      }
      if (failure == null) {
        try {
          write(root.resolve(page.path()), page.bytes());
          written++;
        } catch (ErrataException e) {
          failure = e;
        } catch (RuntimeException | Error e) {
          // An error that ended this thread unseen would let an incomplete site be swapped in.
          failure = new ErrataException(ExitCode.INTERNAL, "writing " + page.path() + " failed: " + e, e);
        }
      }
    }
  }

  private void write(Path file, byte[] content) {
    try {
      Path folder = file.getParent();
      if (folders.add(folder)) {
        Files.createDirectories(folder);
      }
      // One write call: Files.write would pass the bytes through a small direct buffer in pieces.
      try (FileOutputStream out = new FileOutputStream(file.toFile())) {
        out.write(content);
      }
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private void put(Page page) {
    try {
      queue.put(page);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ErrataException(ExitCode.INTERNAL, "interrupted while writing the site", e);
    }
  }

  private void join() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ErrataException(ExitCode.INTERNAL, "interrupted while writing the site", e);
    }
  }
}
