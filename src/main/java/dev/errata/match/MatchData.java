package dev.errata.match;

import dev.errata.search.Posting;
import dev.errata.text.Rules;
/**
 * What the matcher reads: entries, templates, which templates contain a word, and relevance
 * postings. {@link MatchIndex} holds it all in memory (a build, tests); the CLI reads a built
 * index file through the same view, decoding only the parts a paste touches.
 */
public interface MatchData {
  /** The weight of a stopword in a template, whatever its frequency; read by the browser's port too. */
  double STOPWORD_WEIGHT = 0.3;

  int entryCount();

  EntryInfo entry(int i);

  int templateCount();

  Template template(int t);

  /** Numbers of the templates whose words include {@code key}, ascending; null when none. */
  int[] templatesWithKey(String key);

  /** The relevance posting of {@code term}; null when no entry has it. */
  Posting posting(String term);

  /** A word found in few templates says more than a common one. */
  default double literalWeight(String key, Rules rules) {
    if (rules.isStopword(key)) {
      return STOPWORD_WEIGHT;
    }
    int[] p = templatesWithKey(key);
    int df = p == null ? 1 : p.length;
    return 1.0 + StrictMath.log((templateCount() + 1.0) / df);
  }

  /** BM25's inverse document frequency, never negative. */
  default double idf(String term) {
    Posting p = posting(term);
    return Posting.idf(entryCount(), p == null ? 0 : p.entries().length);
  }
}
