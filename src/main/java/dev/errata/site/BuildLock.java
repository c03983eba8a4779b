package dev.errata.site;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one build at a time write into an output: a second one waits until the first is done.
 * An operating-system lock on a file beside the output keeps out other processes, and is let go
 * by the kernel when a process dies, so a killed build never leaves a stale lock; a lock per
 * file within the JVM keeps out other threads, which the file lock does not. Held by the thread
 * that took it until {@link #close()}.
 */
final class BuildLock implements AutoCloseable {
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final ReentrantLock thread;
  private final FileChannel channel;
  private final FileLock lock;

  private BuildLock(ReentrantLock thread, FileChannel channel, FileLock lock) {
    this.thread = thread;
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock, calling {@code onWait} once first when another build holds it. */
  static BuildLock acquire(Path file, Runnable onWait) {
    ReentrantLock thread = IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new ReentrantLock());
    boolean waited = false;
    if (!thread.tryLock()) {
      onWait.run();
      waited = true;
      thread.lock();
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        if (!waited) {
          onWait.run();
        }
        lock = channel.lock();
      }
      return new BuildLock(thread, channel, lock);
    } catch (IOException | RuntimeException e) {
      close(channel);
      thread.unlock();
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new ErrataException(ExitCode.IO, "cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases it too.
    }
    close(channel);
    thread.unlock();
  }

  private static void close(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing is left to release.
    }
  }
}
