package dev.errata.site;

import dev.errata.Parallel;
import dev.errata.index.EntriesJson;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.render.ModelDigest;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Each entry digested once per build, on all cores: what {@code api/entries.json} reads of it
 * (everything but its body and where it came from), and the whole entry, by identity, for its
 * page's inputs ({@link ModelDigest#of(Object, Map, Map)}). Most of an entry is its examples'
 * logs; walking them once serves both.
 *
 * @param entriesJson the digest of what {@code api/entries.json} is made from: equal digests, equal
 *     files (empty when an entry holds a value no digest takes)
 * @param json each entry's part of that, in the entries' order: equal digests, equal parts of the
 *     file (empty with {@code entriesJson})
 */
record EntryDigests(Map<Entry, long[]> whole, String entriesJson, List<String> json) {
  /** One entry's two digests: what the JSON reads of it, and all of it. */
  record Both(String json, long[] whole) {}

  /** @param memo an entry's digests as an earlier build made them ({@link FileStore#digests}) */
  static EntryDigests of(KnowledgeBase kb, BiFunction<Entry, Supplier<Both>, Both> memo) {
    // The body and the source are digested beside what the JSON reads, not inside it: that digest is used again.
    List<Both> each = Parallel.map(kb.entries(), e -> memo.apply(e, () -> {
      try {
        String json = ModelDigest.of(EntriesJson.inputs(e));
        return new Both(json, ModelDigest.lanes(List.of(json, e.body().text(), e.source())));
      } catch (IllegalArgumentException x) {
        return null; // a value no digest takes: its page is rendered and the JSON written, every time
      }
    }));
    if (each.contains(null)) {
      return new EntryDigests(Map.of(), "", List.of());
    }
    Map<Entry, long[]> byEntry = new IdentityHashMap<>();
    for (int i = 0; i < each.size(); i++) {
      byEntry.put(kb.entries().get(i), each.get(i).whole());
    }
    List<String> json = each.stream().map(Both::json).toList();
    return new EntryDigests(byEntry, ModelDigest.of(EntriesJson.inputs(kb, json)), json);
  }
}
