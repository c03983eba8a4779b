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

  private final String[][] terms;
  private final int[][] weights;
  final int length;

  private TermCounts(String[][] terms, int[][] weights, int length) {
    this.terms = terms;
    this.weights = weights;
    this.length = length;
  }

  /**
   * Counts entries on any number of threads. Each entry counts in a counter no other thread is
   * using, with a table of terms of its own (see {@link TermTable}); counters are reused, so there
   * are about as many as threads. All tables share one String per distinct term: 10,000 bodies
   * hold three million (entry, term) pairs, and sharing cut both the memory they take and the
   * merge, where equal terms are the same object.
   */
  static final class Counting {
    private final Map<String, String> pool = new java.util.concurrent.ConcurrentHashMap<>(1 << 16);
    private final java.util.Queue<Counter> idle = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Rules rules;

    Counting(Rules rules) {
      this.rules = rules;
    }

    /** An empty counter for one entry, which it gives back with {@link Counter#done()}. */
    Counter entry() {
      Counter c = idle.poll();
      return c != null ? c : new Counter(this, new TermTable(pool, rules));
    }
  }

  /** One entry's counts as they grow; reused, with its table, for a later entry. */
  static final class Counter {
    private final Counting owner;
    private final TermTable table;
    private int[] counts = new int[1 << 12];
    /** Which entry of this counter last counted each term: 0 for none yet. */
    private int[] seen = new int[1 << 12];
    private int entry = 1;
    private int[] touched = new int[1 << 10];
    private int distinct;
    private int length;
    private int weight;
    private final java.util.function.IntConsumer count = this::count;

    private Counter(Counting owner, TermTable table) {
      this.owner = owner;
      this.table = table;
    }

    /** Adds every term of {@code texts} with {@code weight}. */
    Counter add(List<String> texts, int weight) {
      this.weight = weight;
      for (String text : texts) {
        if (text != null && !text.isEmpty()) {
          Terms.scan(text, table, count);
        }
      }
      return this;
    }

    private void count(int id) {
      if (id >= counts.length) {
        counts = java.util.Arrays.copyOf(counts, Math.max(counts.length * 2, id + 1));
        seen = java.util.Arrays.copyOf(seen, counts.length);
      }
      if (seen[id] != entry) {
        seen[id] = entry;
        counts[id] = 0;
        if (distinct == touched.length) {
          touched = java.util.Arrays.copyOf(touched, distinct * 2);
        }
        touched[distinct++] = id;
      }
      counts[id] += weight;
      length += weight;
    }

    /**
     * Ends the entry: its terms as arrays split into their merge groups. The counter goes back to
     * be reused.
     */
    TermCounts done() {
      int[] sizes = new int[GROUPS];
      for (int i = 0; i < distinct; i++) {
        sizes[table.group(touched[i])]++;
      }
      String[][] terms = new String[GROUPS][];
      int[][] weights = new int[GROUPS][];
      for (int g = 0; g < GROUPS; g++) {
        terms[g] = new String[sizes[g]];
        weights[g] = new int[sizes[g]];
      }
      int[] fill = new int[GROUPS];
      for (int i = 0; i < distinct; i++) {
        int id = touched[i];
        String t = table.term(id);
        int g = table.group(id);
        terms[g][fill[g]] = t;
        weights[g][fill[g]++] = counts[id];
      }
      TermCounts out = new TermCounts(terms, weights, length);
      distinct = 0;
      length = 0;
      entry++;
      owner.idle.add(this);
      return out;
    }
  }

  static int group(String term) {
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
