package dev.errata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {
  @Test
  void keepsTheItemsOrderWhateverTheyCost() {
    List<Integer> items = IntStream.range(0, 500).boxed().toList();
    List<Integer> out = Parallel.map(items, i -> {
      if (i % 97 == 0) {
        busy(2_000_000); // a few items cost far more than the rest, as some entries' examples do
      }
      return i * 2;
    });
    assertEquals(items.stream().map(i -> i * 2).toList(), out);
  }

  @Test
  void takesEachItemExactlyOnce() {
    Set<Integer> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger calls = new AtomicInteger();
    Parallel.each(IntStream.range(0, 1000).boxed().toList(), i -> {
      calls.incrementAndGet();
      seen.add(i);
    });
    assertEquals(1000, calls.get());
    assertEquals(1000, seen.size());
  }

  @Test
  void nothingToDoIsNothing() {
    assertEquals(List.of(), Parallel.map(List.<String>of(), s -> s));
    assertEquals(List.of("a"), Parallel.map(List.of("a"), s -> s));
  }

  @Test
  void whatAnItemThrowsIsRethrownAsItWasAndTheRestStop() {
    IllegalStateException boom = new IllegalStateException("entry 3");
    AtomicInteger after = new AtomicInteger();
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.map(
        IntStream.range(0, 100_000).boxed().toList(), i -> {
          if (i == 3) {
            throw boom;
          }
          // Each item costs a little, so that the other thread cannot run through 50,000 of them
          // in the moment between the failing item being taken and its failure being seen.
          busy(2_000);
          if (i > 50_000) {
            after.incrementAndGet();
          }
          return i;
        }));
    assertSame(boom, thrown);
    // Without the stop, every one of the 49,999 items above 50,000 would be taken.
    assertTrue(after.get() < 10_000, "items after a failure are not all taken: " + after.get());
  }

  @Test
  void errorsToo() {
    StackOverflowError deep = new StackOverflowError("a template too deep");
    assertSame(deep, assertThrows(StackOverflowError.class, () -> Parallel.each(List.of(1, 2, 3), i -> {
      throw deep;
    })));
  }

  private static void busy(long n) {
    long x = 0;
    for (long k = 0; k < n; k++) {
      x += k ^ (x >>> 3);
    }
    if (x == 42) {
      System.out.print("");
    }
  }
}
