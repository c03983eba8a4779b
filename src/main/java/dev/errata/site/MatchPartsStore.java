package dev.errata.site;

import dev.errata.match.MatchIndex;
import dev.errata.match.Template;
import dev.errata.model.Entry;
import dev.errata.search.TermCounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each entry's part of the match index (its compiled templates and relevance counts) as the last
 * build that built the index made it, kept in {@code site.builds/cache/match-parts.bin} by the
 * digest of what the index reads of the entry ({@link MatchIndex#inputs(Entry)}). After a symptom
 * edit the index is built again, and all but the edited entry's parts are taken from here rather
 * than compiled and counted again: they were more than half of building it.
 *
 * <p>The parts lie in a log beside the record ({@link BlobLog}), each with a checksum the record
 * holds: a build that took a part from here points at it where it lies and appends the parts it
 * made, rather than writing 10,000 parts again after a symptom edit. The counts in a part number
 * their terms by the record's table, which each record extends with the new terms (and writes
 * afresh, with every part, once most of it is terms no part has any more).
 *
 * <p>Valid only for this tool and these matching rules, which the record names. A record that
 * cannot be read is ignored. Read only when the index is built; saved only by a build that built
 * it and succeeded.
 */
final class MatchPartsStore {
  static final String FILE = "match-parts.bin";
  private static final String MAGIC = "errata-match-parts 3";
  /** The name of the log of parts beside the record. */
  private static final String LOG = "parts";

  /** One entry's parts as recorded: templates without their place, counts by the record's table; where they lie. */
  private record Known(List<Template> templates, TermCounts.Kept counts, BlobLog.At at) {}

  private record Read(String context, String[] table, Map<String, Known> parts) {}

  private final Path cacheDir;
  private final Path file;
  private final boolean reuse;
  private volatile Aside<Optional<Read>> reading;
  /** The log the record read points into. */
  private volatile BlobLog log;
  /** The parts this build's index was built from, by digest: what the next build can take. */
  private final Map<String, MatchIndex.Parts> made = new ConcurrentHashMap<>();
  /** The parts taken from the record with their counts numbered as it numbers them: pointed at where they lie. */
  private final Map<String, Known> takenAsTheyLie = new ConcurrentHashMap<>();
  private volatile TermCounts.Counting counting;
  private volatile String context;
  private final java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();

  /** @param reuse whether to take parts recorded by an earlier build (not in a full build, which only saves) */
  MatchPartsStore(Path cacheDir, boolean reuse) {
    this.cacheDir = cacheDir;
    this.file = cacheDir.resolve(FILE);
    this.reuse = reuse;
    this.log = BlobLog.none(cacheDir, LOG);
  }

  /**
   * The memo for building one index with {@code rules} (as JSON, which names them), each entry
   * known by {@code digest}, of what the index reads of it ({@link ExampleStore.Basis#digest}). The record is read on first need, on a thread of its own.
   */
  MatchIndex.PartsMemo memo(String rulesJson, java.util.function.Function<Entry, String> digest) {
    String c = String.join("\u0000", MAGIC, Tool.IDENTITY, rulesJson);
    synchronized (this) {
      context = c;
      if (reuse && reading == null) {
        reading = Aside.start("errata-read-match-parts", this::read, Optional.empty());
      }
    }
    Map<TermCounts.Counting, java.util.function.Function<TermCounts.Kept, TermCounts>> restorers = new ConcurrentHashMap<>();
    // The record's context is compared once, not for each of the entries asking for their parts.
    Aside<Optional<Read>> task = reading;
    java.util.function.Supplier<Optional<Read>> usable = dev.errata.Lazy.of(() -> task == null ? Optional.<Read>empty()
        : task.get().filter(r -> r.context().equals(c)));
    return (i, e, counting, make) -> {
      this.counting = counting;
      String key = digest.apply(e);
      Optional<Read> read = usable.get();
      // The record's terms are numbered before this build counts any part of its own, so that a
      // fresh counting numbers them as the record does and the parts taken keep their bytes.
      java.util.function.Function<TermCounts.Kept, TermCounts> restore = read.isEmpty() ? null
          : restorers.computeIfAbsent(counting, x -> x.restoring(read.get().table()));
      MatchIndex.Parts parts = read.map(r -> r.parts().get(key)).map(k -> {
        taken.incrementAndGet();
        TermCounts counts = restore.apply(k.counts());
        if (counting.keep(counts).terms() == k.counts().terms()) {
          takenAsTheyLie.put(key, k);
        }
        List<Template> templates = new ArrayList<>(k.templates().size());
        for (Template t : k.templates()) {
          templates.add(new Template(i, t.text(), t.items(), t.explicit(), t.primary(), t.downstream()));
        }
        return new MatchIndex.Parts(templates, counts);
      }).orElseGet(make);
      made.put(key, parts);
      return parts;
    };
  }

  /** How many entries' parts this build took from the record (tests). */
  int taken() {
    return taken.get();
  }

  private Optional<Read> read() {
    return RecordBytes.read(file, MAGIC, in -> {
      String c = in.text();
      String generation = in.text();
      String[] table = in.texts();
      log = BlobLog.open(cacheDir, LOG, generation);
      BlobLog.Whole parts;
      try {
        parts = log.whole();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e); // no record: every part is made
      }
      Template.Slot[] slots = Template.Slot.values();
      int n = in.count();
      Map<String, Known> known = new HashMap<>(n * 2);
      for (int k = 0; k < n; k++) {
        String key = in.text();
        BlobLog.At at = BlobLog.readAt(in);
        RecordBytes.In p = parts.in(at);
        List<Template> templates = new ArrayList<>();
        for (int t = p.count(); t > 0; t--) {
          String text = p.text();
          int flags = p.count();
          List<Template.Item> items = new ArrayList<>();
          for (int m = p.count(); m > 0; m--) {
            Template.Slot slot = slots[p.count()];
            items.add(new Template.Item(slot, p.text()));
          }
          templates.add(new Template(0, text, items, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0));
        }
        TermCounts.Kept counts = p.kept(table.length);
        if (!p.atEnd()) {
          throw new IllegalStateException("damaged part");
        }
        known.put(key, new Known(templates, counts, at));
      }
      return new Read(c, table, known);
    });
  }

  /** Replaces the record with the parts this build's index was built from; nothing when it built none. */
  void save() {
    TermCounts.Counting c = counting;
    String ctx = context;
    if (c == null || ctx == null || made.isEmpty()) {
      close();
      return;
    }
    List<String> keys = new ArrayList<>(made.keySet());
    keys.sort(null);
    // The table is the counting's: the record's terms first, as it numbered them, then this
    // build's new ones. Once most of it is terms no part has any more, it is written afresh with
    // only those in use, and every part with it.
    Map<String, TermCounts.Kept> kept = new HashMap<>();
    made.forEach((key, p) -> kept.put(key, c.keep(p.counts())));
    RecordBytes.Numbering numbering = RecordBytes.Numbering.of(c.table(), kept.values());
    List<Object> parts = new ArrayList<>(keys.size());
    for (String key : keys) {
      Known lies = numbering.renumbered() ? null : takenAsTheyLie.get(key);
      if (lies != null) {
        parts.add(lies.at());
        continue;
      }
      RecordBytes.Out p = new RecordBytes.Out();
      List<Template> templates = made.get(key).templates();
      p.count(templates.size());
      for (Template t : templates) {
        p.text(t.text());
        p.count((t.explicit() ? 1 : 0) | (t.primary() ? 2 : 0) | (t.downstream() ? 4 : 0));
        p.count(t.items().size());
        for (Template.Item it : t.items()) {
          p.count(it.slot().ordinal());
          p.text(it.text());
        }
      }
      p.kept(kept.get(key), numbering.number());
      parts.add(p.toByteArray());
    }
    java.util.Optional<BlobLog.Written> appended = log.writeOrClose(parts);
    if (appended.isEmpty()) {
      return;
    }
    BlobLog.Written written = appended.get();
    RecordBytes.Out out = written.head(MAGIC, ctx);
    numbering.writeTable(out);
    out.count(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      out.text(keys.get(i));
      BlobLog.writeAt(out, written.at().get(i));
    }
    log.commit(file, out::writeTo, written);
  }

  /** Closes the log the record read points into. */
  void close() {
    log.close();
  }
}
