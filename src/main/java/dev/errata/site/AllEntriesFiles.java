package dev.errata.site;

import dev.errata.index.EntriesJson;
import dev.errata.index.SearchIndexWriter;
import dev.errata.match.EntryInfo;
import dev.errata.model.Component;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.render.ModelDigest;
import dev.errata.render.Page;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The files made from every entry, against what the last build wrote of them: {@code
 * api/entries.json} (30 MB at 10,000 entries with their examples), and the search index's entry
 * parts and facets. A file made from the same inputs is kept as the previous site has it. Else
 * {@code api/entries.json} takes each entry's part that was made from the same inputs, at the same
 * place, from the previous site's file, and writes the others: an edit of a symptom or an example
 * writes one entry's part. The entry parts and facets read less of an entry than the JSON (not
 * its symptoms or examples), so they are kept by a digest of their own inputs.
 */
final class AllEntriesFiles {
  static final String ENTRIES_JSON = "api/entries.json";

  private final KnowledgeBase kb;
  private final EntryDigests digests;
  private final Optional<PageStore.Record> last;
  private final PageWriter.Previous previous;
  private final PageWriter writer;
  private final BiFunction<Entry, Supplier<String>, String> memo;
  private volatile Optional<PageStore.JsonParts> jsonParts = Optional.empty();
  private volatile String entryParts = "";
  /** Whether {@code api/entries.json} is the previous site's, kept whole. */
  private volatile boolean jsonKept;

  /** @param memo each entry's digest for the entry parts' key, as the last build made it ({@link EntryMemo.Inputs#ENTRY_PARTS}) */
  AllEntriesFiles(KnowledgeBase kb, EntryDigests digests, Optional<PageStore.Record> last, PageWriter.Previous previous,
      PageWriter writer, BiFunction<Entry, Supplier<String>, String> memo) {
    this.memo = memo;
    this.kb = kb;
    this.digests = digests;
    this.last = last;
    this.previous = previous;
    this.writer = writer;
  }

  /** Writes {@code api/entries.json}, or keeps the previous site's, whole or in part. */
  void writeJson(EntriesJson json) {
    Optional<PageStore.JsonParts> lastParts = last.flatMap(PageStore.Record::jsonParts);
    boolean same = !digests.entriesJson().isEmpty()
        && last.map(PageStore.Record::entriesJson).filter(digests.entriesJson()::equals).isPresent()
        && previous.holds(ENTRIES_JSON);
    if (same) {
      writer.keep(ENTRIES_JSON, previous.digests().get(ENTRIES_JSON));
      jsonParts = lastParts;
      jsonKept = true;
      return;
    }
    Optional<PageStore.JsonParts> known = lastParts.filter(p -> !digests.json().isEmpty());
    Optional<EntriesJson.Earlier> before = known.flatMap(this::lastFile);
    List<String> now = digests.json();
    EntriesJson.Written written = json.write(kb, before, i -> {
      List<String> keys = known.get().keys();
      return i < keys.size() && keys.get(i).equals(now.get(i));
    });
    writer.write(new Page(ENTRIES_JSON, written.bytes()));
    jsonParts = digests.json().isEmpty() ? Optional.empty()
        : Optional.of(new PageStore.JsonParts(digests.json(), written.head(), written.ends()));
  }

  /**
   * The previous site's file, when its bytes are those the last build wrote (its digest, as
   * recorded, and room for every part {@code parts} places in it): a file changed by hand since is
   * not taken apart. Mapped, not read: only the parts taken are copied out of it.
   */
  private Optional<EntriesJson.Earlier> lastFile(PageStore.JsonParts parts) {
    if (!previous.holds(ENTRIES_JSON)) {
      return Optional.empty();
    }
    try (FileChannel ch = FileChannel.open(previous.folder().resolve(ENTRIES_JSON), StandardOpenOption.READ)) {
      java.nio.ByteBuffer bytes = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
      int[] ends = parts.ends();
      boolean fits = ends.length > 0 && ends[ends.length - 1] <= bytes.capacity();
      return fits && PageWriter.digest(bytes) == previous.digests().get(ENTRIES_JSON)
          ? Optional.of(new EntriesJson.Earlier(bytes, parts.head(), ends)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes the search index's entry parts and facets, or keeps the previous site's when made from
   * the same: they read less of each entry than {@code api/entries.json}, so with that file kept
   * they are kept without a look at their inputs; else by a digest of them. Called after {@link
   * #writeJson}.
   */
  void writeEntryParts(SearchIndexWriter searchIndex, List<EntryInfo> infos) {
    List<String> paths = SearchIndexWriter.entryPartPaths(kb.entries().size());
    Optional<String> lastKey = last.map(PageStore.Record::entryParts).filter(k -> !k.isEmpty());
    String key = jsonKept && lastKey.isPresent() ? lastKey.get() : entryPartsKey(infos);
    if (!key.isEmpty() && lastKey.filter(key::equals).isPresent() && paths.stream().allMatch(previous::holds)) {
      paths.forEach(p -> writer.keep(p, previous.digests().get(p)));
    } else {
      searchIndex.entryParts(kb, infos).forEach(writer::write);
    }
    entryParts = key;
  }

  /**
   * The digest of what {@link SearchIndexWriter#entryParts} reads: each entry as the matcher shows
   * it ({@link EntryInfo}, every component, {@code AllEntriesFilesTest} holds it to that) and its
   * status, components and tags (the facets).
   */
  static String entryPartsKey(KnowledgeBase kb, List<EntryInfo> infos) {
    return entryPartsKey(kb, infos, (e, digest) -> digest.get());
  }

  /**
   * The same, each entry's part of it taken from {@code memo} ({@link EntryMemo.Inputs#ENTRY_PARTS}):
   * after an edit of one entry's examples, the others' are not walked again. Lists of text, which
   * a digest walks without the reflection that records take.
   */
  static String entryPartsKey(KnowledgeBase kb, List<EntryInfo> infos, BiFunction<Entry, Supplier<String>, String> memo) {
    List<String> each = new java.util.ArrayList<>(infos.size());
    for (int n = 0; n < infos.size(); n++) {
      EntryInfo i = infos.get(n);
      Entry e = kb.entries().get(n);
      each.add(memo.apply(e, () -> {
        List<Object> components = new java.util.ArrayList<>(i.components().size());
        for (EntryInfo.ComponentRanges c : i.components()) {
          components.add(List.of(c.name(), c.affected(), c.fixed()));
        }
        return ModelDigest.of(java.util.Arrays.asList(i.id(), i.title(), i.summary(), i.status(), i.lang(), i.translationOf(),
            i.url(), components, i.firstFixCommands(), i.firstFixTitle(), i.followsFrom(), e.status().key(),
            e.components().stream().map(Component::name).toList(), e.tags()));
      }));
    }
    return ModelDigest.of(each);
  }

  private String entryPartsKey(List<EntryInfo> infos) {
    try {
      return entryPartsKey(kb, infos, memo);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** Where each entry's part of {@code api/entries.json} is, for the next build (read once both writes are done). */
  Optional<PageStore.JsonParts> jsonParts() {
    return jsonParts;
  }

  /** The digest of the entry parts' inputs, for the next build (read once both writes are done). */
  String entryParts() {
    return entryParts;
  }
}
