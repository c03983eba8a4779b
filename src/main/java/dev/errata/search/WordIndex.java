package dev.errata.search;

import dev.errata.text.Rules;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.model.Symptom;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The index behind word search: BM25 over every field an entry has, the Markdown body included,
 * with terms kept in order so that prefixes and near spellings can be looked up. The site's
 * search reads it in parts, split by the first letters of terms.
 */
public final class WordIndex {
  /** Field weights of word search, integers for the same reason as the matcher's. */
  public record Weights(int title, int symptom, int summary, int cause, int fix, int body) {
    public static final Weights SEARCH = new Weights(30, 30, 20, 10, 10, 10);
    /** Every field alike: the plain BM25 the evaluation reports as its baseline. */
    public static final Weights PLAIN = new Weights(10, 10, 10, 10, 10, 10);
  }

  /** Aimed size of one part of the word index, in bytes of JSON before compression. */
  static final int PART_BYTES = 24_000;

  final int entries;
  final NavigableMap<String, Posting> postings;
  /** First term of a part -> the terms of that part, in order; the first part's key is "". */
  final NavigableMap<String, List<String>> parts;

  public WordIndex(int entries, NavigableMap<String, Posting> postings) {
    this(entries, postings, split(postings));
  }

  /**
   * An index with the parts a site was cut into ({@code parts}: each part's first term to its
   * terms): a site's index read back holds only the parts a query needs, the others listed
   * without their terms, so that a term's part and a prefix's parts are the site's.
   */
  public WordIndex(int entries, NavigableMap<String, Posting> postings, NavigableMap<String, List<String>> parts) {
    this.entries = entries;
    this.postings = postings;
    this.parts = parts;
  }

  /**
   * Cuts the sorted terms into runs of about {@link #PART_BYTES}: the number of parts follows
   * the size of the index, not the number of distinct first letters (a few hundred entries made
   * thousands of tiny files when parts were cut at prefixes). A term's part is the last one
   * whose key is not after it, and the terms starting with a prefix lie in consecutive parts,
   * so the browser finds both from the list of keys alone.
   */
  private static NavigableMap<String, List<String>> split(NavigableMap<String, Posting> postings) {
    NavigableMap<String, List<String>> out = new TreeMap<>();
    List<String> part = new ArrayList<>();
    String key = "";
    long bytes = 0;
    for (Map.Entry<String, Posting> p : postings.entrySet()) {
      long size = p.getKey().length() + 8 + 10L * p.getValue().entries().length;
      if (!part.isEmpty() && bytes + size > PART_BYTES) {
        out.put(key, List.copyOf(part));
        part.clear();
        key = p.getKey();
        bytes = 0;
      }
      part.add(p.getKey());
      bytes += size;
    }
    out.put(key, List.copyOf(part));
    return out;
  }

  /** The key of the part a term is in (or would be): the last key not after it. */
  public String partOf(String term) {
    return parts.floorKey(term);
  }

  /** The keys of the parts holding the terms that start with {@code prefix}, in order. */
  public List<String> partsStartingWith(String prefix) {
    return new ArrayList<>(parts.subMap(partOf(prefix), true, partOf(prefix + Character.MAX_VALUE), true).keySet());
  }

  public NavigableMap<String, List<String>> parts() {
    return parts;
  }

  public int entryCount() {
    return entries;
  }

  public NavigableMap<String, Posting> postings() {
    return postings;
  }

  /**
   * An entry's body as word search counts it: the text a reader sees, and apart its code, which
   * counts twice (why: {@code Markdown.Rendered}).
   */
  public record Body(CharSequence text, CharSequence code) {}

  /** @param body turns an entry's Markdown into what word search counts */
  public static WordIndex build(KnowledgeBase kb, java.util.function.Function<Entry, Body> body, Weights w,
      Rules rules) {
    Builder builder = new Builder(kb, w, rules);
    kb.entries().parallelStream().forEach(e -> builder.add(e, body.apply(e)));
    return builder.build();
  }

  /**
   * Counts entries one at a time, from any thread and in any order, and builds the index once
   * all are in. A site build counts each entry where it renders its body, so that the text is
   * not kept and no pass over all bodies is left for after the pages.
   */
  public static final class Builder {
    private final Weights w;
    private final TermCounts.Counting counting;
    private final Map<String, Integer> position = new HashMap<>();
    private final TermCounts[] counts;
    private final java.util.function.BiFunction<Entry, java.util.function.Supplier<TermCounts>, TermCounts> memo;

    public Builder(KnowledgeBase kb, Weights w, Rules rules) {
      this(kb, w, new TermCounts.Counting(rules, true), (e, count) -> count.get());
    }

    /**
     * @param counting numbers the terms; one kept from an earlier build (with the same rules)
     *     lets that build's counts be reused
     * @param memo an entry's counts from an earlier build of the same counting and weights, where the entry is equal
     */
    public Builder(KnowledgeBase kb, Weights w, TermCounts.Counting counting,
        java.util.function.BiFunction<Entry, java.util.function.Supplier<TermCounts>, TermCounts> memo) {
      this.w = w;
      this.counting = counting;
      this.memo = memo;
      this.counts = new TermCounts[kb.entries().size()];
      for (int i = 0; i < counts.length; i++) {
        position.put(kb.entries().get(i).id(), i);
      }
    }

    /** Counts {@code e}'s fields and its body; safe to call from several threads. */
    public void add(Entry e, Body body) {
      // The body is the entry's own Markdown rendered, so the entry alone decides the counts.
      counts[position.get(e.id())] = memo.apply(e, () -> count(e, body));
    }

    /**
     * Adds {@code e} with counts made before (an earlier build's, {@link TermCounts.Counting#restoring}),
     * or those of the memo where it has them: the same object, which tells {@link #build(Built)}
     * that the entry's postings are as they were.
     */
    public void add(Entry e, java.util.function.Supplier<TermCounts> counted) {
      counts[position.get(e.id())] = memo.apply(e, counted);
    }

    /** The counting that numbers this index's terms. */
    public TermCounts.Counting counting() {
      return counting;
    }

    /** The counts of {@code e}, added before, as a build keeps them ({@link TermCounts.Counting#keep}). */
    public TermCounts.Kept kept(Entry e) {
      return counting.keep(counts[position.get(e.id())]);
    }

    private TermCounts count(Entry e, Body body) {
      List<String> fixes = TermCounts.fixTexts(e.fixes());
      return counting.entry()
          .add(List.of(e.title()), w.title())
          .add(e.symptoms().stream().map(Symptom::display).toList(), w.symptom())
          .add(List.of(e.summary()), w.summary())
          .add(e.causes(), w.cause())
          .add(fixes, w.fix())
          .add(List.of(body.text()), w.body())
          .add(List.of(body.code()), 2 * w.body())
          .done();
    }

    /** The index of every entry added; each entry of the knowledge base must have been. */
    public WordIndex build() {
      return build(null).index();
    }

    /**
     * The same, made from {@code earlier} where this counting built it and few entries' counts
     * differ: only the terms of those entries are posted again (equal to a build from scratch;
     * {@code TermCountsTest} compares them). A process that builds again after each edit keeps
     * what this returns for the next build.
     *
     * @param earlier the last build's, or null
     */
    public Built build(Built earlier) {
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == null) {
          throw new IllegalStateException("entry " + i + " was not counted");
        }
      }
      TermCounts[] now = counts.clone();
      NavigableMap<String, Posting> postings = java.util.Optional.ofNullable(earlier)
          .filter(e -> e.counting() == counting)
          .flatMap(e -> TermCounts.patch(e.counts(), e.index().postings(), now, counting.table()))
          .orElseGet(() -> new TreeMap<>(counting.postings(List.of(now))));
      return new Built(new WordIndex(now.length, postings), now, counting);
    }
  }

  /** An index, the counts it was made from and the counting that numbered them: what a later build may patch. */
  public record Built(WordIndex index, TermCounts[] counts, TermCounts.Counting counting) {}

  double idf(String term) {
    Posting p = postings.get(term);
    return Posting.idf(entries, p == null ? 0 : p.entries().length);
  }
}
