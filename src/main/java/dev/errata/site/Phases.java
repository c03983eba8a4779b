package dev.errata.site;

import java.io.PrintStream;

/**
 * Wall time per build phase, printed to standard error when the JVM runs with
 * {@code -Derrata.timings=true}: how the profiling notes in docs/performance.md were taken, kept
 * so that the next round of tuning starts from figures rather than guesses.
 */
final class Phases {
  private final PrintStream out;
  private final long start = System.nanoTime();
  private long last = start;

  private Phases(PrintStream out) {
    this.out = out;
  }

  static Phases fromSystemProperty() {
    return new Phases(Boolean.getBoolean("errata.timings") ? System.err : null);
  }

  void done(String phase) {
    if (out == null) {
      return;
    }
    long now = System.nanoTime();
    out.printf("errata: %-28s %6d ms  (total %6d ms)%n", phase, (now - last) / 1_000_000, (now - start) / 1_000_000);
    last = now;
  }
}
