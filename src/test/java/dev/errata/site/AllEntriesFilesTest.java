package dev.errata.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.errata.content.ContentLoader;
import dev.errata.match.EntryInfo;
import dev.errata.match.MatchIndex;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The digest that keeps the search index's entry parts between builds must see every value they
 * are made from: a value it missed would leave them stale after an edit of it.
 */
class AllEntriesFilesTest {
  private final KnowledgeBase kb = new ContentLoader().load(Path.of("src/test/resources/fixture/content")).knowledgeBase();
  private final List<EntryInfo> infos = MatchIndex.infos(kb);
  private final String key = AllEntriesFiles.entryPartsKey(kb, infos);

  @Test
  void everyComponentOfAnEntryInfoMovesTheKey() throws Exception {
    RecordComponent[] components = EntryInfo.class.getRecordComponents();
    Constructor<EntryInfo> make = EntryInfo.class.getDeclaredConstructor(
        java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    for (int c = 0; c < components.length; c++) {
      List<EntryInfo> changed = new ArrayList<>(infos);
      EntryInfo first = changed.get(0);
      Object[] args = new Object[components.length];
      for (int k = 0; k < components.length; k++) {
        args[k] = components[k].getAccessor().invoke(first);
      }
      args[c] = other(args[c]);
      changed.set(0, make.newInstance(args));
      assertNotEquals(key, AllEntriesFiles.entryPartsKey(kb, changed), components[c].getName() + " is not in the key");
    }
  }

  @Test
  void theFacetsMoveTheKeyAndWhatTheEntryPartsDoNotShowDoesNot() {
    Entry e = kb.entries().get(0);
    assertNotEquals(key, AllEntriesFiles.entryPartsKey(with(new Entry(e.id(), e.title(), e.summary(), e.lang(), e.translationOf(),
        e.status(), e.published(), e.modified(), List.of("another-tag"), e.components(), e.symptoms(), e.causes(), e.fixes(),
        e.examples(), e.references(), e.related(), e.downstream(), e.followsFrom(), e.body(), e.source())), infos), "tags");
    assertNotEquals(key, AllEntriesFiles.entryPartsKey(with(new Entry(e.id(), e.title(), e.summary(), e.lang(), e.translationOf(),
        e.status() == dev.errata.model.Status.CONFIRMED ? dev.errata.model.Status.INVESTIGATING : dev.errata.model.Status.CONFIRMED,
        e.published(), e.modified(), e.tags(), e.components(), e.symptoms(), e.causes(), e.fixes(), e.examples(),
        e.references(), e.related(), e.downstream(), e.followsFrom(), e.body(), e.source())), infos), "status");
    Entry other = new Entry(e.id(), e.title(), e.summary(), e.lang(), e.translationOf(), e.status(), e.published(),
        e.modified(), e.tags(), e.components(), List.of(dev.errata.model.Symptom.parse("another symptom")),
        List.of("another cause"), e.fixes(), new dev.errata.model.Examples(List.of("another paste"), List.of()),
        List.of(), List.of(), false, List.of(), dev.errata.model.Body.of("another body"), e.source());
    KnowledgeBase changed = with(other);
    assertEquals(key, AllEntriesFiles.entryPartsKey(changed, MatchIndex.infos(changed)));
  }

  private KnowledgeBase with(Entry first) {
    List<Entry> entries = new ArrayList<>(kb.entries());
    entries.set(0, first);
    return new KnowledgeBase(kb.site(), kb.vocabulary(), entries, kb.matching());
  }

  private static Object other(Object value) {
    if (value instanceof String s) {
      return s + " (other)";
    }
    List<Object> list = new ArrayList<>((List<?>) value);
    list.add(list.isEmpty() || list.get(0) instanceof String ? "other" : new EntryInfo.ComponentRanges("other", List.of(), List.of()));
    return list;
  }
}
