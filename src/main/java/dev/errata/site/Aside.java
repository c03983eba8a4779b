package dev.errata.site;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Work a build starts on a daemon thread of its own and takes later: the records read while the
 * content loads, the match index built while the other rules run, the spare site removed while
 * pages render. What the work throws is not rethrown: {@link #get} gives the fallback instead,
 * and each caller says why that is safe (a record not read costs time, never a wrong answer).
 */
final class Aside<T> {
  private final FutureTask<T> task;
  private final T fallback;

  private Aside(Supplier<T> make, T fallback, String name) {
    this.task = new FutureTask<>(make::get);
    this.fallback = fallback;
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.start();
  }

  /** Starts making a value on a thread named {@code name}. */
  static <T> Aside<T> start(String name, Supplier<T> make, T fallback) {
    return new Aside<>(make, fallback, name);
  }

  /** Starts {@code work} on a thread named {@code name}; {@link #get} waits for it to end. */
  static Aside<Void> run(String name, Runnable work) {
    return new Aside<>(() -> {
      work.run();
      return null;
    }, null, name);
  }

  /** The value, once made; the fallback when making it failed or this thread was interrupted. */
  T get() {
    try {
      return task.get();
    } catch (ExecutionException e) {
      return fallback;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fallback;
    }
  }
}
