package dev.errata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Work on all cores, items handed out one at a time. A parallel stream splits a list into a few
 * large pieces up front (four on a machine of two cores); when the items cost unevenly, as
 * entries' examples do, one core finishes its pieces long before the other and waits. Here each
 * thread takes the next item as it finishes one, so both stay busy to the end.
 */
public final class Parallel {
  private Parallel() {}

  /** {@code f} for each item, in no particular order; as {@link #map}. */
  public static <T> void each(List<T> items, java.util.function.Consumer<? super T> f) {
    map(items, x -> {
      f.accept(x);
      return null;
    });
  }

  /**
   * {@code f} of each item, in the items' order; the calling thread works too. What {@code f}
   * throws is rethrown as it was, once every thread has stopped taking items.
   */
  public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
    int n = items.size();
    Object[] out = new Object[n];
    AtomicInteger next = new AtomicInteger();
    // Kept here rather than thrown to join(), which would wrap what another thread threw.
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Runnable work = () -> {
      for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
        try {
          out[i] = f.apply(items.get(i));
        } catch (RuntimeException | Error e) {
          failed.compareAndSet(null, e);
          next.set(n); // the others stop at their next item
        }
      }
    };
    int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), n - 1);
    List<ForkJoinTask<?>> others = new ArrayList<>();
    for (int k = 0; k < helpers; k++) {
      others.add(ForkJoinPool.commonPool().submit(work));
    }
    work.run();
    others.forEach(ForkJoinTask::join);
    Throwable e = failed.get();
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error r) {
      throw r;
    }
    @SuppressWarnings("unchecked")
    List<R> result = (List<R>) Arrays.asList(out);
    return result;
  }
}
