package dev.errata.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.content.ContentLoader;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.model.Symptom;
import dev.errata.text.Rules;
import dev.errata.testing.GeneratedCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paste that {@link EditReach} says an edit cannot reach gets, from the edited index, exactly
 * the answers and the reach it got before: those are what a build keeps without matching. Over a
 * generated corpus, entries' symptoms are edited in place two ways (a word added; another entry's
 * main error put in place of one, so that the edited entry competes for that entry's pastes), and
 * every example paste of the corpus is decided and, where kept, matched again to compare.
 */
class EditReachTest {
  static final int ENTRIES = 200;

  @TempDir static Path dir;
  static KnowledgeBase kb;
  static Rules rules;

  @BeforeAll
  static void generate() throws Exception {
    Path content = dir.resolve("entries");
    GeneratedCorpus.write(ENTRIES, content);
    kb = new ContentLoader().load(content).knowledgeBase();
    rules = Rules.forContent(kb.matching());
  }

  @Test
  void pastesTheEditCannotReachKeepTheirAnswers() {
    MatchIndex before = MatchIndex.build(kb, rules);
    Matcher was = new Matcher(before, rules);
    List<String> pastes = kb.entries().stream()
        .flatMap(e -> Stream.concat(e.examples().match().stream(), e.examples().noMatch().stream())).distinct().toList();
    Map<String, String> answers = new HashMap<>();
    Map<String, Reach> reach = new HashMap<>();
    for (String p : pastes) {
      answers.put(p, json(was.match(p, Matcher.Options.defaults(), r -> reach.put(p, r))));
    }
    int edits = 0;
    int kept = 0;
    int keptCrowd = 0;
    int changedAndRun = 0;
    int n = kb.entries().size();
    for (int i = 0; i < n; i += 10) {
      Entry e = kb.entries().get(i);
      List<Symptom> s = e.symptoms();
      List<Symptom> worded = new ArrayList<>(s);
      worded.set(0, Symptom.parse(s.get(0).text() + " edited"));
      List<Symptom> rival = new ArrayList<>(s);
      rival.set(s.size() - 1, kb.entries().get((i * 7 + 3) % n).symptoms().get(0));
      for (List<Symptom> edited : List.of(worded, rival)) {
        MatchIndex now = MatchIndex.build(with(i, edited), rules);
        if (now.averageLength() != before.averageLength()) {
          continue; // every weight moved: a build runs every example
        }
        // Templates whose weights moved watched one by one, and (none watched) found again per paste.
        Optional<EditReach> edit = EditReach.of(now, before, new int[] {i}, rules);
        Optional<EditReach> crowd = EditReach.of(now, before, new int[] {i}, rules, 0);
        if (edit.isEmpty() || crowd.isEmpty()) {
          continue;
        }
        edits++;
        Matcher matcher = new Matcher(now, rules);
        for (String p : pastes) {
          boolean run = edit.get().mayChange(p, reach.get(p));
          boolean runCrowd = crowd.get().mayChange(p, reach.get(p));
          Reach[] again = new Reach[1];
          String report = json(matcher.match(p, Matcher.Options.defaults(), r -> again[0] = r));
          if (run && runCrowd) {
            changedAndRun += report.equals(answers.get(p)) ? 0 : 1;
            continue;
          }
          kept += run ? 0 : 1;
          keptCrowd += runCrowd ? 0 : 1;
          assertEquals(answers.get(p), report, () -> "an edit of " + e.id() + " changed the answers to " + p);
          assertEquals(reach.get(p), again[0], () -> "an edit of " + e.id() + " changed the reach of " + p);
        }
      }
    }
    assertTrue(edits >= 20, "only " + edits + " edits kept the index's average length");
    // In a corpus this small an entry's relevance alone reaches the last ranked place of many pastes.
    assertTrue(kept > edits * pastes.size() / 4, "few pastes were out of the edits' reach: " + kept);
    assertTrue(keptCrowd > edits * pastes.size() / 4, "few pastes were out of the edits' reach, templates found per paste: " + keptCrowd);
    assertTrue(changedAndRun > 0, "no edit changed any answer: the test shows nothing");
  }

  /** A report as text: its highlights are arrays, which a record compares by identity. */
  private static String json(MatchReport report) {
    try {
      return JSON.writeValueAsString(report);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private static KnowledgeBase with(int i, List<Symptom> symptoms) {
    List<Entry> entries = new ArrayList<>(kb.entries());
    Entry e = entries.get(i);
    entries.set(i, new Entry(e.id(), e.title(), e.summary(), e.lang(), e.translationOf(), e.status(), e.published(),
        e.modified(), e.tags(), e.components(), symptoms, e.causes(), e.fixes(), e.examples(), e.references(),
        e.related(), e.downstream(), e.followsFrom(), e.body(), e.source()));
    return new KnowledgeBase(kb.site(), kb.vocabulary(), entries, kb.matching());
  }
}
