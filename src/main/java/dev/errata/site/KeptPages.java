package dev.errata.site;

import dev.errata.Diagnostic;
import dev.errata.index.EntriesJson;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.render.EarlierPages;
import dev.errata.render.ModelDigest;
import dev.errata.search.TermCounts;
import dev.errata.search.WordIndex;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The pages of one build, against the record the last build kept ({@link PageStore}): an entry
 * whose page inputs have the digest recorded keeps its page and its JSON as the previous site has
 * them, and its word counts and body problems as recorded; a page that lists entries whose inputs
 * have the digest recorded is kept too, and so is a word part of the search index; the others
 * are rendered. Each digest is noted either way, for the record this build keeps.
 */
final class KeptPages implements EarlierPages {
  private final Map<String, PageStore.Entry> last;
  private final java.util.function.Function<TermCounts.Kept, TermCounts> restore;
  private final Map<String, Long> files;
  private final PageWriter.Previous previous;
  private final PageWriter writer;
  private final WordIndex.Builder counting;
  private final Map<String, List<Diagnostic>> problems;
  private final Map<String, String> keys = new ConcurrentHashMap<>();
  /** The counts of the entries kept, as the last record had them. */
  private final Map<String, TermCounts> restoredCounts = new ConcurrentHashMap<>();
  private final Map<String, String> lastPages;
  private final Map<String, String> pageKeys = new ConcurrentHashMap<>();
  private final String lastLists;
  private final Map<String, String> lastWordParts;
  private final Map<String, String> wordPartKeys = new ConcurrentHashMap<>();
  private final AtomicInteger keptWordParts = new AtomicInteger();
  private final EntryDigests entryDigests;
  private final java.util.function.BiFunction<Entry, Supplier<String>, String> listedMemo;
  private final java.util.function.BiFunction<Object, Supplier<String>, String> partMemo;
  private volatile String lists = "";
  private final AtomicInteger kept = new AtomicInteger();
  private final AtomicInteger keptLists = new AtomicInteger();
  /** Digests of version rows, one object for all entries that show the same row. */
  private final Map<Object, long[]> rows = Collections.synchronizedMap(new IdentityHashMap<>());

  /**
   * @param last the record of the previous site (none when it is not known)
   * @param previous the previous site and the digest of each of its files, which {@code writer} links from
   * @param problems where an entry's body problems go, by id
   * @param listedMemo each entry's digest of what the lists show of it, as the last build made it ({@link EntryMemo.Inputs#LISTED})
   * @param partMemo a word part's digest by its inputs, as the last build made it ({@link BuildMemory#wordPart})
   */
  KeptPages(Optional<PageStore.Record> last, PageWriter.Previous previous, PageWriter writer, WordIndex.Builder counting,
      Map<String, List<Diagnostic>> problems, EntryDigests entryDigests,
      java.util.function.BiFunction<Entry, Supplier<String>, String> listedMemo,
      java.util.function.BiFunction<Object, Supplier<String>, String> partMemo) {
    this.listedMemo = listedMemo;
    this.partMemo = partMemo;
    this.entryDigests = entryDigests;
    this.files = previous.digests();
    this.previous = previous;
    this.last = last.map(PageStore.Record::entries).orElse(Map.of());
    this.lastPages = last.map(PageStore.Record::pages).orElse(Map.of());
    this.lastLists = last.map(PageStore.Record::lists).orElse("");
    this.lastWordParts = last.map(PageStore.Record::wordParts).orElse(Map.of());
    this.restore = counting.counting().restoring(last.map(PageStore.Record::terms).orElse(new String[0]));
    this.writer = writer;
    this.counting = counting;
    this.problems = problems;
  }

  @Override
  public boolean kept(Entry e, Supplier<Object> inputs) {
    String key = digest(inputs);
    if (key == null) {
      return false;
    }
    keys.put(e.id(), key);
    PageStore.Entry before = last.get(e.id());
    String page = "entries/" + e.id() + ".html";
    String json = EntriesJson.path(e);
    if (before == null || !before.key().equals(key) || !previous.holds(page) || !previous.holds(json)) {
      return false;
    }
    writer.keep(page, files.get(page));
    writer.keep(json, files.get(json));
    // The word index takes the counts the memo holds where it holds them (the same object tells
    // it the entry's postings are unchanged); the record points at these, which lie in the log already.
    TermCounts restored = restore.apply(before.counts());
    counting.add(e, () -> restored);
    restoredCounts.put(e.id(), restored);
    problems.put(e.id(), before.problems());
    kept.incrementAndGet();
    return true;
  }

  /**
   * The digest of what the lists show of {@code e}, kept with its file: a rebuild walks the fields
   * of the entries it read again only, where walking 10,000 entries' was most of its list pages.
   */
  @Override
  public Object listed(Entry e, Supplier<Object> fields) {
    return listedMemo.apply(e, () -> ModelDigest.of(fields.get()));
  }

  @Override
  public boolean keptPage(String path, Supplier<Object> inputs) {
    return keptFile(path, () -> digest(inputs), lastPages, pageKeys, keptLists);
  }

  @Override
  public boolean keptLists(Supplier<Object> inputs) {
    String key = digest(inputs);
    if (key == null) {
      return false;
    }
    lists = key;
    if (!key.equals(lastLists) || lastPages.isEmpty() || !lastPages.keySet().stream().allMatch(previous::holds)) {
      return false;
    }
    lastPages.forEach((path, pageKey) -> {
      writer.keep(path, files.get(path));
      pageKeys.put(path, pageKey);
    });
    keptLists.addAndGet(lastPages.size());
    return true;
  }

  /**
   * Whether the word part at {@code path} that the last build wrote from equal inputs is kept as
   * it is (see {@link dev.errata.index.SearchIndexWriter#wordParts(dev.errata.search.WordIndex,
   * dev.errata.index.SearchIndexWriter.Earlier)}).
   */
  boolean keptWordPart(String path, Supplier<Object> inputs) {
    Object in = inputs.get();
    return keptFile(path, () -> partMemo.apply(in, () -> digest(() -> in)), lastWordParts, wordPartKeys, keptWordParts);
  }

  /**
   * Whether the file at {@code path} is kept as the previous site has it: its inputs' digest
   * ({@code digest}, null for inputs no digest takes) is the one {@code lastKeys} recorded and
   * the site still holds the file. The digest goes into {@code keys} either way, and a kept file
   * counts in {@code count}.
   */
  private boolean keptFile(String path, Supplier<String> digest, Map<String, String> lastKeys, Map<String, String> keys,
      AtomicInteger count) {
    String key = digest.get();
    if (key == null) {
      return false;
    }
    keys.put(path, key);
    if (!key.equals(lastKeys.get(path)) || !previous.holds(path)) {
      return false;
    }
    writer.keep(path, files.get(path));
    count.incrementAndGet();
    return true;
  }

  /** How many word parts were kept. */
  int keptWordParts() {
    return keptWordParts.get();
  }

  /** The digest of a page's inputs, or null for a model this digest cannot take (a custom value in it): rendered every time. */
  private String digest(Supplier<Object> inputs) {
    try {
      return ModelDigest.of(inputs.get(), rows, entryDigests.whole());
    } catch (IllegalArgumentException x) {
      return null;
    }
  }

  /** How many pages that list entries were kept. */
  int keptLists() {
    return keptLists.get();
  }

  /** How many entry pages were kept. */
  int kept() {
    return kept.get();
  }

  /**
   * What the next build needs of this one: its folder, its files' digests, each entry's digest,
   * word counts and body problems, the digest of each list page's inputs, what it wrote of the
   * files made from every entry, and how the site before it differs from it (the next build
   * writes into that one).
   */
  PageStore.Record record(String folder, Map<String, Long> digests, KnowledgeBase kb, AllEntriesFiles allEntries,
      Optional<PageStore.Spare> spare) {
    Map<String, PageStore.Entry> out = new HashMap<>();
    for (Entry e : kb.entries()) {
      String key = keys.get(e.id());
      if (key != null) {
        TermCounts restored = restoredCounts.get(e.id());
        TermCounts.Kept counts = restored != null ? counting.counting().keep(restored) : counting.kept(e);
        out.put(e.id(), new PageStore.Entry(key, counts, problems.getOrDefault(e.id(), List.of())));
      }
    }
    return new PageStore.Record(folder, digests, counting.counting().table(), out, Map.copyOf(pageKeys),
        Map.copyOf(wordPartKeys), lists,
        entryDigests.entriesJson(), allEntries.jsonParts(), allEntries.entryParts(), spare);
  }
}
