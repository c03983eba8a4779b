package dev.errata.match;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted term counts of one entry, and the postings built from all entries' counts. Entries
 * are counted in parallel, each on its own, then merged in entry order so that postings come out
 * sorted without sorting.
 */
final class TermCounts {
  final Map<String, Integer> counts = new LinkedHashMap<>();
  int length;

  /** Adds every term of {@code texts} with {@code weight}. */
  TermCounts add(List<String> texts, int weight, Rules rules) {
    for (String text : texts) {
      if (text == null || text.isEmpty()) {
        continue;
      }
      for (String term : Terms.of(Tokenizer.tokenize(text), rules)) {
        counts.merge(term, weight, Integer::sum);
        length += weight;
      }
    }
    return this;
  }

  /** The searchable text of fixes: titles, commands, configuration snippets, details. */
  static List<String> fixTexts(List<dev.errata.model.Fix> fixes) {
    List<String> out = new java.util.ArrayList<>();
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
    // One lookup per occurrence and no boxing: this loop sees every term of every entry.
    Map<String, Growing> growing = new HashMap<>(1 << 16);
    for (int e = 0; e < perEntry.size(); e++) {
      TermCounts c = perEntry.get(e);
      double norm = MatchIndex.K1 * (1 - MatchIndex.B + MatchIndex.B * c.length / avg);
      for (Map.Entry<String, Integer> t : c.counts.entrySet()) {
        double f = t.getValue();
        growing.computeIfAbsent(t.getKey(), k -> new Growing())
            .add(e, (int) Math.round(MatchIndex.SCALE * f * (MatchIndex.K1 + 1) / (f + norm)));
      }
    }
    Map<String, MatchIndex.Posting> out = new HashMap<>(growing.size() * 2);
    growing.forEach((term, g) -> out.put(term, new MatchIndex.Posting(java.util.Arrays.copyOf(g.ids, g.n),
        java.util.Arrays.copyOf(g.weights, g.n))));
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
