package dev.errata.search;

import dev.errata.text.Rules;
import dev.errata.text.TermTable;
import dev.errata.text.Terms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted term counts of one entry, and the postings built from all entries' counts. Entries
 * are counted in parallel, each on its own; every distinct term gets one number across threads,
 * so that an entry's counts are two int arrays and the postings are filled by number, in entry
 * order, sorted without sorting, with no hash map per (entry, term) pair, of which a large
 * knowledge base has millions.
 */
public final class TermCounts {
  private final int[] terms;
  private final int[] weights;
  final int length;

  private TermCounts(int[] terms, int[] weights, int length) {
    this.terms = terms;
    this.weights = weights;
    this.length = length;
  }

  /**
   * Counts entries on any number of threads. Each entry counts in a counter no other thread is
   * using, with a table of terms of its own (see {@link TermTable}); counters are reused, so there
   * are about as many as threads. All tables number their terms in one {@link TermTable.Registry}.
   */
  public static final class Counting {
    private final TermTable.Registry registry = new TermTable.Registry();
    private final java.util.Queue<Counter> idle = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Rules rules;
    private final boolean synonyms;

    /** A counting that leaves synonyms alone: the matcher's relevance compares a paste's own words. */
    public Counting(Rules rules) {
      this(rules, false);
    }

    /** @param synonyms whether each phrase of a group of synonyms counts the group's others too (word search) */
    public Counting(Rules rules, boolean synonyms) {
      this.rules = rules;
      this.synonyms = synonyms;
    }

    /** An empty counter for one entry, which it gives back with {@link Counter#done()}. */
    public Counter entry() {
      Counter c = idle.poll();
      return c != null ? c : new Counter(this, new TermTable(registry, rules, synonyms));
    }

    /** How many distinct terms this counting has numbered, counted entries of earlier builds included. */
    public int termsNumbered() {
      return registry.terms().length;
    }

    /** Every term numbered so far, by number: the table that {@link #keep} refers to. */
    public String[] table() {
      return registry.terms();
    }

    /** An entry's counts by the numbers of {@link #table}: what a build keeps on disk for the next one. */
    public Kept keep(TermCounts c) {
      return new Kept(c.terms, c.weights, c.length);
    }

    /**
     * Counts kept by an earlier build, whose terms are numbered by {@code table}, numbered in this
     * counting instead. The table is looked up once, not every entry's terms: a fresh counting
     * numbers the table's terms as the table does, and nothing is renumbered.
     */
    public java.util.function.Function<Kept, TermCounts> restoring(String[] table) {
      int[] number = registry.ids(table);
      boolean same = true;
      for (int i = 0; i < number.length && same; i++) {
        same = number[i] == i;
      }
      if (same) {
        // Numbered as the table numbers them (a fresh counting): the kept arrays serve as they
        // are. Neither side writes into them.
        return k -> new TermCounts(k.terms(), k.weights(), k.length());
      }
      return k -> {
        int[] terms = new int[k.terms().length];
        for (int i = 0; i < terms.length; i++) {
          terms[i] = number[k.terms()[i]];
        }
        return new TermCounts(terms, k.weights(), k.length());
      };
    }

    /** The postings of {@code perEntry}, the counts of entries 0, 1, 2... made by this counting. */
    public Map<String, Posting> postings(List<TermCounts> perEntry) {
      return TermCounts.postings(perEntry, registry.terms());
    }
  }

  /**
   * One entry's counts as a build keeps them for the next: its terms by their numbers in a table
   * kept beside them ({@link Counting#table}), their weights, and the entry's length.
   */
  public record Kept(int[] terms, int[] weights, int length) {
    public Kept {
      if (terms.length != weights.length) {
        throw new IllegalArgumentException("a weight for each term");
      }
    }
  }

  /** One entry's counts as they grow; reused, with its table, for a later entry. */
  public static final class Counter {
    private final Counting owner;
    private final TermTable table;
    /**
     * Per term of the table, side by side (one cache line, not two): at {@code 2 * id} which
     * entry of this counter last counted it (0 for none yet), at {@code 2 * id + 1} its count.
     */
    private int[] counts = new int[2 << 12];
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
    public Counter add(List<? extends CharSequence> texts, int weight) {
      this.weight = weight;
      for (CharSequence text : texts) {
        if (text != null && text.length() > 0) {
          Terms.scan(text, table, count);
        }
      }
      return this;
    }

    private void count(int id) {
      int at = 2 * id;
      if (at >= counts.length) {
        counts = java.util.Arrays.copyOf(counts, Math.max(counts.length * 2, at + 2));
      }
      if (counts[at] != entry) {
        counts[at] = entry;
        counts[at + 1] = 0;
        if (distinct == touched.length) {
          touched = java.util.Arrays.copyOf(touched, distinct * 2);
        }
        touched[distinct++] = id;
      }
      counts[at + 1] += weight;
      length += weight;
    }

    /** Ends the entry: its terms, by their numbers in the registry. The counter goes back to be reused. */
    public TermCounts done() {
      int[] terms = new int[distinct];
      int[] weights = new int[distinct];
      for (int i = 0; i < distinct; i++) {
        int id = touched[i];
        terms[i] = table.registered(id);
        weights[i] = counts[2 * id + 1];
      }
      TermCounts out = new TermCounts(terms, weights, length);
      distinct = 0;
      length = 0;
      entry++;
      owner.idle.add(this);
      return out;
    }
  }

  /** BM25's length normalization of an entry's counts. */
  private static double norm(TermCounts c, double avg) {
    return Posting.K1 * (1 - Posting.B + Posting.B * c.length / avg);
  }

  /** The quantized weight of a term counted {@code f} in an entry of normalization {@code norm}. */
  private static int weight(int f, double norm) {
    return (int) Math.round(Posting.SCALE * (double) f * (Posting.K1 + 1) / ((double) f + norm));
  }

  /**
   * The postings of {@code after} made from those of {@code before} by changing only the terms of
   * the entries whose counts are other objects (edited): equal to {@link Counting#postings} of
   * {@code after}, or empty when that would be no cheaper or not the same (another number of
   * entries, another average length, which changes every weight, or many entries changed). The
   * counts of both are numbered by the same counting, whose table is {@code terms}.
   */
  static java.util.Optional<java.util.NavigableMap<String, Posting>> patch(TermCounts[] before,
      java.util.NavigableMap<String, Posting> postings, TermCounts[] after, String[] terms) {
    int n = after.length;
    if (before.length != n) {
      return java.util.Optional.empty();
    }
    List<Integer> changed = new ArrayList<>();
    long sumBefore = 0;
    long sumAfter = 0;
    for (int i = 0; i < n; i++) {
      sumBefore += before[i].length;
      sumAfter += after[i].length;
      if (before[i] != after[i]) {
        changed.add(i);
      }
    }
    double avg = averageLength(sumAfter, n);
    if (changed.size() > Math.max(16, n / 100) || avg != averageLength(sumBefore, n)) {
      return java.util.Optional.empty();
    }
    java.util.BitSet touched = new java.util.BitSet();
    for (int i : changed) {
      for (int t : before[i].terms) {
        touched.set(t);
      }
      for (int t : after[i].terms) {
        touched.set(t);
      }
    }
    // Each edited entry's count of a term, looked up by binary search: a scan of its terms for
    // each touched term would be quadratic in the entry's distinct terms.
    java.util.Map<Integer, java.util.function.IntUnaryOperator> counted = new java.util.HashMap<>();
    for (int i : changed) {
      counted.put(i, after[i].counts());
    }
    java.util.TreeMap<String, Posting> out = new java.util.TreeMap<>(postings);
    for (int t = touched.nextSetBit(0); t >= 0; t = touched.nextSetBit(t + 1)) {
      Posting old = postings.get(terms[t]);
      int[] oldIds = old == null ? new int[0] : old.entries();
      int[] oldWeights = old == null ? new int[0] : old.weight();
      int[] ids = new int[oldIds.length + changed.size()];
      int[] weights = new int[ids.length];
      int k = 0;
      int o = 0;
      for (int i : changed) {
        for (; o < oldIds.length && oldIds[o] < i; o++, k++) {
          ids[k] = oldIds[o];
          weights[k] = oldWeights[o];
        }
        if (o < oldIds.length && oldIds[o] == i) {
          o++; // the entry's old weight: replaced below, if it still has the term
        }
        int f = counted.get(i).applyAsInt(t);
        if (f > 0) {
          ids[k] = i;
          weights[k++] = weight(f, norm(after[i], avg));
        }
      }
      for (; o < oldIds.length; o++, k++) {
        ids[k] = oldIds[o];
        weights[k] = oldWeights[o];
      }
      if (k == 0) {
        out.remove(terms[t]);
      } else {
        out.put(terms[t], new Posting(java.util.Arrays.copyOf(ids, k), java.util.Arrays.copyOf(weights, k)));
      }
    }
    return java.util.Optional.of(out);
  }

  /** This entry's count of each term number, 0 for a term it does not have. */
  private java.util.function.IntUnaryOperator counts() {
    long[] byTerm = new long[terms.length];
    for (int i = 0; i < terms.length; i++) {
      byTerm[i] = (long) terms[i] << 32 | (weights[i] & 0xffffffffL);
    }
    java.util.Arrays.sort(byTerm);
    return t -> {
      int at = java.util.Arrays.binarySearch(byTerm, (long) t << 32);
      int next = at >= 0 ? at : -at - 1;
      return next < byTerm.length && (int) (byTerm[next] >>> 32) == t ? (int) byTerm[next] : 0;
    };
  }

  /** The searchable text of fixes: titles, commands, configuration snippets, details. */
  public static List<String> fixTexts(List<dev.errata.model.Fix> fixes) {
    List<String> out = new ArrayList<>();
    for (dev.errata.model.Fix f : fixes) {
      out.add(f.title());
      out.addAll(f.commands());
      out.add(f.config());
      out.add(f.detail());
    }
    return out;
  }

  /** The average length that BM25 divides each entry's length by ({@link #averageLength(long, int)}). */
  public static double averageLength(List<TermCounts> perEntry) {
    long sum = 0;
    for (TermCounts c : perEntry) {
      sum += c.length;
    }
    return averageLength(sum, perEntry.size());
  }

  /**
   * The average length, held on a grid of a 64th of its leading power of two (steps of 16 near
   * 2,000, of 1 below 128): one entry's edit rarely moves it, so it leaves every other entry's
   * weights as they were, and the examples an edit cannot reach keep their recorded answers.
   * A step is under 1.6% of the average, which moves a length's normalization by less than that.
   */
  static double averageLength(long sum, int entries) {
    if (entries == 0) {
      return 1;
    }
    double avg = Math.max(1, (double) sum / entries);
    double step = Math.max(1, Long.highestOneBit((long) avg) / 64.0);
    return Math.floor(avg / step) * step;
  }

  /**
   * BM25 postings with each entry's length folded in and quantized (see {@link
   * Posting}): each term's postings are sized by a first pass and filled by a second,
   * entry by entry, so they come out in entry order. Both passes run on two threads, each over
   * half of the entries: the second half's postings of a term start where the first half's end,
   * so the result is the one pass's. Within an entry, a weight is worked out once per distinct
   * count (most of an entry's terms share a few), not once per term.
   */
  private static Map<String, Posting> postings(List<TermCounts> perEntry, String[] terms) {
    long sum = 0;
    for (TermCounts c : perEntry) {
      sum += c.length;
    }
    double avg = averageLength(sum, perEntry.size());
    int n = perEntry.size();
    List<int[]> halves = List.of(new int[] {0, n / 2}, new int[] {n / 2, n});
    List<int[]> df = dev.errata.Parallel.map(halves, h -> {
      int[] count = new int[terms.length];
      for (int e = h[0]; e < h[1]; e++) {
        for (int t : perEntry.get(e).terms) {
          count[t]++;
        }
      }
      return count;
    });
    int[] first = df.get(0);
    int[] second = df.get(1);
    int[][] ids = new int[terms.length][];
    int[][] weights = new int[terms.length][];
    for (int t = 0; t < terms.length; t++) {
      ids[t] = new int[first[t] + second[t]];
      weights[t] = new int[first[t] + second[t]];
    }
    // Where each half writes next in a term's postings: the first half from its start, the second after the first half's.
    java.util.Arrays.fill(second, 0);
    List<int[]> fill = List.of(second, first);
    dev.errata.Parallel.each(List.of(0, 1), k -> fill(perEntry, halves.get(k), avg, ids, weights, fill.get(k)));
    Map<String, Posting> out = new HashMap<>(terms.length * 2);
    for (int t = 0; t < terms.length; t++) {
      if (ids[t].length > 0) {
        out.put(terms[t], new Posting(ids[t], weights[t]));
      }
    }
    return out;
  }

  /** Fills the postings of entries {@code range[0]} to {@code range[1]}, each term's at {@code at[term]} on. */
  private static void fill(List<TermCounts> perEntry, int[] range, double avg, int[][] ids, int[][] weights, int[] at) {
    // A direct-mapped memo of an entry's weights by count, cleared per entry by its stamp.
    int[] memoCount = new int[64];
    int[] memoWeight = new int[64];
    int[] memoEntry = new int[64];
    java.util.Arrays.fill(memoEntry, -1);
    for (int e = range[0]; e < range[1]; e++) {
      TermCounts c = perEntry.get(e);
      double norm = norm(c, avg);
      int[] cTerms = c.terms;
      int[] cWeights = c.weights;
      for (int i = 0; i < cTerms.length; i++) {
        int t = cTerms[i];
        int f = cWeights[i];
        int slot = f & 63;
        int w;
        if (memoEntry[slot] == e && memoCount[slot] == f) {
          w = memoWeight[slot];
        } else {
          w = weight(f, norm);
          memoEntry[slot] = e;
          memoCount[slot] = f;
          memoWeight[slot] = w;
        }
        int k = at[t]++;
        ids[t][k] = e;
        weights[t][k] = w;
      }
    }
  }
}
