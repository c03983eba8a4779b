package dev.errata.site;

import dev.errata.Diagnostic;
import dev.errata.content.ContentLoader;
import dev.errata.content.FileStat;
import dev.errata.model.Entry;
import dev.errata.render.ModelDigest;
import java.io.IOException;
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
 * site.builds/cache/files.bin}: the entry itself, in a form read back without parsing the file
 * ({@link ContentLoader.Forms}), the problems its check found in the entry's Markdown fields, and
 * the entry's digests ({@link EntryDigests}, and of what the match index reads of it, {@link
 * ExampleStore.Basis}). All are functions of the file's text (and of the
 * context below), so a file whose text has the checksum and length recorded takes them from the
 * record: it is not parsed, its Markdown is not scanned again, nor its entry walked for digests.
 * The forms lie in a log beside the record ({@link BlobLog}): a build reads each unchanged file's
 * form from there when it loads the file, and the next record points at it where it lies, so a
 * rebuild writes the forms of the files it parsed and the record (3 MB at 10,000 entries), not
 * the 27 MB of forms again, and the forms of 10,000 entries are never held at once. (Held, they
 * filled the old generation that a build's collector is sized for, and a rebuild after a
 * symptom edit paid half a second of full collection.)
 *
 * <p>Valid only under the context it was made in: this tool, the working folder (messages name
 * files from it), the content folder, its default language and its vocabulary. A record that
 * cannot be read is ignored, which costs the work and never a wrong result. Only a build that
 * succeeded saves it, and only builds use it: the Markdown problems it holds are those of a
 * build's check, which leaves the links in bodies to the rendering. Each entry's part of the
 * match index is kept beside it, in a record of its own ({@link MatchPartsStore}), which only a
 * build that builds the index reads.
 */
final class FileStore implements ContentLoader.Forms, EntryMemo {
  static final String FILE = "files.bin";
  private static final String MAGIC = "errata-files 8";
  /** The name of the log of forms beside the record. */
  private static final String LOG = "forms";

  /**
   * What the last build found out about one file's entry; any part may be missing.
   *
   * @param stat how the file looked when it was last read, when that look may be trusted
   */
  private record Known(long checksum, int length, BlobLog.At form, List<Diagnostic> markdown, EntryDigests.Both digests,
      String[] inputs, FileStat stat) {}

  /** A form given to the load, and where it lies: a slot whose load takes it points at it there. */
  private record Given(ContentLoader.Form form, BlobLog.At at) {}

  /** One file of this build: its key, and what is known of its entry so far. */
  private static final class Slot {
    final String path;
    final long checksum;
    final int length;
    /** How the file looked before it was read, when the next build may trust that look; else null. */
    final FileStat stat;
    /** Whether what the record knows of it was looked up (when first asked for). */
    boolean looked;
    /** The entry's form, when this build made it. */
    ContentLoader.Form form;
    /** Where the entry's form lies in the log, when this build took it from there. */
    BlobLog.At at;
    List<Diagnostic> markdown;
    EntryDigests.Both digests;
    /** By {@link Inputs}' ordinal; null where not known. */
    String[] inputs = new String[Inputs.values().length];

    Slot(String path, long checksum, int length, FileStat stat) {
      this.path = path;
      this.checksum = checksum;
      this.length = length;
      this.stat = stat;
    }
  }

  /** The record read: its context, the generation of the log its forms lie in, each file's part by path. */
  private record Read(String context, String log, Map<String, Known> files) {}

  private final Path file;
  private volatile Aside<Optional<Read>> reading;
  /** The log of forms the last record points into, open from its reading to the writing of the next. */
  private volatile BlobLog last;
  private final Map<String, Given> given = new ConcurrentHashMap<>();
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  private final Map<Entry, Slot> byEntry = java.util.Collections.synchronizedMap(new IdentityHashMap<>());
  private String context;
  private Map<String, Known> earlier;

  private final Path cacheDir;
  private volatile MatchPartsStore matchParts;
  /** When this build started, before it looked at any file (the file system's clock is the same wall clock). */
  private final long started = System.currentTimeMillis();

  FileStore(Path cacheDir) {
    this.cacheDir = cacheDir;
    this.file = cacheDir.resolve(FILE);
    this.matchParts = new MatchPartsStore(cacheDir, false);
    this.last = BlobLog.none(cacheDir, LOG);
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

  /** The record, and the log of its forms opened for reading. */
  private Optional<Read> read() {
    Optional<Read> read = RecordBytes.read(file, MAGIC, FileStore::table);
    read.ifPresent(r -> last = BlobLog.open(cacheDir, LOG, r.log()));
    return read;
  }

  private static Read table(RecordBytes.In in) {
    String context = in.text();
    String log = in.text();
    String[] strings = in.texts();
    int n = in.count();
    Map<String, Known> files = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      String path = in.text();
      long checksum = in.fixed();
      int length = in.count();
      BlobLog.At form = in.count() == 1 ? BlobLog.readAt(in) : null;
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
      String[] inputs = new String[Inputs.values().length];
      for (int k = 0; k < inputs.length; k++) {
        inputs[k] = in.count() == 1 ? in.text() : null;
      }
      FileStat stat = in.count() == 1 ? new FileStat(in.fixed(), in.fixed(), strings[in.count()]) : null;
      files.put(path, new Known(checksum, length, form, markdown, digests, inputs, stat));
    }
    return new Read(context, log, files);
  }

  /** Closes the last record's file: after the next is written, or when the build stops without writing it. */
  void close() {
    last.close();
  }

  /**
   * The form the record holds of this very file's entry. The first file waits for the record to be
   * read, which starts with the build, beside the walk of the content folder.
   */
  @Override
  public ContentLoader.Form earlier(ContentLoader.FileInput input) {
    context(input.root(), input.defaultLang(), input.vocabulary());
    String key = input.file().toString();
    Known k = earlier().get(key);
    if (k == null || k.checksum() != input.checksum() || k.length() != input.text().length()) {
      return null;
    }
    return form(key, k);
  }

  /**
   * What the record knows of a file that looks as it did when the last build read it, that look
   * taken long enough after the file was written ({@link FileStat}).
   */
  @Override
  public ContentLoader.Unchanged unchanged(ContentLoader.FileAt at) {
    context(at.root(), at.defaultLang(), at.vocabulary());
    String key = at.file().toString();
    Known k = earlier().get(key);
    if (k == null || k.stat() == null || !k.stat().equals(at.stat())) {
      return null;
    }
    ContentLoader.Form form = form(key, k);
    return form == null ? null : new ContentLoader.Unchanged(k.checksum(), k.length(), form);
  }

  /** The form {@code k} holds, read from the record's file, and noted as given; null if none or unreadable. */
  private ContentLoader.Form form(String key, Known k) {
    if (k.form() == null) {
      return null;
    }
    try {
      ContentLoader.Form form = new ContentLoader.Form(last.read(k.form()));
      given.put(key, new Given(form, k.form()));
      return form;
    } catch (IOException | RuntimeException e) {
      return null; // parsed instead
    }
  }

  /** Notes a file of this build, and what the record knows of its entry when it holds this very text. */
  @Override
  public void made(ContentLoader.FileAt at, long checksum, int length, ContentLoader.FileResult result, ContentLoader.Form form) {
    String key = at.file().toString();
    // The look was taken before the file was read: a file written after it has a later time, so
    // the next build, seeing that time, reads it again.
    Slot slot = new Slot(key, checksum, length, at.stat().settled(started) ? at.stat() : null);
    Given g = given.remove(key);
    if (g != null && g.form() == form) {
      slot.at = g.at(); // pointed at where it lies when the next record is written, not held till then
    } else {
      slot.form = form;
    }
    context(at.root(), at.defaultLang(), at.vocabulary());
    slots.put(key, slot);
    result.entry().ifPresent(e -> byEntry.put(e, slot));
  }

  /**
   * What, besides a file's text, its entry is made from: the same for every file of one load (one
   * folder, one vocabulary), so it is made once.
   */
  private synchronized void context(Path root, String defaultLang, dev.errata.model.Vocabulary vocabulary) {
    if (context == null) {
      context = String.join("\u0000", MAGIC, Tool.IDENTITY, Path.of("").toAbsolutePath().toString(),
          root.toAbsolutePath().normalize().toString(), defaultLang, ModelDigest.of(vocabulary));
    }
  }

  /**
   * The files the record knows, when it was made in this load's context. The context (long: the
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

  @Override
  public List<Diagnostic> checked(Entry e, Supplier<List<Diagnostic>> check) {
    return kept(e, () -> List.copyOf(check.get()), s -> s.markdown, (s, v) -> s.markdown = v);
  }

  @Override
  public EntryDigests.Both digests(Entry e, Supplier<EntryDigests.Both> digest) {
    return kept(e, digest, s -> s.digests, (s, v) -> s.digests = v);
  }

  /** As the record had it, else made by {@code digest}. */
  @Override
  public String inputs(Inputs kind, Entry e, Supplier<String> digest) {
    int k = kind.ordinal();
    return kept(e, digest, s -> s.inputs[k], (s, v) -> s.inputs[k] = v);
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
          slot.inputs = k.inputs().clone();
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
   * What this build found out, as the bytes that replace the record when written. The forms this
   * build made are appended to the log first (or the log is written afresh, {@link BlobLog}):
   * before the site is in place, which is safe, since the record in place points at none of
   * them. Text that problems repeat is written once.
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
    List<Object> forms = new ArrayList<>();
    for (String path : paths) {
      Slot s = slots.get(path);
      synchronized (s) {
        if (s.form != null) {
          forms.add(s.form.bytes());
        } else if (s.at != null) {
          forms.add(s.at);
        }
      }
    }
    BlobLog log = last;
    java.util.Optional<BlobLog.Written> appended = log.writeOrClose(forms);
    if (appended.isEmpty()) {
      return () -> { };
    }
    BlobLog.Written written = appended.get();
    RecordBytes.Table strings = new RecordBytes.Table();
    RecordBytes.Out body = new RecordBytes.Out();
    body.count(paths.size());
    int form = 0;
    for (String path : paths) {
      Slot s = slots.get(path);
      body.text(path);
      synchronized (s) {
        body.fixed(s.checksum);
        body.count(s.length);
        if (s.form != null || s.at != null) {
          body.count(1);
          BlobLog.writeAt(body, written.at().get(form++));
        } else {
          body.count(0);
        }
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
        for (String digest : s.inputs) {
          if (digest == null) {
            body.count(0);
          } else {
            body.count(1);
            body.text(digest);
          }
        }
        if (s.stat == null) {
          body.count(0);
        } else {
          body.count(1);
          body.fixed(s.stat.size());
          body.fixed(s.stat.modified());
          body.count(strings.number(s.stat.key()));
        }
      }
    }
    RecordBytes.Out out = written.head(MAGIC, c);
    strings.writeTo(out);
    return () -> log.commit(file, o -> {
      out.writeTo(o);
      body.writeTo(o);
    }, written);
  }
}
