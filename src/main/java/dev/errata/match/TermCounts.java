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
    Map<String, int[]> growing = new HashMap<>();
    Map<String, Integer> sizes = new HashMap<>();
    for (int e = 0; e < perEntry.size(); e++) {
      TermCounts c = perEntry.get(e);
      for (Map.Entry<String, Integer> t : c.counts.entrySet()) {
        int n = sizes.getOrDefault(t.getKey(), 0);
        int[] a = growing.get(t.getKey());
        if (a == null || a.length < 2 * (n + 1)) {
          a = java.util.Arrays.copyOf(a == null ? new int[4] : a, Math.max(4, (a == null ? 4 : a.length) * 2));
          growing.put(t.getKey(), a);
        }
        double f = t.getValue();
        a[2 * n] = e;
        a[2 * n + 1] = (int) Math.round(MatchIndex.SCALE * f * (MatchIndex.K1 + 1)
            / (f + MatchIndex.K1 * (1 - MatchIndex.B + MatchIndex.B * c.length / avg)));
        sizes.put(t.getKey(), n + 1);
      }
    }
    Map<String, MatchIndex.Posting> out = new HashMap<>(growing.size() * 2);
    growing.forEach((term, a) -> {
      int n = sizes.get(term);
      int[] ids = new int[n];
      int[] w = new int[n];
      for (int k = 0; k < n; k++) {
        ids[k] = a[2 * k];
        w[k] = a[2 * k + 1];
      }
      out.put(term, new MatchIndex.Posting(ids, w));
    });
    return out;
  }
}
