package dev.errata.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Matcher#candidates} selects as the templates come; it must give exactly the head of the
 * sorted list (more shared weight, then the lower number) with at most CANDIDATES_PER_SHARE of
 * any one share, whatever order the templates are reached in.
 */
class CandidatesTest {
  @Test
  void theSelectionIsTheHeadOfTheSortedLimitedList() {
    Random r = new Random(11);
    for (int round = 0; round < 20_000; round++) {
      int templates = 1 + r.nextInt(round % 10 == 0 ? 3000 : 300);
      // Few distinct shares make crowds; many make none.
      int shares = 1 + r.nextInt(r.nextBoolean() ? 4 : 200);
      double[] acc = new double[templates];
      List<Integer> touched = new ArrayList<>();
      for (int t = 0; t < templates; t++) {
        if (r.nextInt(4) > 0) {
          acc[t] = 0.5 * (1 + r.nextInt(shares));
          touched.add(t);
        }
      }
      Collections.shuffle(touched, r);
      double least = 0.5 * r.nextInt(Math.max(1, shares / 2) + 1);
      int[] in = touched.stream().mapToInt(Integer::intValue).toArray();
      int[] best = new int[Matcher.CANDIDATES_PER_LINE];
      int n = Matcher.candidates(in, in.length, acc, least, best);
      assertArrayEquals(expected(touched, acc, least), Arrays.copyOf(best, n), "round " + round);
    }
  }

  /** Everything sorted, then each share cut to its limit, then the places filled. */
  private static int[] expected(List<Integer> touched, double[] acc, double least) {
    List<Integer> sorted = new ArrayList<>(touched.stream().filter(t -> acc[t] >= least).toList());
    sorted.sort(Comparator.comparingDouble((Integer t) -> -acc[t]).thenComparingInt(t -> t));
    List<Integer> out = new ArrayList<>();
    int run = 0;
    double share = Double.NaN;
    for (int t : sorted) {
      run = acc[t] == share ? run + 1 : 1;
      share = acc[t];
      if (run <= Matcher.CANDIDATES_PER_SHARE && out.size() < Matcher.CANDIDATES_PER_LINE) {
        out.add(t);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
