package dev.errata.site;

import dev.errata.Diagnostic;
import dev.errata.search.TermCounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a build wrote, kept for the next build in {@code site.builds/cache/pages.bin}: the digest of
 * every file of the site (so that unchanged files are linked, not written), and for each entry
 * the digest of its page's inputs with what rendering its body gave (word counts, body problems),
 * so that an entry whose inputs are equal is neither rendered nor counted again. Valid only for
 * the build folder it names and under the same context (tool, templates, rules); a file it cannot
 * read is ignored, which costs a full rendering and never a wrong page.
 */
final class PageStore {
  static final String FILE = "pages.bin";
  private static final String MAGIC = "errata-pages 8";
  /** The name of the log beside the record that holds each entry's word counts ({@link BlobLog}). */
  private static final String LOG = "counts";

  /** One entry as the last build rendered it. */
  record Entry(String key, TermCounts.Kept counts, List<Diagnostic> problems) {}

  /**
   * A build's record: its folder's name, the digest of each of its files, its entries by id
   * (whose word counts number their terms by {@code terms}), the digest of the inputs of each
   * page that lists entries and of each word part of the search index, by path, the digest of
   * what all the listing pages read ({@code lists}, empty when not known), the digest of what
   * {@code api/entries.json} is made from and where
   * each entry's part of it is, and the digest of what the search index's entry parts are made
   * from ({@link AllEntriesFiles}; empty when not known).
   */
  record Record(String folder, Map<String, Long> digests, String[] terms, Map<String, Entry> entries,
      Map<String, String> pages, Map<String, String> wordParts, String lists, String entriesJson, Optional<JsonParts> jsonParts,
      String entryParts, Optional<Spare> spare) {}

  /**
   * Where each entry's part of {@code api/entries.json} ends ({@link
   * dev.errata.index.EntriesJson.Written}), and the digest of what each part was made from, in
   * the entries' order.
   */
  record JsonParts(List<String> keys, int head, int[] ends) {
    JsonParts {
      if (keys.size() != ends.length) {
        throw new IllegalArgumentException("a digest for each part");
      }
    }
  }

  /**
   * The site of the build before this one, which the next build writes into ({@link
   * OutputFolder#reuse}): its folder's name, and the paths where its files differ from this
   * build's (present in one only, or with other bytes). Every other file of it is this build's.
   */
  record Spare(String folder, java.util.Set<String> changed) {}

  private final Path file;
  private final Path cacheDir;
  /** Where the counts read from the log lie, by their terms array (what a kept entry's counts keep, {@link #encode}). */
  private final Map<int[], Stored> stored = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
  /** The log the record read points into, open from its reading to the writing of the next. */
  private volatile BlobLog log;

  /** Counts as read, and where they lie in the log. */
  private record Stored(TermCounts.Kept counts, BlobLog.At at) {}

  PageStore(Path cacheDir) {
    this.cacheDir = cacheDir;
    this.file = cacheDir.resolve(FILE);
    this.log = BlobLog.none(cacheDir, LOG);
  }

  /**
   * What a record is valid under besides its folder: this tool, the templates (by their listing)
   * and the rules that count words.
   */
  static String context(Path templates, dev.errata.text.Rules rules) {
    return String.join("\u0000", Tool.IDENTITY, String.join("\n", BuildMemory.listing(templates)), rules.json());
  }

  /** The record of the last build, when it was made under {@code context} for the site the output links to now. */
  Optional<Record> load(String context, Optional<Path> current) {
    return load(context).filter(r -> current.map(c -> c.getFileName().toString().equals(r.folder())).orElse(false));
  }

  /** The record of the last build, when it was made under {@code context}. */
  Optional<Record> load(String context) {
    return recorded().filter(r -> r.getKey().equals(context)).map(Map.Entry::getValue);
  }

  /** The record, read on a thread of its own from {@link #startReading}, or here when that was not called. */
  private volatile Aside<Optional<Map.Entry<String, Record>>> reading;

  /**
   * Starts reading the record on a thread of its own, while the build loads and checks the
   * content: decoding it is a tenth of a second at 10,000 entries. What it read is taken only
   * where {@link #load} finds it made under the same context and for the current site.
   */
  PageStore startReading() {
    reading = Aside.start("errata-read-pages", this::read, Optional.empty());
    return this;
  }

  private Optional<Map.Entry<String, Record>> recorded() {
    Aside<Optional<Map.Entry<String, Record>>> task = reading;
    return task == null ? read() : task.get();
  }

  /**
   * The record on disk and the context it was made under; empty when there is none (everything is
   * rendered). Each entry's counts are read from the log the record names, and must have the
   * checksum it holds: counts that are not what the last build counted would give a wrong index.
   */
  private Optional<Map.Entry<String, Record>> read() {
    return RecordBytes.read(file, MAGIC, in -> {
      String context = in.text();
      String generation = in.text();
      String folder = in.text();
      int files = in.count();
      Map<String, Long> digests = new HashMap<>(files * 2);
      for (int i = 0; i < files; i++) {
        digests.put(in.text(), in.fixed());
      }
      String[] terms = in.texts();
      log = BlobLog.open(cacheDir, LOG, generation);
      BlobLog.Whole counts;
      try {
        counts = log.whole();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e); // no record: everything is rendered
      }
      int n = in.count();
      Map<String, Entry> entries = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        String id = in.text();
        String key = in.text();
        BlobLog.At at = BlobLog.readAt(in);
        TermCounts.Kept kept = counts.in(at).kept(terms.length);
        stored.put(kept.terms(), new Stored(kept, at));
        int p = in.count();
        List<Diagnostic> problems = new ArrayList<>(p);
        for (int k = 0; k < p; k++) {
          problems.add(in.diagnostic());
        }
        entries.put(id, new Entry(key, kept, List.copyOf(problems)));
      }
      Map<String, String> pages = keys(in);
      Map<String, String> wordParts = keys(in);
      String lists = in.text();
      String entriesJson = in.text();
      Optional<JsonParts> jsonParts = Optional.empty();
      if (in.count() == 1) {
        int head = in.count();
        int parts = in.count();
        List<String> keys = new ArrayList<>(parts);
        int[] ends = new int[parts];
        for (int i = 0; i < parts; i++) {
          keys.add(in.text());
          ends[i] = in.count();
        }
        jsonParts = Optional.of(new JsonParts(keys, head, ends));
      }
      String entryParts = in.text();
      String spareFolder = in.text();
      int changed = in.count();
      java.util.Set<String> differ = new java.util.HashSet<>(changed * 2);
      for (int i = 0; i < changed; i++) {
        differ.add(in.text());
      }
      Optional<Spare> spare = spareFolder.isEmpty() ? Optional.empty() : Optional.of(new Spare(spareFolder, differ));
      return Map.entry(context, new Record(folder, digests, terms, entries, pages, wordParts, lists, entriesJson, jsonParts,
          entryParts, spare));
    });
  }

  /** Paths and their keys, as {@link #encode} writes them. */
  private static Map<String, String> keys(RecordBytes.In in) {
    int n = in.count();
    Map<String, String> out = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      out.put(in.text(), in.text());
    }
    return out;
  }

  /**
   * {@code record}'s bytes, which replace the record in one step when written. The counts of
   * entries this build counted are appended to the log first (safe: the record in place points at
   * none of them); those it kept as the last record had them, numbered by the same table, are
   * pointed at where they lie.
   */
  CacheFile.Pending encode(String context, Record record) {
    RecordBytes.Numbering numbering = RecordBytes.Numbering.of(record.terms(),
        record.entries().values().stream().map(Entry::counts).toList());
    List<Map.Entry<String, Entry>> entries = new ArrayList<>(record.entries().entrySet());
    List<Object> counts = new ArrayList<>(entries.size());
    for (Map.Entry<String, Entry> entry : entries) {
      TermCounts.Kept k = entry.getValue().counts();
      Stored was = numbering.renumbered() ? null : stored.get(k.terms());
      if (was != null && was.counts().weights() == k.weights() && was.counts().length() == k.length()) {
        counts.add(was.at());
      } else {
        RecordBytes.Out c = new RecordBytes.Out();
        c.kept(k, numbering.number());
        counts.add(c.toByteArray());
      }
    }
    java.util.Optional<BlobLog.Written> appended = log.writeOrClose(counts);
    if (appended.isEmpty()) {
      return () -> { };
    }
    BlobLog.Written written = appended.get();
    RecordBytes.Out out = written.head(MAGIC, context);
    out.text(record.folder());
    out.count(record.digests().size());
    record.digests().forEach((path, digest) -> {
      out.text(path);
      out.fixed(digest);
    });
    numbering.writeTable(out);
    out.count(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i).getValue();
      out.text(entries.get(i).getKey());
      out.text(e.key());
      BlobLog.writeAt(out, written.at().get(i));
      out.count(e.problems().size());
      e.problems().forEach(out::diagnostic);
    }
    for (Map<String, String> keys : List.of(record.pages(), record.wordParts())) {
      out.count(keys.size());
      keys.forEach((path, key) -> {
        out.text(path);
        out.text(key);
      });
    }
    out.text(record.lists());
    out.text(record.entriesJson());
    record.jsonParts().ifPresentOrElse(j -> {
      out.count(1);
      out.count(j.head());
      out.count(j.ends().length);
      for (int i = 0; i < j.ends().length; i++) {
        out.text(j.keys().get(i));
        out.count(j.ends()[i]);
      }
    }, () -> out.count(0));
    out.text(record.entryParts());
    out.text(record.spare().map(Spare::folder).orElse(""));
    java.util.Set<String> changed = record.spare().map(Spare::changed).orElse(java.util.Set.of());
    out.count(changed.size());
    changed.forEach(out::text);
    BlobLog l = log;
    return () -> l.commit(file, out::writeTo, written);
  }

  /** Closes the log the record read points into: after the next record is written, or when the build stops. */
  void close() {
    log.close();
  }
}
