package dev.errata.markdown;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a parse on a thread of its own with a large stack. Flexmark's parser recurses as deep as
 * the text nests (and Java's regular expressions as long as some runs of characters are); within
 * {@link MarkdownLimits} that is bounded, but can exceed the default stack of a thread. Only the
 * rare text that {@link MarkdownLimits} calls risky comes here; the stack is reserved, and only the
 * part used is ever touched.
 */
final class BigStack {
  /** Ample for the deepest tree a paragraph within the limits can make. */
  static final long STACK_BYTES = 512L << 20;

  private BigStack() {}

  static <T> T call(Supplier<T> task) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        result.set(task.get());
      } catch (RuntimeException | Error e) {
        failure.set(e);
      }
    }, "errata-markdown-deep", STACK_BYTES);
    t.setDaemon(true);
    t.start();
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the parse is short; finish it, then pass the interrupt on
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException r) {
      throw r;
    }
    if (f instanceof Error e) {
      throw e;
    }
    return result.get();
  }
}
