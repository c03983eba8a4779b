package dev.errata.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.errata.text.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The postings are built on two threads, each over half of the entries, with each entry's
 * weights worked out once per distinct count: they must be what one pass over every entry, term
 * by term, gives.
 */
class TermCountsTest {
  @Test
  void thePostingsAreThoseOfOnePassInEntryOrder() {
    for (int entries : new int[] {0, 1, 2, 3, 301}) {
      Random random = new Random(entries);
      TermCounts.Counting counting = new TermCounts.Counting(Rules.defaults());
      List<TermCounts> counts = new ArrayList<>();
      for (int e = 0; e < entries; e++) {
        TermCounts.Counter c = counting.entry();
        for (int field = 0; field < 4; field++) {
          StringBuilder text = new StringBuilder();
          for (int w = random.nextInt(120); w > 0; w--) {
            text.append(" word").append(random.nextInt(random.nextBoolean() ? 20 : 600));
          }
          c.add(List.of(text), new int[] {10, 20, 30, 7}[field]);
        }
        counts.add(c.done());
      }
      Map<String, Posting> built = counting.postings(counts);
      Map<String, Posting> expected = onePass(counting, counts);
      assertEquals(new TreeMap<>(expected).keySet(), new TreeMap<>(built).keySet(), entries + " entries");
      expected.forEach((term, p) -> {
        assertArrayEquals(p.entries(), built.get(term).entries(), term);
        assertArrayEquals(p.weight(), built.get(term).weight(), term);
      });
    }
  }

  /** The postings as the formula gives them, entry after entry, term after term. */
  private static Map<String, Posting> onePass(TermCounts.Counting counting, List<TermCounts> counts) {
    String[] table = counting.table();
    long sum = 0;
    for (TermCounts c : counts) {
      sum += counting.keep(c).length();
    }
    double avg = TermCounts.averageLength(sum, counts.size());
    Map<String, List<int[]>> byTerm = new TreeMap<>();
    for (int e = 0; e < counts.size(); e++) {
      TermCounts.Kept k = counting.keep(counts.get(e));
      double norm = Posting.K1 * (1 - Posting.B + Posting.B * k.length() / avg);
      for (int i = 0; i < k.terms().length; i++) {
        double f = k.weights()[i];
        int w = (int) Math.round(Posting.SCALE * f * (Posting.K1 + 1) / (f + norm));
        byTerm.computeIfAbsent(table[k.terms()[i]], t -> new ArrayList<>()).add(new int[] {e, w});
      }
    }
    Map<String, Posting> out = new TreeMap<>();
    byTerm.forEach((term, list) -> out.put(term,
        new Posting(list.stream().mapToInt(x -> x[0]).toArray(), list.stream().mapToInt(x -> x[1]).toArray())));
    return out;
  }
}
