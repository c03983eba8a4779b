package dev.errata.site;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * What one build made, by the whole input it was made from, for the next build to take where the
 * input is equal. Only the latest build's values are kept, and at most a budget of them.
 */
final class Kept<K, V> {
  private final ToLongFunction<V> size;
  private final long budget;
  private final AtomicLong used = new AtomicLong();
  private volatile Map<K, V> previous = Map.of();
  private volatile Map<K, V> current = new ConcurrentHashMap<>();

  Kept() {
    this(v -> 0, Long.MAX_VALUE);
  }

  /** @param budget the most {@code size} of the values one build keeps; beyond it they are made again next time */
  Kept(ToLongFunction<V> size, long budget) {
    this.size = size;
    this.budget = budget;
  }

  /** A build starts: what the last one kept becomes what this one may take. */
  synchronized void next() {
    if (!current.isEmpty()) {
      previous = current;
      current = new ConcurrentHashMap<>();
      used.set(0);
    }
  }

  /** Drops what the last build kept, as when what the values also depend on changed. */
  void forget() {
    previous = Map.of();
  }

  /** The value kept for {@code key}, else made by {@code make} (which may give null: then nothing is kept). */
  V get(K key, Supplier<V> make) {
    V v = previous.get(key);
    if (v == null) {
      v = current.get(key);
    }
    if (v == null) {
      v = make.get();
    }
    if (v == null) {
      return null; // nothing to keep: made again next time
    }
    if (used.addAndGet(size.applyAsLong(v)) <= budget) {
      current.put(key, v);
    }
    return v;
  }
}
