package dev.errata.site;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import dev.errata.content.ContentLoader;
import dev.errata.content.FileStat;
import dev.errata.markdown.Markdown;
import dev.errata.model.Entry;
import dev.errata.render.Templates;
import dev.errata.search.TermCounts;
import dev.errata.text.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a process that builds the same folders again after each edit ({@code errata serve}) keeps
 * from one build to the next, so that a rebuild does the work of the edit rather than of the
 * whole site: each file's parse, each body's Markdown and Markdown problems, each entry's word
 * counts, the parsed templates and the pages rendered with them, the match index and its parts,
 * and the digest of each file written, so that the files an edit leaves unchanged are linked,
 * not written. Everything is kept under the whole input it was made from, so what is reused is
 * what the work would have given, and the site is byte for byte the one a fresh build writes
 * (BuildMemoryTest and IncrementalBuildTest compare them). Only the latest build's values are kept.
 */
public final class BuildMemory implements ContentLoader.Results, EntryMemo {
  private final Kept<ContentLoader.FileInput, ContentLoader.FileResult> files = new Kept<>();

  /** A file's result, and how the file looked before it was read. */
  private record Looked(FileStat stat, ContentLoader.FileInput input, ContentLoader.FileResult result) {}

  /** What besides its text a file's result is made from: the same for every file of one load. */
  private record Context(Path root, String defaultLang, dev.errata.model.Vocabulary vocabulary) {
    static Context of(ContentLoader.FileAt at) {
      return new Context(at.root(), at.defaultLang(), at.vocabulary());
    }
  }

  /** The last build's results by file, for the files whose look this build may trust, and what they were made in. */
  private volatile Map<Path, Looked> looked = Map.of();
  private volatile Context lookedIn;
  private volatile Map<Path, Looked> looking = new java.util.concurrent.ConcurrentHashMap<>();
  /** When this build started, before it looked at any file. */
  private volatile long started;
  /** The context of the latest load, found once per load (its vocabulary is one object), and whether it is the last build's. */
  private Object checkedFor;
  private Context current;
  private boolean sameContext;
  /** At most this many bytes of pages and JSON are remembered: a large site is rendered again rather than held. */
  static final long MEMO_BYTES = 64L << 20;

  private final Kept<Object, byte[]> pages = new Kept<>(b -> b.length, MEMO_BYTES);
  private final Kept<String, Markdown.Rendered> renderings = new Kept<>();
  /** A Markdown renderer whose renderings of bodies and inline fields are taken from the last build where the text is equal. */
  final Markdown markdown = new Markdown(renderings::get);
  // By the entry object: the load hands an unchanged file's entry over as the same object, and
  // hashing an entry by its values (its examples' logs) cost more than the memo saved.
  private final Kept<Same, List<dev.errata.Diagnostic>> checked = new Kept<>();
  private final Kept<Same, TermCounts> counts = new Kept<>();
  private final Kept<Same, EntryDigests.Both> digests = new Kept<>();
  private final List<Kept<Same, String>> inputs = java.util.Arrays.stream(Inputs.values()).map(k -> new Kept<Same, String>()).toList();
  private final Kept<Identical, String> wordParts = new Kept<>();

  /** An entry as a key by its identity. */
  private record Same(Entry entry) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Same s && s.entry == entry;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(entry);
    }
  }
  private List<String> templatesListing;
  private Templates templates;
  private volatile PageWriter.Previous written;

  /** Called as a build starts: what the last build used becomes what this one may reuse. */
  void begin() {
    started = System.currentTimeMillis();
    synchronized (this) {
      if (!looking.isEmpty()) {
        looked = looking;
        lookedIn = current;
        looking = new java.util.concurrent.ConcurrentHashMap<>();
      }
      checkedFor = null;
    }
    files.next();
    pages.next();
    renderings.next();
    checked.next();
    counts.next();
    digests.next();
    wordParts.next();
    inputs.forEach(Kept::next);
  }

  /** Rendered pages and JSON, for the templates of this build (forgotten when they change). */
  final dev.errata.render.RenderMemo renders = (key, make) -> pages.get(key.get(), make);

  /**
   * The last build's result of a file that looks as it did when that build read it, that look
   * taken long enough after the file was written ({@link FileStat}), in the same folder, language
   * and vocabulary: the file is not read again.
   */
  @Override
  public ContentLoader.FileResult unchanged(ContentLoader.FileAt at) {
    Looked l = looked.get(at.file());
    if (l == null || !sameContext(at) || !l.stat().equals(at.stat())) {
      return null;
    }
    ContentLoader.FileResult r = files.get(l.input(), l::result);
    looking.put(at.file(), l);
    return r;
  }

  /** Whether the load {@code at} belongs to has the last build's context (and notes this load's). */
  private synchronized boolean sameContext(ContentLoader.FileAt at) {
    if (checkedFor != at.vocabulary()) {
      checkedFor = at.vocabulary();
      current = Context.of(at);
      sameContext = current.equals(lookedIn);
    }
    return sameContext;
  }

  /** A content file's result, from the last build when everything it is made from is equal. */
  @Override
  public ContentLoader.FileResult file(ContentLoader.FileAt at, ContentLoader.FileInput input,
      java.util.function.Supplier<ContentLoader.FileResult> parse) {
    ContentLoader.FileResult r = files.get(input, parse);
    sameContext(at);
    if (at.stat().settled(started)) {
      looking.put(at.file(), new Looked(at.stat(), input, r));
    }
    return r;
  }

  /**
   * The site the last build wrote, for the writer to link its unchanged files, when the output
   * still links to it (nothing else built into the output since).
   */
  PageWriter.Previous previous(Optional<Path> current) {
    PageWriter.Previous w = written;
    // A listing of its folder as it is now: files may have been removed by hand since.
    return w != null && current.map(w.folder()::equals).orElse(false) ? new PageWriter.Previous(w.folder(), w.digests())
        : PageWriter.Previous.NONE;
  }

  /** What a build that succeeded wrote. */
  void written(Path folder, Map<String, Long> digests) {
    written = new PageWriter.Previous(folder, Map.copyOf(digests));
  }

  private volatile Map.Entry<dev.errata.match.MatchIndex, List<dev.errata.index.IndexPart>> indexParts;

  /**
   * The key and template parts of the search index, made again only when the match index changed
   * ({@link #index} keeps the last build's index object while its inputs are equal).
   */
  List<dev.errata.index.IndexPart> indexParts(dev.errata.match.MatchIndex index,
      java.util.function.Supplier<List<dev.errata.index.IndexPart>> make) {
    Map.Entry<dev.errata.match.MatchIndex, List<dev.errata.index.IndexPart>> kept = indexParts;
    if (kept != null && kept.getKey() == index) {
      return kept.getValue();
    }
    List<dev.errata.index.IndexPart> made = make.get();
    indexParts = Map.entry(index, made);
    return made;
  }

  private volatile int termsUsed;
  private TermCounts.Counting counting;
  private String countingRules;

  /**
   * The word counting of this build: the last build's, so that its counts of unchanged entries
   * stay valid, unless the rules changed or the terms it numbered (which grow with each edit
   * that adds words) are well beyond what its last build used.
   */
  synchronized TermCounts.Counting counting(Rules rules) {
    if (counting == null || !rules.json().equals(countingRules) || counting.termsNumbered() > 2 * termsUsed + 10_000) {
      counting = new TermCounts.Counting(rules, true);
      countingRules = rules.json();
      counts.forget();
    }
    return counting;
  }

  /** How many terms the word index of a build that finished has. */
  void termsUsed(int terms) {
    termsUsed = terms;
  }

  /**
   * A word part's inputs (its terms and their postings' arrays) as a key: equal when its terms
   * are equal and its arrays the same objects, which they are where {@link #words} patched the
   * index and left the part's terms alone. Comparing arrays by identity, not by their numbers,
   * is what makes finding an unchanged part cheaper than digesting it.
   */
  private record Identical(List<?> items) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Identical other) || other.items.size() != items.size()) {
        return false;
      }
      for (int i = 0; i < items.size(); i++) {
        Object a = items.get(i);
        Object b = other.items.get(i);
        if (a != b && !(a instanceof String && a.equals(b))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int h = 1;
      for (Object x : items) {
        h = 31 * h + (x instanceof String s ? s.hashCode() : System.identityHashCode(x));
      }
      return h;
    }
  }

  /** The digest of a word part's inputs, the last build's where they are {@link Identical}. */
  String wordPart(Object inputs, java.util.function.Supplier<String> digest) {
    return inputs instanceof List<?> items ? wordParts.get(new Identical(items), digest) : digest.get();
  }

  private volatile dev.errata.search.WordIndex.Built words;

  /**
   * The word index of this build's counts, patched from the last build's where few entries'
   * counts changed (whether that build succeeded does not matter: the index is its counts').
   */
  dev.errata.search.WordIndex words(dev.errata.search.WordIndex.Builder counting) {
    dev.errata.search.WordIndex.Built made = counting.build(words);
    words = made;
    return made.index();
  }

  /** An entry's word counts, from the last build when the entry is the one it counted. */
  TermCounts counts(Entry e, java.util.function.Supplier<TermCounts> count) {
    return counts.get(new Same(e), count);
  }

  private record Indexed(Object inputs, dev.errata.match.MatchIndex index, dev.errata.index.MatchIndexCodec.Encoded encoded) {}

  private volatile Indexed indexed;

  /** The match index, the last build's when its inputs ({@link dev.errata.match.MatchIndex#inputs}) are equal. */
  dev.errata.match.MatchIndex index(Object inputs, java.util.function.Supplier<dev.errata.match.MatchIndex> build) {
    Indexed kept = indexed;
    if (kept != null && kept.inputs().equals(inputs)) {
      return kept.index();
    }
    dev.errata.match.MatchIndex made = build.get();
    indexed = new Indexed(inputs, made, null);
    return made;
  }

  /** The index encoded, kept with the index it encodes. */
  dev.errata.index.MatchIndexCodec.Encoded encoded(dev.errata.match.MatchIndex index,
      java.util.function.Supplier<dev.errata.index.MatchIndexCodec.Encoded> encode) {
    Indexed kept = indexed;
    if (kept != null && kept.index() == index && kept.encoded() != null) {
      return kept.encoded();
    }
    dev.errata.index.MatchIndexCodec.Encoded made = encode.get();
    if (kept != null && kept.index() == index) {
      indexed = new Indexed(kept.inputs(), index, made);
    }
    return made;
  }

  /** From the last build's check when the entry is the one it checked. */
  @Override
  public List<dev.errata.Diagnostic> checked(Entry e, java.util.function.Supplier<List<dev.errata.Diagnostic>> check) {
    return checked.get(new Same(e), check);
  }

  @Override
  public EntryDigests.Both digests(Entry e, java.util.function.Supplier<EntryDigests.Both> digest) {
    return digests.get(new Same(e), digest);
  }

  @Override
  public String inputs(Inputs kind, Entry e, java.util.function.Supplier<String> digest) {
    return inputs.get(kind.ordinal()).get(new Same(e), digest);
  }

  /**
   * The templates, parsed again only when a file of the templates folder (its messages included)
   * was added, removed or changed since the last build: the listing of names, sizes and
   * modification times says so without reading them.
   */
  synchronized Templates templates(Path folder) {
    List<String> listing = listing(folder);
    if (templates == null || !listing.equals(templatesListing)) {
      templates = new Templates(folder);
      templatesListing = listing;
      pages.forget();
    }
    return templates;
  }

  /** The templates folder by names, sizes, modification times and file keys: what tells that a file of it changed. */
  static List<String> listing(Path folder) {
    List<String> out = new ArrayList<>();
    if (folder == null || !Files.isDirectory(folder)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.sorted().toList()) {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        out.add(f + "\u0000" + a.size() + "\u0000" + a.lastModifiedTime() + "\u0000" + a.fileKey());
      }
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot read the templates folder " + folder + ": " + e.getMessage(), e);
    }
    return out;
  }
}
