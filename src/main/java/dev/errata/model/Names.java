package dev.errata.model;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for names people mistype: keys, tags, components, ids, statuses. */
public final class Names {
  private Names() {}

  /**
   * The known name closest to {@code typed} by edit distance, if it is close enough to be the
   * intended one (at most a third of the longer name's length, and at least one edit allowed).
   *
   * <p>Distances are only worked out as far as they can matter: beyond the closest found so far,
   * or beyond the most any known name would be allowed (then even the closest is too far). A
   * knowledge base of 10,000 entries whose links a rename broke asks this thousands of times over
   * 10,000 ids; whole distances took minutes.
   */
  public static Optional<String> closest(String typed, Collection<String> known) {
    int longest = typed.length();
    for (String k : known) {
      longest = Math.max(longest, k.length());
    }
    int cap = allowed(typed, longest);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(typed, k, Math.min(cap, bestDistance));
      if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
        best = k;
        bestDistance = d;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    return bestDistance <= allowed(typed, best.length()) ? Optional.of(best) : Optional.empty();
  }

  private static int allowed(String typed, int length) {
    return Math.max(1, Math.max(typed.length(), length) / 3);
  }

  /** A hint such as {@code did you mean 'tags'?}, or empty. */
  public static String didYouMean(String typed, Collection<String> known) {
    return closest(typed, known).map(k -> "did you mean '" + k + "'?").orElse("");
  }

  static int distance(String a, String b) {
    return distance(a, b, Integer.MAX_VALUE - 1);
  }

  /**
   * The edit distance of {@code a} and {@code b} when it is at most {@code limit}, else some
   * number above {@code limit}: a row whose every cell is over the limit ends the work, as no
   * later cell can come back under it.
   */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int least = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        least = Math.min(least, cur[j]);
      }
      if (least > limit) {
        return limit + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
