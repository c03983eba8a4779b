package dev.errata.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.content.ContentLoader;
import dev.errata.index.MatchIndexCodec;
import dev.errata.match.MatchIndex;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.model.Symptom;
import dev.errata.text.Rules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that built the match index keeps each entry's part of it ({@link MatchPartsStore}); the
 * next build that builds it takes the parts of every entry whose inputs are unchanged, and the
 * index it gets is byte for byte the one built from nothing. Only for the same tool and rules.
 */
class MatchPartsStoreTest {
  static KnowledgeBase kb;
  static Rules rules;

  @BeforeAll
  static void load() {
    kb = new ContentLoader().load(Path.of("content")).knowledgeBase();
    rules = Rules.forContent(kb.matching());
  }

  private static MatchIndex build(Path cache, boolean reuse, KnowledgeBase k, String rulesJson, MatchPartsStore[] used) {
    MatchPartsStore store = new MatchPartsStore(cache, reuse);
    used[0] = store;
    MatchIndex index = MatchIndex.build(k, rules, store.memo(rulesJson, ExampleStore.Basis::digest));
    store.save();
    return index;
  }

  private static byte[] bytes(MatchIndex index) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MatchIndexCodec.write(MatchIndexCodec.encode(index), "", out);
    return out.toByteArray();
  }

  /** The knowledge base with entry {@code i}'s first symptom changed (in place: the others keep their places). */
  private static KnowledgeBase withSymptomEdited(int i) {
    List<Entry> entries = new ArrayList<>(kb.entries());
    Entry e = entries.get(i);
    List<Symptom> s = new ArrayList<>(e.symptoms());
    s.set(0, Symptom.parse(s.get(0).text() + " edited zqxwvedit"));
    entries.set(i, new Entry(e.id(), e.title(), e.summary(), e.lang(), e.translationOf(), e.status(), e.published(),
        e.modified(), e.tags(), e.components(), s, e.causes(), e.fixes(), e.examples(), e.references(),
        e.related(), e.downstream(), e.followsFrom(), e.body(), e.source()));
    return new KnowledgeBase(kb.site(), kb.vocabulary(), entries, kb.matching());
  }

  @Test
  void aBuildAfterASymptomEditTakesEveryOtherEntrysPartsAndGetsTheSameIndex(@TempDir Path cache) throws IOException {
    MatchPartsStore[] used = new MatchPartsStore[1];
    byte[] first = bytes(build(cache, false, kb, rules.json(), used));
    assertEquals(0, used[0].taken(), "a build that does not reuse takes nothing");
    assertTrue(Files.size(cache.resolve(MatchPartsStore.FILE)) > 0);
    // Unchanged content: every part taken, the same index.
    assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(bytes(build(cache, true, kb, rules.json(), used))));
    assertEquals(kb.entries().size(), used[0].taken());

    int edited = kb.entries().size() / 2;
    KnowledgeBase after = withSymptomEdited(edited);
    byte[] fromParts = bytes(build(cache, true, after, rules.json(), used));
    assertEquals(kb.entries().size() - 1, used[0].taken(), "every entry but the edited one is taken");
    assertEquals(java.util.Arrays.toString(bytes(MatchIndex.build(after, rules))), java.util.Arrays.toString(fromParts),
        "the index built from kept parts is not the one built from nothing");
    // The edit undone: the entry's part as it was before is made again and appended; every other
    // part is pointed at where it lies, not written again.
    List<Path> logs = partLogs(cache);
    assertEquals(1, logs.size(), () -> "one log of parts: " + logs);
    long size = Files.size(logs.get(0));
    build(cache, true, kb, rules.json(), used);
    assertEquals(kb.entries().size() - 1, used[0].taken());
    assertEquals(logs, partLogs(cache));
    long grown = Files.size(logs.get(0)) - size;
    assertTrue(grown > 0 && grown < size / 10, "the log grew by " + grown + " of " + size);
    byte[] back = bytes(build(cache, true, kb, rules.json(), used));
    assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(back));
    assertEquals(kb.entries().size(), used[0].taken());
  }

  private static List<Path> partLogs(Path cache) throws IOException {
    try (java.util.stream.Stream<Path> s = Files.list(cache)) {
      return s.filter(p -> p.getFileName().toString().startsWith("parts-")).sorted().toList();
    }
  }

  @Test
  void otherRulesOrADamagedRecordTakeNothing(@TempDir Path cache) throws IOException {
    MatchPartsStore[] used = new MatchPartsStore[1];
    byte[] first = bytes(build(cache, false, kb, rules.json(), used));
    build(cache, true, kb, rules.json() + " ", used);
    assertEquals(0, used[0].taken(), "parts made under other rules were taken");
    // That build recorded its own rules; these take nothing from it either.
    Path file = cache.resolve(MatchPartsStore.FILE);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(bytes(build(cache, true, kb, rules.json(), used))));
    assertEquals(0, used[0].taken(), "a record cut short was taken");
    Files.write(file, new byte[] {1, 2, 3});
    assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(bytes(build(cache, true, kb, rules.json(), used))));
    assertEquals(0, used[0].taken(), "garbage was taken");
    // A whole record over a log with one byte changed: its checksums say so.
    build(cache, true, kb, rules.json(), used);
    assertEquals(kb.entries().size(), used[0].taken());
    Path log = partLogs(cache).get(0);
    byte[] parts = Files.readAllBytes(log);
    parts[parts.length / 2] ^= 1;
    Files.write(log, parts);
    assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(bytes(build(cache, true, kb, rules.json(), used))));
    assertEquals(0, used[0].taken(), "a damaged part was taken");
  }
}
