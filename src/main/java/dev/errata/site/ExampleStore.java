package dev.errata.site;

import dev.errata.check.ExampleResults;
import dev.errata.index.MatchIndexCodec;
import dev.errata.match.Confidence;
import dev.errata.match.EditReach;
import dev.errata.match.MatchData;
import dev.errata.match.MatchIndex;
import dev.errata.match.Reach;
import dev.errata.model.KnowledgeBase;
import dev.errata.render.ModelDigest;
import dev.errata.text.Rules;
import java.util.Optional;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answers of examples, kept in one file between builds ({@code site.builds/cache/examples.bin}),
 * each with how far its match reached ({@link Reach}). They are recorded under a key made of the
 * tool, the matching rules and what the index is built from ({@link Basis}): a later build with
 * the same key would build the same index, and reuses them all without building it. A build
 * whose index differs from the recorded one only by the edit of a few entries (the same tool and rules, the same entries in the same order, the same number of
 * templates and average length) reuses those the edit cannot have reached ({@link EditReach}),
 * reading the recorded index from the site that build wrote. The file is replaced in one step, so
 * a reader sees a whole record or none; one it cannot read is ignored (every example runs).
 */
final class ExampleStore {
  static final String FILE = "examples.bin";
  private static final String HEADER = "errata-example-results 4 ";
  /** Past this many edited entries, every example runs again. */
  static final int MAX_EDITED = 64;

  private final Path file;
  private final Path siteIndex;
  private final Map<String, Basis> bases = new java.util.concurrent.ConcurrentHashMap<>();
  /**
   * @param cacheDir where the record is
   * @param siteIndex the match index of the site the recording build wrote ({@link MatchIndexCodec#FILE})
   */
  ExampleStore(Path cacheDir, Path siteIndex) {
    this.file = cacheDir.resolve(FILE);
    this.siteIndex = siteIndex;
  }

  /**
   * The index a run matches its examples with, and what the record says of it: its key (the
   * tool, the rules and each entry's digest of what the index is built from: equal keys, equal
   * indexes, so the key needs no index built), the context that must be equal for an edit to be
   * followed (tool and rules), and the index itself, built when first needed.
   */
  static final class Basis {
    final String key;
    final String context;
    final Rules rules;
    final List<String> entries;
    private final java.util.function.Supplier<MatchIndex> index;
    /**
     * The record's line on the index, when the record is of this very index: the site may then
     * hold its file, which a build checks under its lock before it takes the file.
     */
    private volatile Optional<String[]> recorded = Optional.empty();

    /** @param digest each entry's {@link #digest}, perhaps as an earlier build made it ({@link EntryMemo.Inputs#MATCH_INDEX}) */
    Basis(KnowledgeBase kb, Rules rules, java.util.function.Supplier<MatchIndex> index,
        java.util.function.Function<dev.errata.model.Entry, String> digest) {
      this.entries = List.copyOf(dev.errata.Parallel.map(kb.entries(), digest::apply));
      this.context = sha256(out -> {
        out.write(Tool.IDENTITY.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.write(rules.json().getBytes(StandardCharsets.UTF_8));
      });
      this.key = sha256(out -> {
        out.write(context.getBytes(StandardCharsets.UTF_8));
        for (String e : entries) {
          out.write(e.getBytes(StandardCharsets.UTF_8));
        }
      });
      this.rules = rules;
      this.index = index;
    }

    /** The digest of what the match index reads of {@code e}: equal digests, equal parts of the index. */
    static String digest(dev.errata.model.Entry e) {
      return ModelDigest.of(MatchIndex.inputs(e));
    }

    MatchIndex index() {
      return index.get();
    }

    /**
     * When the record was made for this very index: its number of templates and the digest of
     * the index file that build wrote. If the site still holds that file, its index and its parts
     * are what this build would make, and the index need not be built for them.
     */
    Optional<SiteBuilder.SameIndex> sameIndex() {
      return recorded.map(b -> new SiteBuilder.SameIndex(Integer.parseInt(b[3]), b[5]));
    }

    /** The record's line that describes this index (from the record, when it is of this index). */
    String line() {
      Optional<String[]> r = recorded;
      if (r.isPresent()) {
        return String.join(" ", java.util.Arrays.copyOf(r.get(), 5));
      }
      MatchIndex i = index();
      return String.join(" ", "basis", context, Integer.toString(i.entryCount()), Integer.toString(i.templateCount()),
          Double.toString(i.averageLength()));
    }
  }

  private interface Writing {
    void to(OutputStream out) throws IOException;
  }

  private static String sha256(Writing what) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), d)) {
        what.to(out);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The file a path leads to now, through the site's link; the path itself when it leads nowhere. */
  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p;
    }
  }

  /**
   * A digest of an index file's bytes after its header, to know the site's index for the one a
   * build recorded; empty when it cannot be read or is no index. The header, the content's
   * fingerprint, is left out: a build whose index is the last one's (a body edited) copies the
   * rest as it was, and so knows its digest without reading it. Its length with the {@link
   * dev.errata.Checksum} of the mapped file: a few milliseconds for a 14 MB index, where a digest
   * in Java took 60 ms on the quick compiler, and this runs on every build, under the build's lock.
   */
  static Optional<String> fileDigest(Path f) {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.READ)) {
      long size = ch.size();
      java.nio.ByteBuffer b = ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, size);
      if (!MatchIndexCodec.skipHeader(b)) {
        return Optional.empty();
      }
      return Optional.of(Long.toHexString(size) + "-" + HexFormat.of().toHexDigits(dev.errata.Checksum.of(b)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The record as read from disk, before it is held against an index: its lines, parsed. */
  private record Read(String head, String[] basis, String[] entries, Map<String, ExampleResults.Recorded> known) {
    static final Read NONE = new Read("", new String[0], new String[0], Map.of());
  }

  /** The record, read on a thread of its own from {@link #startReading}, or here when that was not called. */
  private volatile Aside<Read> reading;

  /**
   * Starts reading the record on a thread of its own, while the content loads: 20,000 pastes'
   * answers, each a key, its reach and its answers' numbers in a table of ids. What it reads is
   * only taken where {@link #load} holds it against the index, as before.
   */
  ExampleStore startReading() {
    reading = Aside.start("errata-read-examples", this::read, Read.NONE);
    return this;
  }

  private Read read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return Read.NONE; // none yet, or unreadable: every example runs again
    }
    try {
      RecordBytes.In in = new RecordBytes.In(bytes);
      String head = in.text();
      if (!head.startsWith(HEADER)) {
        return Read.NONE;
      }
      String[] basis = in.text().split(" ");
      String[] entries = in.text().split(" ");
      String[] ids = in.texts();
      Confidence[] confidences = Confidence.values();
      int n = in.count();
      Map<String, ExampleResults.Recorded> known = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        String paste = in.text();
        double worst = Double.longBitsToDouble(in.fixed());
        double[] lines = new double[in.count()];
        for (int k = 0; k < lines.length; k++) {
          lines[k] = Double.longBitsToDouble(in.fixed());
        }
        ExampleResults.Answer[] answers = new ExampleResults.Answer[in.count()];
        for (int k = 0; k < answers.length; k++) {
          answers[k] = new ExampleResults.Answer(ids[in.count()], ids[in.count()], confidences[in.count()]);
        }
        known.put(paste, new ExampleResults.Recorded(List.of(answers), new Reach(worst, lines)));
      }
      // A record cut short, or with bytes after its last paste, is not taken.
      return in.atEnd() ? new Read(head, basis, entries, Map.copyOf(known)) : Read.NONE;
    } catch (RuntimeException e) {
      // Damaged: that costs time, never a wrong answer; every example runs again.
      return Read.NONE;
    }
  }

  /** The head of the record in {@code cacheDir}: its kind and the key of the index its answers are for; empty without one. */
  static String recordedKey(Path cacheDir) {
    return new ExampleStore(cacheDir, cacheDir).read().head();
  }

  /** The answers and reaches of the record in {@code cacheDir}, by paste key (for tests). */
  static Map<String, ExampleResults.Recorded> recordedAnswers(Path cacheDir) {
    return new ExampleStore(cacheDir, cacheDir).read().known();
  }

  private Read record() {
    Aside<Read> task = reading;
    return task == null ? read() : task.get();
  }

  /**
   * The answers this record holds for {@code now} (none unless {@code reuse}): all of them when
   * it was recorded for the same index; those an edit cannot have reached when an edit of a few
   * entries separates the two; none otherwise, or when the file is missing, unreadable or of
   * another kind.
   */
  ExampleResults load(Basis now, boolean reuse) {
    bases.put(now.key, now);
    if (!reuse) {
      return new ExampleResults(now.key, Map.of());
    }
    Read r = record();
    if (r == Read.NONE) {
      return new ExampleResults(now.key, Map.of());
    }
    try {
      boolean same = r.head().equals(HEADER + now.key);
      String[] basis = r.basis();
      if (same && basis.length == 6 && basis[1].equals(now.context)) {
        now.recorded = Optional.of(basis);
      }
      if (same) {
        return new ExampleResults(now.key, r.known());
      }
      // The site as it is now: a build that swaps another in meanwhile cannot give the digest
      // of one site's index and the file of another.
      Optional<EditReach> edit = editReach(now, basis, r.entries(), realPath(siteIndex));
      return edit.map(e -> new ExampleResults(now.key, r.known(), Optional.of(e))).orElseGet(() -> new ExampleResults(now.key, Map.of()));
    } catch (IOException | RuntimeException e) {
      // A damaged record costs time, never a wrong answer: every example runs again.
      return new ExampleResults(now.key, Map.of());
    }
  }

  /**
   * What separates the recorded index from {@code now}, when that is the edit of a few entries
   * and the site the recording build wrote still holds its index.
   */
  private Optional<EditReach> editReach(Basis now, String[] basis, String[] entries, Path siteIndex) throws IOException {
    if (basis.length != 6 || Double.isNaN(now.index().averageLength())
        || !String.join(" ", java.util.Arrays.copyOf(basis, 5)).equals(now.line())) {
      return Optional.empty();
    }
    List<String> digests = now.entries;
    if (entries.length != digests.size() + 1 || !entries[0].equals("entries")) {
      return Optional.empty();
    }
    int[] edited = java.util.stream.IntStream.range(0, digests.size())
        .filter(i -> !digests.get(i).equals(entries[i + 1])).toArray();
    if (edited.length == 0 || edited.length > MAX_EDITED) {
      return Optional.empty();
    }
    return recordedIndex(siteIndex, basis[5]).flatMap(before -> EditReach.of(now.index(), before, edited, now.rules));
  }

  /**
   * The site's match index, when the record is of this very index and the site still holds the
   * file that recording build wrote: the examples an edit left to run (an example changed) are
   * matched with it, the same answers as with an index built again (MatchIndexCodecTest), for
   * the cost of reading a file rather than of building the index.
   */
  Optional<MatchData> siteIndex(Basis basis) {
    // The folder the link leads to now: a build that swaps the site meanwhile leaves it as it is.
    return basis.sameIndex().flatMap(same -> {
      try {
        return recordedIndex(realPath(siteIndex), same.file());
      } catch (IOException e) {
        return Optional.empty();
      }
    });
  }

  /** The index in {@code file}, when that file is the one a build recorded by {@code digest}. */
  private static Optional<MatchData> recordedIndex(Path file, String digest) throws IOException {
    if (!fileDigest(file).equals(Optional.of(digest))) {
      return Optional.empty();
    }
    return Optional.of(MatchIndexCodec.open(file));
  }

  /**
   * Records this run's answers (only those: the file does not grow with past edits), with the
   * index they were found with as the site now holds it. The record is left as it is when it
   * would be written again byte for byte: an edit of a body leaves the index and every answer.
   *
   * @param written the digest ({@link #fileDigest}) of the index the site now holds, when the
   *     build knows it (it copied the last site's); read from the site otherwise
   */
  void save(ExampleResults results, Optional<String> written) {
    Basis basis = bases.get(results.key());
    Optional<String> index = written.isPresent() ? written : fileDigest(siteIndex);
    // Without the index as written, a later build can only reuse answers for the same index.
    String basisLine = basis != null && index.isPresent() ? basis.line() + " " + index.get() : "basis";
    String entriesLine = basis != null && index.isPresent() ? "entries " + String.join(" ", basis.entries) : "entries";
    if (reading != null && unchanged(record(), results, basisLine, entriesLine)) {
      return;
    }
    // Ids are written once, in a table, and each answer as its numbers in it.
    RecordBytes.Table ids = new RecordBytes.Table();
    Map<String, ExampleResults.Recorded> used = new TreeMap<>(results.used());
    RecordBytes.Out pastes = new RecordBytes.Out();
    pastes.count(used.size());
    for (Map.Entry<String, ExampleResults.Recorded> e : used.entrySet()) {
      pastes.text(e.getKey());
      Reach reach = e.getValue().reach();
      pastes.fixed(Double.doubleToLongBits(reach.worst()));
      double[] lines = reach.lines();
      pastes.count(lines.length);
      for (double l : lines) {
        pastes.fixed(Double.doubleToLongBits(l));
      }
      pastes.count(e.getValue().answers().size());
      for (ExampleResults.Answer a : e.getValue().answers()) {
        pastes.count(ids.number(a.id()));
        pastes.count(ids.number(a.family()));
        pastes.count(a.confidence().ordinal());
      }
    }
    RecordBytes.Out head = new RecordBytes.Out();
    head.text(HEADER + results.key());
    head.text(basisLine);
    head.text(entriesLine);
    ids.writeTo(head);
    CacheFile.replace(file, out -> {
      head.writeTo(out);
      pastes.writeTo(out);
    });
  }

  /** Whether the record read holds these very lines and answers: every answer was taken from it, and no other. */
  private static boolean unchanged(Read r, ExampleResults results, String basisLine, String entriesLine) {
    if (r == Read.NONE || !r.head().equals(HEADER + results.key()) || !String.join(" ", r.basis()).equals(basisLine)
        || !String.join(" ", r.entries()).equals(entriesLine) || r.known().size() != results.used().size()) {
      return false;
    }
    return results.used().entrySet().stream().allMatch(e -> r.known().get(e.getKey()) == e.getValue());
  }
}
