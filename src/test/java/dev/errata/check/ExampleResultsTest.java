package dev.errata.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.match.Reach;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Examples that share a paste share its answers: each distinct paste is matched once per run. */
class ExampleResultsTest {
  private static final ExampleResults.Matched NOTHING = new ExampleResults.Matched(List.of(), new Reach(Double.NaN, new double[0]));

  @Test
  void aPasteSharedByExamplesIsMatchedOncePerLanguage() {
    ExampleResults results = ExampleResults.none();
    AtomicInteger runs = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      results.answers("en", "RuntimeError: CUDA error: an illegal memory access was encountered", () -> {
        runs.incrementAndGet();
        return NOTHING;
      });
    }
    results.answers("de", "RuntimeError: CUDA error: an illegal memory access was encountered", () -> {
      runs.incrementAndGet();
      return NOTHING;
    });
    assertEquals(2, runs.get(), "once in each language it is matched for");
    assertEquals(2, results.matched());
    assertEquals(2, results.used().size());
  }

  /** Two threads asking for the same paste at once: one matches it, the other waits for its answers. */
  @Test
  void threadsAskingAtOnceShareOneMatch() throws Exception {
    ExampleResults results = ExampleResults.none();
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = pool.submit(() -> results.answers("en", "paste", () -> {
        runs.incrementAndGet();
        inside.countDown();
        await(release);
        return NOTHING;
      }));
      assertTrue(inside.await(10, TimeUnit.SECONDS));
      Future<?> second = pool.submit(() -> results.answers("en", "paste", () -> {
        runs.incrementAndGet();
        return NOTHING;
      }));
      release.countDown();
      first.get(10, TimeUnit.SECONDS);
      second.get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, runs.get());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
