package dev.errata;

import java.util.function.Supplier;

/**
 * A value made on first need, once, whichever thread needs it first; the others wait for it.
 * What the making throws goes to the thread that asked, and the next to ask tries again.
 */
public final class Lazy<T> implements Supplier<T> {
  private Supplier<? extends T> make;
  private T value;

  private Lazy(Supplier<? extends T> make) {
    this.make = make;
  }

  public static <T> Lazy<T> of(Supplier<? extends T> make) {
    return new Lazy<>(make);
  }

  @Override
  public synchronized T get() {
    if (make != null) {
      value = make.get();
      make = null;
    }
    return value;
  }

  /** Whether the value has been made. */
  public synchronized boolean made() {
    return make == null;
  }
}
