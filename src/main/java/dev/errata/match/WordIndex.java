package dev.errata.match;

import dev.errata.model.Entry;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.model.Symptom;
import java.util.HashMap;
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

  final int entries;
  final NavigableMap<String, MatchIndex.Posting> postings;

  public WordIndex(int entries, NavigableMap<String, MatchIndex.Posting> postings) {
    this.entries = entries;
    this.postings = postings;
  }

  public int entryCount() {
    return entries;
  }

  public NavigableMap<String, MatchIndex.Posting> postings() {
    return postings;
  }

  /** @param plainText turns a Markdown body into the text a reader sees */
  public static WordIndex build(KnowledgeBase kb, java.util.function.Function<Entry, String> plainText, Weights w, Rules rules) {
    List<TermCounts> counts = kb.entries().parallelStream().map(e -> {
      List<String> fixes = TermCounts.fixTexts(e.fixes());
      return new TermCounts()
          .add(List.of(e.title()), w.title(), rules)
          .add(e.symptoms().stream().map(Symptom::display).toList(), w.symptom(), rules)
          .add(List.of(e.summary()), w.summary(), rules)
          .add(e.causes(), w.cause(), rules)
          .add(fixes, w.fix(), rules)
          .add(List.of(plainText.apply(e)), w.body(), rules);
    }).toList();
    return new WordIndex(kb.entries().size(), new TreeMap<>(TermCounts.postings(counts)));
  }

  double idf(String term) {
    MatchIndex.Posting p = postings.get(term);
    int df = p == null ? 0 : p.entries().length;
    return StrictMath.log(1 + (entries - df + 0.5) / (df + 0.5));
  }
}
