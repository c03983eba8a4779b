package dev.errata.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /**
   * A rebuild after an edit posts again only the edited entries' terms: the result must be the
   * postings built from scratch, for edits that drop terms, add new ones and change counts. An
   * edit that moves the average length, or changes how many entries there are, is not patched.
   */
  @Test
  void postingsPatchedAfterAnEditAreThoseBuiltFromScratch() {
    Random random = new Random(7);
    TermCounts.Counting counting = new TermCounts.Counting(Rules.defaults());
    TermCounts[] before = new TermCounts[301];
    for (int e = 0; e < before.length; e++) {
      before[e] = counts(counting, random, 600);
    }
    int patched = 0;
    for (int trial = 0; trial < 40; trial++) {
      TermCounts[] after = before.clone();
      for (int edits = 1 + trial % 3; edits > 0; edits--) {
        // Words beyond the others' (new terms) in some, fewer kinds of words (dropped terms) in others.
        after[random.nextInt(after.length)] = counts(counting, random, trial % 2 == 0 ? 900 : 30);
      }
      var postings = new TreeMap<>(counting.postings(List.of(before)));
      var patch = TermCounts.patch(before, postings, after, counting.table());
      Map<String, Posting> expected = onePass(counting, List.of(after));
      if (patch.isPresent()) {
        patched++;
        assertEquals(expected.keySet(), patch.get().keySet(), "trial " + trial);
        expected.forEach((term, p) -> {
          assertArrayEquals(p.entries(), patch.get().get(term).entries(), term);
          assertArrayEquals(p.weight(), patch.get().get(term).weight(), term);
        });
      } else {
        assertNotEquals(TermCounts.averageLength(List.of(before)), TermCounts.averageLength(List.of(after)), "trial " + trial);
      }
      before = after;
    }
    assertTrue(patched > 20, "most edits keep the average length: " + patched + " of 40 patched");
    assertTrue(TermCounts.patch(before, new TreeMap<>(counting.postings(List.of(before))),
        java.util.Arrays.copyOf(before, before.length - 1), counting.table()).isEmpty(), "an entry fewer: built again");
  }

  private static TermCounts counts(TermCounts.Counting counting, Random random, int vocabulary) {
    TermCounts.Counter c = counting.entry();
    for (int field = 0; field < 4; field++) {
      StringBuilder text = new StringBuilder();
      for (int w = 40 + random.nextInt(40); w > 0; w--) {
        text.append(" word").append(random.nextInt(random.nextBoolean() ? 20 : vocabulary));
      }
      c.add(List.of(text), new int[] {10, 20, 30, 7}[field]);
    }
    return c.done();
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
