package dev.errata.site;

import dev.errata.Diagnostic;
import dev.errata.content.ContentLoader;
import dev.errata.model.Entry;
import dev.errata.render.ModelDigest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the last build found out about each content file's entry, kept for the next in {@code
 * site.builds/cache/files.bin}: the problems its check found in the entry's Markdown fields, and
 * the entry's digests ({@link EntryDigests}, and of what the match index reads of it, {@link
 * ExampleStore.Basis}). All are functions of the file's text (and of the
 * context below), so a file whose text has the checksum and length recorded takes them from the
 * record: its Markdown is not scanned again, nor its entry walked for digests. The entry itself is
 * parsed from the file again by every build; that is about as quick as reading it from a record.
 *
 * <p>Valid only under the context it was made in: this tool, the working folder (messages name
 * files from it), the content folder, its default language and its vocabulary. A record that
 * cannot be read is ignored, which costs the work and never a wrong result. Only a build that
 * succeeded saves it, and only builds use it: the Markdown problems it holds are those of a
 * build's check, which leaves the links in bodies to the rendering. Each entry's part of the
 * match index is kept beside it, in a record of its own ({@link MatchPartsStore}), which only a
 * build that builds the index reads.
 */
final class FileStore {
  static final String FILE = "files.bin";
  private static final String MAGIC = "errata-files 2";

  /** What the last build found out about one file's entry; either part may be missing. */
  private record Known(long checksum, int length, List<Diagnostic> markdown, EntryDigests.Both digests, String indexInputs) {}

  /** One file of this build: its key, and what is known of its entry so far. */
  private static final class Slot {
    final String path;
    final long checksum;
    final int length;
    /** Whether what the record knows of it was looked up (when first asked for). */
    boolean looked;
    List<Diagnostic> markdown;
    EntryDigests.Both digests;
    String indexInputs;

    Slot(String path, long checksum, int length) {
      this.path = path;
      this.checksum = checksum;
      this.length = length;
    }
  }

  /** The record read: its context and each file's part, by path. */
  private record Read(String context, Map<String, Known> files) {}

  private final Path file;
  private volatile Aside<Optional<Read>> reading;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  private final Map<Entry, Slot> byEntry = java.util.Collections.synchronizedMap(new IdentityHashMap<>());
  private String context;
  private Map<String, Known> earlier;

  private final Path cacheDir;
  private volatile MatchPartsStore matchParts;

  FileStore(Path cacheDir) {
    this.cacheDir = cacheDir;
    this.file = cacheDir.resolve(FILE);
    this.matchParts = new MatchPartsStore(cacheDir, false);
  }

  /** Starts reading the record on a thread of its own; a store never started reads nothing (a full build). */
  FileStore startReading() {
    reading = Aside.start("errata-read-files", this::read, Optional.empty());
    matchParts = new MatchPartsStore(cacheDir, true);
    return this;
  }

  /** Each entry's part of the match index, kept beside this record (read only when the index is built). */
  MatchPartsStore matchParts() {
    return matchParts;
  }

  private Optional<Read> read() {
    return RecordBytes.read(file, MAGIC, in -> {
      String context = in.text();
      String[] strings = in.texts();
      int n = in.count();
      Map<String, Known> files = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        String path = in.text();
        long checksum = in.fixed();
        int length = in.count();
        List<Diagnostic> markdown = null;
        if (in.count() == 1) {
          Diagnostic[] problems = new Diagnostic[in.count()];
          for (int k = 0; k < problems.length; k++) {
            problems[k] = new Diagnostic(strings[in.count()], in.count(), in.count(),
                in.count() == 0 ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING, strings[in.count()], strings[in.count()]);
          }
          markdown = List.of(problems);
        }
        EntryDigests.Both digests = in.count() == 1 ? new EntryDigests.Both(in.text(), new long[] {in.fixed(), in.fixed()}) : null;
        String indexInputs = in.count() == 1 ? in.text() : null;
        files.put(path, new Known(checksum, length, markdown, digests, indexInputs));
      }
      return new Read(context, files);
    });
  }

  /**
   * The load's memo ({@link ContentLoader#ContentLoader(java.util.function.BiFunction)}): parses
   * the file, and notes what the record knows of its entry when the record holds this very text.
   */
  ContentLoader.FileResult file(ContentLoader.FileInput input, Supplier<ContentLoader.FileResult> parse) {
    ContentLoader.FileResult result = parse.get();
    String key = input.file().toString();
    Slot slot = new Slot(key, input.checksum(), input.text().length());
    context(input);
    slots.put(key, slot);
    result.entry().ifPresent(e -> byEntry.put(e, slot));
    return result;
  }

  /**
   * What, besides a file's text, its entry is made from: the same for every file of one load (one
   * folder, one vocabulary), so it is made once.
   */
  private synchronized void context(ContentLoader.FileInput input) {
    if (context == null) {
      context = String.join("\u0000", MAGIC, Tool.IDENTITY, Path.of("").toAbsolutePath().toString(),
          input.root().toAbsolutePath().normalize().toString(), input.defaultLang(), ModelDigest.of(input.vocabulary()));
    }
  }

  /**
   * The files the record knows, when it was made in this load's context. Asked for once the
   * content is loaded, so that the load does not wait for the record; the context (long: the
   * tool's identity holds its built-in rules) is compared once.
   */
  private synchronized Map<String, Known> earlier() {
    if (earlier == null) {
      Aside<Optional<Read>> r = reading;
      String c = context;
      earlier = r == null || c == null ? Map.of() : r.get().filter(x -> x.context().equals(c)).map(Read::files).orElse(Map.of());
    }
    return earlier;
  }

  /** The build check's Markdown problems of {@code e} ({@link dev.errata.markdown.MarkdownCheck}'s memo). */
  List<Diagnostic> checked(Entry e, Supplier<List<Diagnostic>> check) {
    return kept(e, () -> List.copyOf(check.get()), s -> s.markdown, (s, v) -> s.markdown = v);
  }

  /** The digests of {@code e} ({@link EntryDigests}' memo). */
  EntryDigests.Both digests(Entry e, Supplier<EntryDigests.Both> digest) {
    return kept(e, digest, s -> s.digests, (s, v) -> s.digests = v);
  }

  /** The digest of what the match index reads of {@code e} ({@link ExampleStore.Basis}' memo). */
  String indexInputs(Entry e, Supplier<String> digest) {
    return kept(e, digest, s -> s.indexInputs, (s, v) -> s.indexInputs = v);
  }

  /** A value of {@code e}'s slot: as the record had it, else made now (and kept for the next record). */
  private <T> T kept(Entry e, Supplier<T> make, java.util.function.Function<Slot, T> get, java.util.function.BiConsumer<Slot, T> set) {
    Slot slot = byEntry.get(e);
    if (slot == null) {
      return make.get();
    }
    synchronized (slot) {
      if (!slot.looked) {
        slot.looked = true;
        Known k = earlier().get(slot.path);
        if (k != null && k.checksum() == slot.checksum && k.length() == slot.length) {
          slot.markdown = k.markdown();
          slot.digests = k.digests();
          slot.indexInputs = k.indexInputs();
        }
      }
      T v = get.apply(slot);
      if (v == null) {
        v = make.get();
        set.accept(slot, v);
      }
      return v;
    }
  }

  /**
   * What this build found out, as the bytes that replace the record when written. Text that
   * problems repeat is written once.
   */
  CacheFile.Pending encode() {
    String c;
    synchronized (this) {
      c = context;
    }
    if (c == null) {
      return () -> { };
    }
    List<String> paths = new ArrayList<>(slots.keySet());
    paths.sort(null);
    RecordBytes.Table strings = new RecordBytes.Table();
    RecordBytes.Out body = new RecordBytes.Out();
    body.count(paths.size());
    for (String path : paths) {
      Slot s = slots.get(path);
      body.text(path);
      synchronized (s) {
        body.fixed(s.checksum);
        body.count(s.length);
        if (s.markdown == null) {
          body.count(0);
        } else {
          body.count(1);
          body.count(s.markdown.size());
          for (Diagnostic d : s.markdown) {
            body.count(strings.number(d.file()));
            body.count(d.line());
            body.count(d.column());
            body.count(d.isError() ? 0 : 1);
            body.count(strings.number(d.message()));
            body.count(strings.number(d.hint()));
          }
        }
        if (s.digests == null) {
          body.count(0);
        } else {
          body.count(1);
          body.text(s.digests.json());
          body.fixed(s.digests.whole()[0]);
          body.fixed(s.digests.whole()[1]);
        }
        if (s.indexInputs == null) {
          body.count(0);
        } else {
          body.count(1);
          body.text(s.indexInputs);
        }
      }
    }
    RecordBytes.Out out = new RecordBytes.Out();
    out.text(MAGIC);
    out.text(c);
    strings.writeTo(out);
    return () -> CacheFile.replace(file, o -> {
      out.writeTo(o);
      body.writeTo(o);
    });
  }
}
