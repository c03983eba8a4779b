package dev.errata.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** "Did you mean": the bounded search must name the same name as a search that works out every distance in full. */
class NamesTest {
  @Test
  void namesTheCloseOneAndNothingFar() {
    assertEquals(Optional.of("port-in-use"), Names.closest("port-in-us", List.of("port-in-use", "ports", "gpu-oom")));
    assertEquals(Optional.empty(), Names.closest("completely-else", List.of("port-in-use", "gpu-oom")));
    assertEquals(Optional.of("tags"), Names.closest("tagz", List.of("tags", "title")));
    assertEquals(Optional.empty(), Names.closest("x", List.of()));
  }

  @Property(tries = 2000)
  void boundedSearchAgreesWithTheFullOne(@ForAll long seed) {
    Random r = new Random(seed);
    List<String> known = new ArrayList<>();
    int n = r.nextInt(30);
    for (int i = 0; i < n; i++) {
      known.add(word(r));
    }
    String typed = r.nextInt(3) == 0 && !known.isEmpty() ? mutate(known.get(r.nextInt(known.size())), r) : word(r);
    assertEquals(fullSearch(typed, known), Names.closest(typed, known), () -> typed + " among " + known);
  }

  private static String word(Random r) {
    StringBuilder b = new StringBuilder();
    int len = 1 + r.nextInt(14);
    for (int i = 0; i < len; i++) {
      b.append("abc-de".charAt(r.nextInt(6)));
    }
    return b.toString();
  }

  private static String mutate(String s, Random r) {
    StringBuilder b = new StringBuilder(s);
    for (int k = r.nextInt(4); k > 0; k--) {
      int at = r.nextInt(b.length() + 1);
      switch (r.nextInt(3)) {
        case 0 -> b.insert(at, 'x');
        case 1 -> { if (at < b.length()) b.deleteCharAt(at); }
        default -> { if (at < b.length()) b.setCharAt(at, 'y'); }
      }
    }
    return b.length() == 0 ? "z" : b.toString();
  }

  /** The search as first written: every distance in full. */
  private static Optional<String> fullSearch(String typed, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = Names.distance(typed, k);
      if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
        best = k;
        bestDistance = d;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    int allowed = Math.max(1, Math.max(typed.length(), best.length()) / 3);
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }
}
