package dev.errata.site;

import java.io.PrintStream;

/**
 * Wall and CPU time per build phase, printed to standard error when the JVM runs with
 * {@code -Derrata.timings=true}: how the figures in bench/NOTES.md are taken, so that tuning
 * starts from measurements rather than guesses.
 */
final class Phases {
  private final PrintStream out;
  private final long start = System.nanoTime();
  private long last = start;
  private long lastCpu = cpu();

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
    long cpu = cpu();
    out.printf("errata: %-30s %6d ms  CPU %6d ms  (total %6d ms)%n", phase, (now - last) / 1_000_000,
        (cpu - lastCpu) / 1_000_000, (now - start) / 1_000_000);
    last = now;
    lastCpu = cpu;
  }

  /** CPU time of the whole process (all threads, the JIT and the collector included), or 0. */
  private static long cpu() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }
}
