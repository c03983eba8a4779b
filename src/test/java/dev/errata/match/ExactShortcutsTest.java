package dev.errata.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.content.ContentLoader;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.text.Rules;
import dev.errata.testing.GeneratedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher's shortcuts must not change an answer. When enough entries align well, it sums
 * relevance only for the aligned ones (an entry without an alignment could not rank among them);
 * templates that are one message ({@link TemplateForms}) are walked and aligned once per line.
 * Over a generated corpus large enough for both to happen on most pastes, every answer and every
 * reach must be what doing all the work gives.
 */
class ExactShortcutsTest {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  @TempDir static Path dir;
  private static MatchIndex index;
  private static Rules rules;
  private static Set<String> pastes;

  @org.junit.jupiter.api.BeforeAll
  static void corpus() throws Exception {
    Path content = dir.resolve("entries");
    GeneratedCorpus.write(1500, content);
    KnowledgeBase kb = new ContentLoader().load(content).knowledgeBase();
    rules = Rules.forContent(kb.matching());
    index = MatchIndex.build(kb, rules);
    pastes = new LinkedHashSet<>();
    List<Entry> entries = kb.entries();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      pastes.addAll(e.examples().match());
      pastes.addAll(e.examples().noMatch());
      // Two failures in one log, and a symptom cut short at both ends.
      String s = e.symptoms().get(0).text();
      pastes.add(s + "\n" + entries.get((i * 7 + 3) % entries.size()).symptoms().get(0).text());
      pastes.add(s.substring(s.length() / 4, 3 * s.length() / 4));
    }
    for (String line : Files.readAllLines(dir.resolve("queries.txt"))) {
      pastes.add(line.substring(line.indexOf('\t') + 1));
    }
  }

  /** Below the threshold a sum never makes a score that reaches the last one, however close. */
  @Test
  void aSumBelowTheThresholdNeverReachesTheLastScore() {
    java.util.Random random = new java.util.Random(15);
    for (int i = 0; i < 200_000; i++) {
      double last = random.nextDouble() * 3.2;
      double enough = Matcher.enoughRelevance(last);
      if (enough == 0 || Double.isInfinite(enough)) {
        continue;
      }
      // Sums just under the threshold, down to a few ulps, and well under it.
      for (double bm : new double[] {Math.nextDown(enough), enough * (1 - 1e-12), enough * random.nextDouble()}) {
        double score = Matcher.W_RELEVANCE * Matcher.relevanceOf(bm);
        assertTrue(score < last, () -> "sum " + bm + " below " + enough + " scores " + score + ", not below " + last);
      }
    }
    assertEquals(0, Matcher.enoughRelevance(2.9999), "near the ceiling nothing is ruled out");
    assertTrue(Double.isInfinite(Matcher.enoughRelevance(Matcher.W_RELEVANCE)));
  }

  @Test
  void answersAreThoseOfSummingEveryEntry() throws Exception {
    Matcher spare = new Matcher(index, rules);
    Matcher every = new Matcher(index, rules, false);
    assertEquals(List.of(), differing(spare, every), "pastes answered otherwise than by summing every entry");
    assertEquals(0, every.spared.sum());
    // The shortcut must have been taken, or this test shows nothing.
    assertTrue(spare.spared.sum() > pastes.size() / 10, spare.spared.sum() + " of " + pastes.size() + " pastes spared");
  }

  @Test
  void answersAreThoseOfAligningEveryTemplate() throws Exception {
    Matcher once = new Matcher(index, rules);
    // The same index seen part by part, as a file read back is: each template its own form.
    Matcher each = new Matcher(new MatchData() {
      public int entryCount() { return index.entryCount(); }
      public EntryInfo entry(int i) { return index.entry(i); }
      public int templateCount() { return index.templateCount(); }
      public Template template(int t) { return index.template(t); }
      public int[] templatesWithKey(String key) { return index.templatesWithKey(key); }
      public dev.errata.search.Posting posting(String term) { return index.posting(term); }
    }, rules);
    assertEquals(List.of(), differing(once, each), "pastes answered otherwise than by aligning every template");
    assertEquals(0, each.reused.sum());
    assertTrue(index.forms().count() < index.templateCount() * 9 / 10,
        index.forms().count() + " forms of " + index.templateCount() + " templates");
    assertTrue(once.reused.sum() > pastes.size(), once.reused.sum() + " alignments reused over " + pastes.size() + " pastes");
  }

  /** The pastes that {@code a} answers, or reaches, otherwise than {@code b}. */
  private static List<String> differing(Matcher a, Matcher b) throws Exception {
    List<String> differ = new ArrayList<>();
    for (String p : pastes) {
      Reach[] ra = new Reach[1];
      Reach[] rb = new Reach[1];
      String got = JSON.writeValueAsString(a.match(p, Matcher.Options.defaults(), r -> ra[0] = r));
      String want = JSON.writeValueAsString(b.match(p, Matcher.Options.defaults(), r -> rb[0] = r));
      if (!got.equals(want) || !ra[0].equals(rb[0])) {
        differ.add(p);
      }
    }
    return differ;
  }
}
