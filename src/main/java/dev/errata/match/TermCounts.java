package dev.errata.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Weighted term counts of one entry, and the postings built from all entries' counts. Entries
 * are counted in parallel, each on its own, then merged in entry order so that postings come out
 * sorted without sorting. The merge runs in parallel too, one group of terms (by hash) per task:
 * it touches every term of every entry, and on one thread it was the longest single step of a
 * large build.
 */
final class TermCounts {
  /** Groups of terms merged side by side; a power of two. */
  private static final int GROUPS = 8;

  private final Map<String, String> shared;
  private Map<String, int[]> counts = new HashMap<>();
  private String[][] terms;
  private int[][] weights;
  int length;

  /**
   * @param shared one String per distinct term across all entries of an index: 10,000 bodies
   *     hold three million (entry, term) pairs, and sharing cut both the memory they take
   *     and the merge, where equal terms are now the same object
   */
  TermCounts(Map<String, String> shared) {
    this.shared = shared;
  }

  /** A pool for {@link #TermCounts(Map)}, safe to share between threads. */
  static Map<String, String> pool() {
    return new java.util.concurrent.ConcurrentHashMap<>(1 << 16);
  }

  /** Adds every term of {@code texts} with {@code weight}. */
  TermCounts add(List<String> texts, int weight, Rules rules) {
    for (String text : texts) {
      if (text == null || text.isEmpty()) {
        continue;
      }
      Terms.scan(text, rules, term -> count(term, weight));
    }
    return this;
  }

  private void count(String term, int weight) {
    int[] count = counts.get(term);
    if (count == null) {
      String known = shared.putIfAbsent(term, term);
      count = new int[1];
      counts.put(known == null ? term : known, count);
    }
    count[0] += weight;
    length += weight;
  }

  /** Ends counting: the terms, split into their merge groups. */
  private void done() {
    int[] sizes = new int[GROUPS];
    for (String t : counts.keySet()) {
      sizes[group(t)]++;
    }
    terms = new String[GROUPS][];
    weights = new int[GROUPS][];
    for (int g = 0; g < GROUPS; g++) {
      terms[g] = new String[sizes[g]];
      weights[g] = new int[sizes[g]];
    }
    int[] fill = new int[GROUPS];
    counts.forEach((t, w) -> {
      int g = group(t);
      terms[g][fill[g]] = t;
      weights[g][fill[g]++] = w[0];
    });
    counts = null;
  }

  private static int group(String term) {
    return term.hashCode() & (GROUPS - 1);
  }

  /** The searchable text of fixes: titles, commands, configuration snippets, details. */
  static List<String> fixTexts(List<dev.errata.model.Fix> fixes) {
    List<String> out = new ArrayList<>();
    for (dev.errata.model.Fix f : fixes) {
      out.add(f.title());
      out.addAll(f.commands());
      out.add(f.config());
      out.add(f.detail());
    }
    return out;
  }

  /** BM25 postings with each entry's length folded in and quantized (see {@link MatchIndex.Posting}). */
  static Map<String, MatchIndex.Posting> postings(List<TermCounts> perEntry) {
    long sum = 0;
    for (TermCounts c : perEntry) {
      sum += c.length;
    }
    double avg = perEntry.isEmpty() ? 1 : Math.max(1, (double) sum / perEntry.size());
    perEntry.parallelStream().forEach(TermCounts::done);
    double[] norms = new double[perEntry.size()];
    for (int e = 0; e < norms.length; e++) {
      norms[e] = MatchIndex.K1 * (1 - MatchIndex.B + MatchIndex.B * perEntry.get(e).length / avg);
    }
    List<Map<String, MatchIndex.Posting>> groups = IntStream.range(0, GROUPS).parallel()
        .mapToObj(g -> group(perEntry, norms, g)).toList();
    Map<String, MatchIndex.Posting> out = new HashMap<>(groups.stream().mapToInt(Map::size).sum() * 2);
    groups.forEach(out::putAll);
    return out;
  }

  private static Map<String, MatchIndex.Posting> group(List<TermCounts> perEntry, double[] norms, int g) {
    Map<String, Growing> growing = new HashMap<>();
    for (int e = 0; e < perEntry.size(); e++) {
      TermCounts c = perEntry.get(e);
      String[] ts = c.terms[g];
      int[] ws = c.weights[g];
      for (int i = 0; i < ts.length; i++) {
        double f = ws[i];
        growing.computeIfAbsent(ts[i], k -> new Growing())
            .add(e, (int) Math.round(MatchIndex.SCALE * f * (MatchIndex.K1 + 1) / (f + norms[e])));
      }
    }
    Map<String, MatchIndex.Posting> out = new HashMap<>(growing.size() * 2);
    growing.forEach((term, p) -> out.put(term, new MatchIndex.Posting(java.util.Arrays.copyOf(p.ids, p.n),
        java.util.Arrays.copyOf(p.weights, p.n))));
    return out;
  }

  /** A posting being filled, entry by entry. */
  private static final class Growing {
    int[] ids = new int[2];
    int[] weights = new int[2];
    int n;

    void add(int id, int weight) {
      if (n == ids.length) {
        ids = java.util.Arrays.copyOf(ids, n * 2);
        weights = java.util.Arrays.copyOf(weights, n * 2);
      }
      ids[n] = id;
      weights[n] = weight;
      n++;
    }
  }
}
