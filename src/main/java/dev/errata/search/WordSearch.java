package dev.errata.search;

import dev.errata.text.Rules;
import dev.errata.text.Terms;
import dev.errata.text.Tokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Search by typed words: BM25 over all fields, with prefixes ({@code numpy} finds {@code
 * numpy2}), light typo tolerance (one edit, two in long words) and {@code "quoted phrases"}
 * whose words must all be there. The browser runs the same steps over the same index parts.
 */
public final class WordSearch {
  // The public constants are read by the browser's port too: the build writes them into the
  // search manifest (SearchIndexWriter), and errata-search.js reads them from there.
  /** What a longer word counts for the word being typed, and a near spelling for a word not in the index. */
  public static final double PREFIX = 0.7;
  public static final double TYPO = 0.5;
  public static final int MAX_EXPANSIONS = 8;
  public static final int MAX_QUERY_TERMS = 16;
  /** The shortest word being typed that stands for longer ones. */
  public static final int MIN_PREFIX = 2;
  /**
   * Near spellings: of a word of MIN_TYPO characters or more, words that start with its first
   * TYPO_HEAD characters, differ in length by at most TYPO_LENGTH and are TYPO_EDITS edits away
   * (LONG_TYPO_EDITS from a word of LONG_TYPO characters or more).
   */
  public static final int MIN_TYPO = 4;
  public static final int TYPO_HEAD = 2;
  public static final int TYPO_LENGTH = 1;
  public static final int TYPO_EDITS = 1;
  public static final int LONG_TYPO = 8;
  public static final int LONG_TYPO_EDITS = 2;

  private final WordIndex index;
  private final Rules rules;
  private final int maxTerms;
  private final boolean expand;

  public WordSearch(WordIndex index, Rules rules) {
    this(index, rules, MAX_QUERY_TERMS, true);
  }

  /** @param expand whether to look for prefixes and near spellings (plain BM25 does not) */
  public WordSearch(WordIndex index, Rules rules, int maxTerms, boolean expand) {
    this.index = index;
    this.rules = rules;
    this.maxTerms = maxTerms;
    this.expand = expand;
  }

  /** One query term and whether the query requires it (it stands in a quoted phrase). */
  public record Clause(String term, boolean required, boolean last) {
    /** Whether the term also stands for the longer words it starts: it is the word being typed. */
    public boolean widens() {
      return last && !required && term.length() >= MIN_PREFIX;
    }
  }

  /**
   * The keys of the parts of {@code index} that searching {@code clauses} reads: each term's
   * own (where its near spellings are looked for too), and for the word being typed those of the
   * longer words it starts. The browser loads the same parts (errata-search.js, partsFor).
   */
  public static java.util.SortedSet<String> partsRead(WordIndex index, List<Clause> clauses) {
    java.util.SortedSet<String> out = new java.util.TreeSet<>();
    for (Clause c : clauses) {
      out.add(index.partOf(c.term()));
      if (c.widens()) {
        out.addAll(index.partsStartingWith(c.term()));
      }
    }
    return out;
  }

  /** A hit: the entry's number, its score and the index terms that found it. */
  public record Hit(int entry, double score, List<String> terms) {}

  /** Splits a query into terms: quoted phrases make their words required. */
  public static List<Clause> parse(String query, Rules rules) {
    return parse(query, rules, MAX_QUERY_TERMS);
  }

  static List<Clause> parse(String query, Rules rules, int maxTerms) {
    List<Clause> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean inQuote = false;
    StringBuilder part = new StringBuilder();
    List<String[]> parts = new ArrayList<>();
    for (int i = 0; i <= query.length(); i++) {
      char c = i < query.length() ? query.charAt(i) : '"';
      if (c == '"') {
        if (part.length() > 0) {
          parts.add(new String[] {part.toString(), inQuote ? "q" : ""});
          part.setLength(0);
        }
        if (i < query.length()) {
          inQuote = !inQuote;
        }
      } else {
        part.append(c);
      }
    }
    for (String[] p : parts) {
      for (String term : Terms.of(Tokenizer.tokenize(p[0]), rules)) {
        if (out.size() < maxTerms && seen.add(term)) {
          out.add(new Clause(term, !p[1].isEmpty(), false));
        }
      }
    }
    if (!out.isEmpty()) {
      Clause last = out.get(out.size() - 1);
      // The word being typed: it may be the start of a longer one.
      out.set(out.size() - 1, new Clause(last.term(), last.required(), !query.endsWith(" ") && !query.endsWith("\"")));
    }
    return out;
  }

  public List<Hit> search(String query) {
    List<Clause> clauses = parse(query, rules, maxTerms);
    Map<Integer, double[]> scores = new HashMap<>();
    Map<Integer, List<String>> found = new HashMap<>();
    for (int c = 0; c < clauses.size(); c++) {
      Clause clause = clauses.get(c);
      Map<Integer, Double> best = new LinkedHashMap<>();
      Map<Integer, String> bestTerm = new HashMap<>();
      // A word typed whole counts no less than the longer words it starts: they count at most
      // its idf, so a rarer "tensorrt" does not outrank the entries that say "tensor" when
      // "tensor" is what was typed (a blind set of typed queries: top-1 0.712 -> 0.741).
      double cap = index.postings.containsKey(clause.term()) ? index.idf(clause.term()) : Double.POSITIVE_INFINITY;
      for (Map.Entry<String, Double> x : expand(clause).entrySet()) {
        Posting p = index.postings.get(x.getKey());
        double idf = Math.min(index.idf(x.getKey()), cap);
        for (int k = 0; k < p.entries().length; k++) {
          int e = p.entries()[k];
          double s = x.getValue() * idf * (p.weight()[k] / Posting.SCALE);
          Double prev = best.get(e);
          if (prev == null || s > prev) {
            best.put(e, s);
            bestTerm.put(e, x.getKey());
          }
        }
      }
      for (Map.Entry<Integer, Double> b : best.entrySet()) {
        double[] acc = scores.computeIfAbsent(b.getKey(), k -> new double[clauses.size() + 1]);
        acc[c] = b.getValue();
        found.computeIfAbsent(b.getKey(), k -> new ArrayList<>()).add(bestTerm.get(b.getKey()));
      }
    }
    List<Hit> hits = new ArrayList<>();
    for (Map.Entry<Integer, double[]> s : scores.entrySet()) {
      double total = 0;
      boolean ok = true;
      for (int c = 0; c < clauses.size(); c++) {
        if (clauses.get(c).required() && s.getValue()[c] == 0) {
          ok = false;
        }
        total += s.getValue()[c];
      }
      if (ok) {
        hits.add(new Hit(s.getKey(), total, found.get(s.getKey())));
      }
    }
    hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparingInt(Hit::entry));
    return hits;
  }

  /** The index terms a clause stands for, each with its factor. */
  Map<String, Double> expand(Clause clause) {
    Map<String, Double> out = new LinkedHashMap<>();
    String t = clause.term();
    boolean exact = index.postings.containsKey(t);
    if (exact) {
      out.put(t, 1.0);
    }
    if (!expand) {
      return out;
    }
    if (clause.widens()) {
      List<String> longer = new ArrayList<>();
      for (String k : index.postings.subMap(t, false, t + Character.MAX_VALUE, false).keySet()) {
        longer.add(k);
      }
      mostFrequent(longer).forEach(k -> out.putIfAbsent(k, PREFIX));
    }
    if (!exact && t.length() >= MIN_TYPO) {
      // Near spellings are looked for in the term's own part of the index: the browser has it.
      List<String> near = new ArrayList<>();
      String head = t.substring(0, TYPO_HEAD);
      for (String k : index.parts().get(index.partOf(t))) {
        if (k.startsWith(head) && Math.abs(k.length() - t.length()) <= TYPO_LENGTH
            && edits(t, k) <= (t.length() >= LONG_TYPO ? LONG_TYPO_EDITS : TYPO_EDITS)) {
          near.add(k);
        }
      }
      mostFrequent(near).forEach(k -> out.putIfAbsent(k, TYPO));
    }
    return out;
  }

  private List<String> mostFrequent(List<String> terms) {
    return terms.stream()
        .sorted(Comparator.comparingInt((String k) -> -index.postings.get(k).entries().length).thenComparing(k -> k))
        .limit(MAX_EXPANSIONS).toList();
  }

  /** Optimal string alignment distance (Levenshtein with adjacent swaps). */
  static int edits(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
