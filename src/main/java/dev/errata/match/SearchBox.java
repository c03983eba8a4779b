package dev.errata.match;

import dev.errata.search.WordIndex;
import dev.errata.search.WordSearch;
import dev.errata.text.Paste;
import dev.errata.text.Rules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * What the site's search box answers, for {@code errata match} and the evaluation to answer the
 * same: the matcher's report when it is confident, or when the text looks pasted and something
 * resembles it; otherwise, for words typed, the entries word search ranks first, as "possible"
 * answers that say which of their words were found. The matcher ranks a few typed words by
 * relevance alone, and word search, which counts every field and the body and forgives prefixes,
 * slips and synonyms, ranks them better (typed words: top-1 0.53 against 0.77).
 */
public final class SearchBox {
  private SearchBox() {}

  /**
   * @param matched the matcher's report on {@code text}
   * @param words the word index a query of {@code text} needs (read only when word search answers)
   * @param entries the entries by number, in the word index's order
   * @param top how many answers at most, one per family of translations
   */
  public static MatchReport answer(String text, MatchReport matched, Function<List<WordSearch.Clause>, WordIndex> words,
      IntFunction<EntryInfo> entries, Rules rules, int top) {
    boolean pasted = Paste.looksLikePaste(text);
    if (matched.confident() || (pasted && !matched.matches().isEmpty())) {
      return matched;
    }
    List<WordSearch.Clause> clauses = WordSearch.parse(text, rules);
    if (clauses.isEmpty()) {
      return matched;
    }
    List<Match> found = answers(new WordSearch(words.apply(clauses), rules).search(text), entries, top);
    return found.isEmpty() ? matched
        : new MatchReport(found, matched.versions(), matched.lines(), matched.preparedLines(), matched.truncated(), matched.skipped());
  }

  /**
   * Word search's hits as answers: at most {@code top}, one per family of translations,
   * "possible", each with the words it was found by; scores rounded as the matcher rounds its own.
   */
  public static List<Match> answers(List<WordSearch.Hit> hits, IntFunction<EntryInfo> entries, int top) {
    List<Match> found = new ArrayList<>();
    Set<String> families = new HashSet<>();
    for (WordSearch.Hit h : hits) {
      if (found.size() >= top) {
        break;
      }
      EntryInfo e = entries.apply(h.entry());
      if (families.add(e.family())) {
        found.add(new Match(e, Confidence.POSSIBLE, Math.round(h.score() * 1000) / 1000.0, null, "", h.terms(), List.of(),
            List.of("has the word" + (h.terms().size() == 1 ? " " : "s ") + String.join(", ", h.terms())), 0, 0));
      }
    }
    return found;
  }
}
