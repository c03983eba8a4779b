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
 * <p>Valid only for this tool and these matching rules, which the record names. A record that
 * cannot be read is ignored. Read only when the index is built; saved only by a build that built
 * it and succeeded.
 */
final class MatchPartsStore {
  static final String FILE = "match-parts.bin";
  private static final String MAGIC = "errata-match-parts 2";

  /** One entry's parts as recorded: templates without their place, counts by the record's table. */
  private record Known(List<Template> templates, TermCounts.Kept counts) {}

  private record Read(String context, String[] table, Map<String, Known> parts) {}

  private final Path file;
  private final boolean reuse;
  private volatile Aside<Optional<Read>> reading;
  /** The parts this build's index was built from, by digest: what the next build can take. */
  private final Map<String, MatchIndex.Parts> made = new ConcurrentHashMap<>();
  private volatile TermCounts.Counting counting;
  private volatile String context;
  private final java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();

  /** @param reuse whether to take parts recorded by an earlier build (not in a full build, which only saves) */
  MatchPartsStore(Path cacheDir, boolean reuse) {
    this.file = cacheDir.resolve(FILE);
    this.reuse = reuse;
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
      MatchIndex.Parts parts = read.map(r -> r.parts().get(key)).map(k -> {
        taken.incrementAndGet();
        TermCounts counts = restorers.computeIfAbsent(counting, x -> x.restoring(read.get().table())).apply(k.counts());
        List<Template> templates = new ArrayList<>(k.templates().size());
        for (Template t : k.templates()) {
          templates.add(new Template(i, t.text(), t.items(), t.explicit(), t.primary()));
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
      String[] texts = in.texts();
      String[] table = in.texts();
      Template.Slot[] slots = Template.Slot.values();
      int n = in.count();
      Map<String, Known> parts = new HashMap<>(n * 2);
      for (int k = 0; k < n; k++) {
        String key = in.text();
        List<Template> templates = new ArrayList<>();
        for (int t = in.count(); t > 0; t--) {
          String text = texts[in.count()];
          int flags = in.count();
          List<Template.Item> items = new ArrayList<>();
          for (int m = in.count(); m > 0; m--) {
            Template.Slot slot = slots[in.count()];
            items.add(new Template.Item(slot, texts[in.count()]));
          }
          templates.add(new Template(0, text, items, (flags & 1) != 0, (flags & 2) != 0));
        }
        parts.put(key, new Known(templates, in.kept(table.length)));
      }
      return new Read(c, table, parts);
    });
  }

  /** Replaces the record with the parts this build's index was built from; nothing when it built none. */
  void save() {
    TermCounts.Counting c = counting;
    String ctx = context;
    if (c == null || ctx == null || made.isEmpty()) {
      return;
    }
    List<String> keys = new ArrayList<>(made.keySet());
    keys.sort(null);
    // The counting numbers every term of the record it restored from, those no entry has any more
    // among them: the record's own table holds only the terms of the parts it keeps.
    Map<String, TermCounts.Kept> kept = new HashMap<>();
    made.forEach((key, p) -> kept.put(key, c.keep(p.counts())));
    RecordBytes.UsedTerms terms = new RecordBytes.UsedTerms(c.table(), kept.values());
    RecordBytes.Table texts = new RecordBytes.Table();
    RecordBytes.Out body = new RecordBytes.Out();
    body.count(keys.size());
    for (String key : keys) {
      body.text(key);
      List<Template> templates = made.get(key).templates();
      body.count(templates.size());
      for (Template t : templates) {
        body.count(texts.number(t.text()));
        body.count((t.explicit() ? 1 : 0) | (t.primary() ? 2 : 0));
        body.count(t.items().size());
        for (Template.Item it : t.items()) {
          body.count(it.slot().ordinal());
          body.count(texts.number(it.text()));
        }
      }
      body.kept(kept.get(key), terms::number);
    }
    RecordBytes.Out head = new RecordBytes.Out();
    head.text(MAGIC);
    head.text(ctx);
    texts.writeTo(head);
    head.count(terms.table().length);
    for (String t : terms.table()) {
      head.text(t);
    }
    CacheFile.replace(file, o -> {
      head.writeTo(o);
      body.writeTo(o);
    });
  }
}
