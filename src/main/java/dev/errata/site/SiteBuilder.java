package dev.errata.site;

import com.fasterxml.jackson.core.JsonFactory;
import dev.errata.Diagnostic;
import dev.errata.ErrataException;
import dev.errata.ExitCode;
import dev.errata.Lazy;
import dev.errata.check.Checker;
import dev.errata.check.ExampleResults;
import dev.errata.check.ExamplesMatch;
import dev.errata.content.ContentLoader;
import dev.errata.content.Fingerprint;
import dev.errata.content.FolderLook;
import dev.errata.index.EntriesJson;
import dev.errata.index.MatchIndexCodec;
import dev.errata.index.SearchIndexWriter;
import dev.errata.markdown.Markdown;
import dev.errata.markdown.MarkdownCheck;
import dev.errata.match.EntryInfo;
import dev.errata.match.MatchIndex;
import dev.errata.match.Matcher;
import dev.errata.text.Rules;
import dev.errata.search.WordIndex;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.render.Messages;
import dev.errata.render.Page;
import dev.errata.render.SiteRenderer;
import dev.errata.render.Templates;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One build: load, check, render, write into a temporary folder, swap it in. Any content error
 * stops the build before anything is written, with every diagnostic.
 */
public final class SiteBuilder {
  private final Clock clock;
  private final Consumer<String> notices;
  private final Optional<BuildMemory> memory;

  public SiteBuilder(Clock clock) {
    this(clock, message -> { });
  }

  /** @param notices told what a person waiting for the build should know, such as that it waits for another build */
  public SiteBuilder(Clock clock, Consumer<String> notices) {
    this(clock, notices, Optional.empty());
  }

  private SiteBuilder(Clock clock, Consumer<String> notices, Optional<BuildMemory> memory) {
    this.clock = clock;
    this.notices = notices;
    this.memory = memory;
  }

  /** A builder that keeps what its next build can reuse ({@link BuildMemory}): for a process that builds again after each edit. */
  public SiteBuilder remembering() {
    return new SiteBuilder(clock, notices, Optional.of(new BuildMemory()));
  }

  /**
   * Where to read and write. {@code full} runs every example again; otherwise answers an earlier
   * build into {@code out} recorded for the same match index are reused.
   */
  public record Options(Path content, Path templates, Path out, boolean full) {
    public Options(Path content, Path templates, Path out) {
      this(content, templates, out, false);
    }
  }

  /**
   * What a build did, for the summary line.
   *
   * @param kept how many entry pages were kept from the previous site rather than rendered
   * @param keptLists how many pages that list entries were
   * @param keptWordParts how many parts of the word index were
   * @param examplesReused how many example pastes took the answers an earlier build recorded
   * @param examplesMatched how many were matched
   */
  public record Result(int entries, int pages, int kept, int keptLists, int keptWordParts, List<Diagnostic> diagnostics,
      Duration time, int examplesReused, int examplesMatched) {
    public long warnings() {
      return diagnostics.stream().filter(d -> !d.isError()).count();
    }

    Result withExamples(int reused, int matched) {
      return new Result(entries, pages, kept, keptLists, keptWordParts, diagnostics, time, reused, matched);
    }
  }

  /** Loads and checks the content: the diagnostics of {@code errata check}. */
  public static Checked check(Path content) {
    return check(content, true, Phases.fromSystemProperty(), true, Optional.empty(), false, Optional.empty(),
        Optional.empty(), new java.util.IdentityHashMap<>());
  }

  /**
   * The diagnostics of {@code errata check}, with the answers of examples that the last build
   * into {@code out} recorded taken where they hold: they are the matcher's answers for the same
   * index, so the diagnostics are the same. A check records nothing: the record belongs to the
   * site, and a check of other content must not replace it.
   */
  public static Checked check(Path content, Path out) {
    Optional<ExampleStore> store = OutputFolder.cacheFolder(out)
        .filter(cache -> Files.isRegularFile(cache.resolve(ExampleStore.FILE)))
        .map(cache -> new ExampleStore(cache, out.resolve(MatchIndexCodec.FILE)).startReading());
    Map<KnowledgeBase, ExampleResults> results = new java.util.IdentityHashMap<>();
    Checked checked = check(content, true, Phases.fromSystemProperty(), true, store, true, Optional.empty(), Optional.empty(),
        results);
    return checked.withReused(results.values().stream().mapToInt(ExampleResults::reused).sum());
  }

  /**
   * Loads and checks the content; {@code runExamples} also inspects every Markdown field and
   * runs every entry's examples through the matcher (what {@code check} and {@code build} do;
   * {@code match}, which uses neither, skips them).
   */
  public static Checked check(Path content, boolean runExamples) {
    return check(content, runExamples, Phases.fromSystemProperty(), runExamples, Optional.empty(), false, Optional.empty(),
        Optional.empty(), new java.util.IdentityHashMap<>());
  }

  /**
   * @param parseBodies whether bodies are parsed for their links and nesting, which a build finds as it renders them
   * @param memory what a remembering builder kept from its last build (its builds never parse bodies here)
   * @param files what the last build into the output kept of each file (a build's check: bodies not parsed)
   * @param results filled with the examples' answers, for the build to store once it has succeeded
   */
  private static Checked check(Path content, boolean runExamples, Phases phases, boolean parseBodies,
      Optional<ExampleStore> store, boolean reuse, Optional<BuildMemory> memory, Optional<FileStore> files,
      Map<KnowledgeBase, ExampleResults> results) {
    // The examples rule compiles the match index; a build reuses it rather than compiling it again.
    // The rules (the tool's merged with the content's, their patterns compiled) are made once too.
    Map<KnowledgeBase, Rules> merged = new java.util.IdentityHashMap<>();
    Function<KnowledgeBase, Rules> rulesOf = kb -> merged.computeIfAbsent(kb, k -> Rules.forContent(k.matching()));
    // Built when first needed, once: by the examples that must run, else by the build's side
    // thread while pages render (an edit that leaves every example's answer recorded needs no
    // index before the pages).
    Map<KnowledgeBase, Lazy<MatchIndex>> built = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    Map<KnowledgeBase, ExampleStore.Basis> bases = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    EntryMemo memo = memo(memory, files);
    // What the match index reads of each entry, digested; the last build knows it of unchanged entries.
    Function<Entry, String> indexDigest = e -> memo.inputs(EntryMemo.Inputs.MATCH_INDEX, e, () -> ExampleStore.Basis.digest(e));
    Function<KnowledgeBase, Lazy<MatchIndex>> index = kb -> built.computeIfAbsent(kb, k -> Lazy.of(() -> {
      // A build from disk takes each unchanged entry's part of the index from the last build's.
      java.util.function.Supplier<MatchIndex> build = () -> MatchIndex.build(k, rulesOf.apply(k), files
          .map(f -> f.matchParts().memo(rulesOf.apply(k).json(), indexDigest)).orElse(MatchIndex.PartsMemo.NONE));
      return memory.map(m -> m.index(MatchIndex.inputs(k, rulesOf.apply(k)), build)).orElseGet(build);
    }));
    ContentLoader.Result loaded = memory.map(m -> new ContentLoader(m))
        .or(() -> files.map(ContentLoader::new)).orElseGet(ContentLoader::new).load(content);
    BiFunction<Entry, Supplier<List<Diagnostic>>, List<Diagnostic>> markdownMemo = memo::checked;
    phases.done("load (read, YAML, map)");
    List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
    Function<KnowledgeBase, ExampleResults> recorded = kb -> results.computeIfAbsent(kb, k -> store.map(s -> {
      // Example answers depend on the index and on the rules that prepare a paste (matching.yml among them).
      ExampleStore.Basis basis = bases.computeIfAbsent(k, x -> new ExampleStore.Basis(k, rulesOf.apply(k), index.apply(k), indexDigest));
      return s.load(basis, reuse);
    }).orElse(ExampleResults.none()));
    List<dev.errata.check.Rule> extra = runExamples
        ? List.of(new MarkdownCheck(new Markdown(), parseBodies, markdownMemo)::check,
            // The examples left to run are matched with the site's index when it is this very
            // one (an example edited), else with the index built.
            new ExamplesMatch(kb -> new Matcher(store.flatMap(s -> Optional.ofNullable(bases.get(kb)).flatMap(s::siteIndex))
                    .orElseGet(() -> index.apply(kb).get()), rulesOf.apply(kb)), recorded))
        : List.of();
    KnowledgeBase kb = loaded.knowledgeBase();
    if (runExamples) {
      // Read even without a single example: the record says which index the last build wrote, so
      // a build after an edit that leaves it as it was (a body) takes the index and its parts from the site.
      ExampleResults answers = recorded.apply(kb);
      if (ExamplesMatch.hasExamples(kb) && answers.recordsNothing()) {
        buildAside(index.apply(kb));
      }
    }
    all.addAll(new Checker(extra, loaded.unloaded()).check(kb));
    Lazy<MatchIndex> matchIndex = index.apply(kb);
    Lazy<MatchIndexCodec.Encoded> encoded = Lazy.of(() -> {
      java.util.function.Supplier<MatchIndexCodec.Encoded> encode = () -> MatchIndexCodec.encode(matchIndex.get());
      return memory.map(m -> m.encoded(matchIndex.get(), encode)).orElseGet(encode);
    });
    Optional<SameIndex> same = Optional.ofNullable(bases.get(kb)).flatMap(ExampleStore.Basis::sameIndex);
    return new Checked(kb, all.stream().sorted(Diagnostic.ORDER).toList(), matchIndex, encoded, same, 0, loaded.look());
  }

  /**
   * Starts building the match index on a thread of its own. Called when nothing recorded can
   * spare a single example: all of them will be matched, and the index is then made while the
   * other rules run, rather than by the first example while every other core waits for it.
   */
  private static void buildAside(Lazy<MatchIndex> index) {
    // A failure leaves it unmade: the first example to need it builds it again, and fails where it is reported.
    Aside.run("errata-match-index", index::get);
  }

  /**
   * The match index of the last build into the output, when it is this very index: its number of
   * templates, and the digest of the file that build wrote ({@code ExampleStore.fileDigest}).
   */
  public record SameIndex(int templates, String file) {}

  /**
   * A loaded knowledge base and all problems found in it.
   *
   * @param matchIndex the match index, built on first need
   * @param encodedIndex the same encoded, made on first need
   * @param sameIndex when the last build into the output recorded this very index: if its site
   *     still holds the file that build wrote, the file and the index's parts may be taken from there
   * @param reused how many examples' answers were taken from a record rather than matched
   * @param look the content folder as it was before any file was read (the index's {@link Fingerprint} is made from it)
   */
  public record Checked(KnowledgeBase knowledgeBase, List<Diagnostic> diagnostics,
      java.util.function.Supplier<MatchIndex> matchIndex, java.util.function.Supplier<MatchIndexCodec.Encoded> encodedIndex,
      Optional<SameIndex> sameIndex, int reused, FolderLook look) {
    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    Checked withReused(int n) {
      return new Checked(knowledgeBase, diagnostics, matchIndex, encodedIndex, sameIndex, n, look);
    }
  }

  public Result build(Options options) {
    long start = clock.millis();
    Phases phases = Phases.fromSystemProperty();
    Optional<ExampleStore> store = OutputFolder.cacheFolder(options.out())
        .map(cache -> new ExampleStore(cache, options.out().resolve(MatchIndexCodec.FILE)))
        .map(s -> options.full() ? s : s.startReading());
    Map<KnowledgeBase, ExampleResults> examples = new java.util.IdentityHashMap<>();
    // Read while the content loads: what the last build recorded of its pages.
    Optional<PageStore> pageStore = OutputFolder.cacheFolder(options.out()).map(PageStore::new)
        .map(s -> options.full() ? s : s.startReading());
    // What each file gave the last build; a process that remembers its own builds keeps more than that already.
    Optional<FileStore> files = memory.isPresent() ? Optional.empty()
        : OutputFolder.cacheFolder(options.out()).map(FileStore::new).map(s -> options.full() ? s : s.startReading());
    memory.ifPresent(BuildMemory::begin);
    try {
      Checked checked = check(options.content(), true, phases, false, store, !options.full(), memory, files, examples);
      phases.done("check (rules, examples)");
      if (checked.hasErrors()) {
        throw invalid(options, checked.diagnostics());
      }
      try (OutputFolder out = new OutputFolder(options.out(),
          () -> notices.accept("another build into " + options.out() + " is running; waiting for it to finish"))) {
        // Stored only by a build that succeeded, under its lock: a failed or killed build leaves nothing behind.
        Consumer<Optional<String>> saveExamples = written -> store.ifPresent(s -> examples.values().forEach(r -> s.save(r, written)));
        return write(options, checked, out, pageStore, files, saveExamples, start, phases).withExamples(
            examples.values().stream().mapToInt(ExampleResults::reused).sum(),
            examples.values().stream().mapToInt(ExampleResults::matched).sum());
      }
    } finally {
      files.ifPresent(FileStore::close);
      files.ifPresent(f -> f.matchParts().close());
      pageStore.ifPresent(PageStore::close);
    }
  }

  /** What a remembering builder, else the last build's record of each file, knows of each entry already. */
  private static EntryMemo memo(Optional<BuildMemory> memory, Optional<FileStore> files) {
    return memory.<EntryMemo>map(m -> m).or(() -> files.map(f -> f)).orElse(EntryMemo.NONE);
  }

  /** Renders and writes the site into a new folder of {@code out} and swaps it in; the lock is held throughout. */
  private Result write(Options options, Checked checked, OutputFolder out,
      Optional<PageStore> pageStore, Optional<FileStore> files, Consumer<Optional<String>> saveExamples, long start, Phases phases) {
    KnowledgeBase kb = checked.knowledgeBase();
    Fingerprint fingerprint = Fingerprint.of(checked.look(), MatchIndexCodec.salt());
    Rules rules = Rules.forContent(kb.matching());
    Markdown markdown = memory.map(m -> m.markdown).orElseGet(Markdown::new);
    SearchIndexWriter searchIndex = new SearchIndexWriter();
    List<Diagnostic> diagnostics = new ArrayList<>(checked.diagnostics());
    Path tmp = out.begin();
    Optional<Path> current = out.current();
    String context = PageStore.context(options.templates(), rules);
    Optional<PageStore.Record> last = options.full() ? Optional.empty() : pageStore.flatMap(s -> s.load(context, current));
    PageWriter.Previous previous = memory.map(m -> m.previous(current)).filter(p -> p != PageWriter.Previous.NONE)
        .or(() -> last.map(r -> new PageWriter.Previous(current.orElseThrow(), r.digests())))
        .orElse(PageWriter.Previous.NONE);
    // The site before the previous one, when the record says where it differs from the previous:
    // this build changes those files and its own, rather than making every file anew.
    Optional<PageStore.Spare> spare = last.flatMap(PageStore.Record::spare).filter(s -> previous != PageWriter.Previous.NONE);
    boolean reused = spare.isPresent() && out.reuse(spare.get().folder(), tmp);
    if (!reused) {
      out.dropSpareAside();
    }
    PageWriter writer = new PageWriter(tmp, previous, reused ? spare.get().changed() : null);
    int pageCount;
    KeptPages kept;
    boolean committed = false;
    // What needs only the entries (the JSON API, the match index and its parts) is written on a
    // thread of its own while the pages render, and the word index and its parts on another while
    // the list pages render: both cores stay busy through the parts of each that run on one
    // thread. Two threads, not one: after a symptom edit the pages are nearly all kept and render
    // in no time, and the word index waited behind the match index's parts with a core idle.
    ExecutorService side = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "errata-search-index");
      t.setDaemon(true);
      return t;
    });
    try {
      // Checked again under the lock: the site the check looked at may have been swapped since.
      Optional<List<String>> sameParts = checked.sameIndex()
          .filter(same -> ExampleStore.fileDigest(previous.folder().resolve(MatchIndexCodec.FILE)).equals(Optional.of(same.file())))
          .flatMap(same -> indexParts(previous));
      // Every entry digested once, for its page and for api/entries.json, which an edit of a body
      // (it holds none) leaves as it was: 30 MB at 10,000 entries, kept rather than made again.
      EntryMemo memo = memo(memory, files);
      EntryDigests entryDigests = EntryDigests.of(kb, memo::digests);
      AllEntriesFiles allEntries = new AllEntriesFiles(kb, entryDigests, last, previous, writer, memo.inputs(EntryMemo.Inputs.ENTRY_PARTS));
      Future<SearchIndexWriter.Shape> matchIndex = side.submit(() -> {
        allEntries.writeJson(new EntriesJson(new JsonFactory()));
        writer.write(new Page(MatchIndexCodec.RULES_FILE, rules.json().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (sameParts.isPresent()) {
          // The index is the one the previous site holds: its file (with this content's
          // fingerprint) and its parts are taken from there, and it is not built at all.
          List<EntryInfo> entries = MatchIndex.infos(kb);
          allEntries.writeEntryParts(searchIndex, entries);
          sameParts.get().forEach(p -> writer.keep(p, previous.digests().get(p)));
          rewriteIndex(previous.folder().resolve(MatchIndexCodec.FILE), tmp.resolve(MatchIndexCodec.FILE), fingerprint.digest());
          int keyParts = (int) sameParts.get().stream().filter(p -> p.startsWith(SearchIndexWriter.KEY_PARTS)).count();
          return new SearchIndexWriter.Shape(entries, checked.sameIndex().orElseThrow().templates(), keyParts);
        }
        MatchIndex index = checked.matchIndex().get();
        MatchIndexCodec.Encoded encoded = checked.encodedIndex().get();
        memory.map(m -> m.indexParts(index, () -> searchIndex.indexParts(index)))
            .orElseGet(() -> searchIndex.indexParts(index)).forEach(writer::write);
        allEntries.writeEntryParts(searchIndex, index.entries());
        writeIndex(tmp.resolve(MatchIndexCodec.FILE), encoded, fingerprint.digest());
        return SearchIndexWriter.Shape.of(index);
      });
      // Pages go to disk as they are rendered; each body is parsed once, and its text counted for
      // word search right there, on the thread that rendered it.
      WordIndex.Builder counting = memory.map(m -> new WordIndex.Builder(kb, WordIndex.Weights.SEARCH,
          m.counting(rules), m::counts)).orElseGet(() -> new WordIndex.Builder(kb, WordIndex.Weights.SEARCH, rules));
      // Rendering a body finds its refused links and deep nesting (a build's check leaves them to it).
      Map<String, List<Diagnostic>> problemsOf = new java.util.concurrent.ConcurrentHashMap<>();
      kept = new KeptPages(last, previous, writer, counting, problemsOf, entryDigests,
          memo.inputs(EntryMemo.Inputs.LISTED), memory.<BiFunction<Object, Supplier<String>, String>>map(m -> m::wordPart)
              .orElse((inputs, digest) -> digest.get()));
      Templates templates = memory.map(m -> m.templates(options.templates())).orElseGet(() -> new Templates(options.templates()));
      dev.errata.render.RenderMemo renders = memory.map(m -> m.renders).orElse(dev.errata.render.RenderMemo.NONE);
      EntriesJson entriesJson = new EntriesJson(new JsonFactory());
      SiteRenderer renderer = new SiteRenderer(templates, markdown, e -> {
        Markdown.Rendered r = markdown.render(e.body().text());
        problemsOf.put(e.id(), MarkdownCheck.body(e, r));
        counting.add(e, new WordIndex.Body(r.text(), r.code()));
        writer.write(new Page(EntriesJson.path(e), renders.bytes(() -> List.of("entry json", e, r.html()),
            () -> entriesJson.write(e, r.html()))));
        return r.html();
      }, renders, kept);
      diagnostics.addAll(languageProblems(templates.messages(), kb, options.content()));
      renderer.entryPages(kb, writer::write);
      List<Diagnostic> bodyProblems = kb.entries().stream().flatMap(e -> problemsOf.getOrDefault(e.id(), List.of()).stream())
          .toList();
      phases.done("entry pages, counted, written");
      diagnostics.addAll(bodyProblems);
      diagnostics.sort(Diagnostic.ORDER);
      if (bodyProblems.stream().anyMatch(Diagnostic::isError)) {
        throw invalid(options, diagnostics);
      }
      // The word index (its merge runs on one thread) and its parts, thousands of small files,
      // are made while the list pages render.
      Future<WordIndex> wordIndex = side.submit(() -> {
        WordIndex words = memory.map(m -> m.words(counting)).orElseGet(counting::build);
        searchIndex.wordParts(words, kept::keptWordPart).forEach(writer::write);
        return words;
      });
      renderer.listPages(kb, writer::write);
      phases.done("list pages");
      WordIndex words = finish(wordIndex);
      memory.ifPresent(m -> m.termsUsed(words.postings().size()));
      phases.done("word index and parts");
      SearchIndexWriter.Shape index = finish(matchIndex);
      phases.done("wait for the match index");
      writer.write(searchIndex.manifest(kb, index, words, rules));
      pageCount = writer.finish() + 1;
      phases.done("finish writing");
      // The records of the pages and the files are made while the site is put in place, and
      // written once it is, under the lock still: a failed build keeps the last records. The
      // previous site is the next build's spare: how it differs from this one is recorded.
      Future<Optional<CacheFile.Pending>> pagesRecord = side.submit(() -> pageStore.map(s -> {
        Optional<PageStore.Spare> next = previous == PageWriter.Previous.NONE ? Optional.empty()
            : Optional.of(new PageStore.Spare(previous.folder().getFileName().toString(), differing(previous.digests(), writer.digests())));
        return s.encode(context, kept.record(tmp.getFileName().toString(), writer.digests(), kb, allEntries, next));
      }));
      Future<Optional<CacheFile.Pending>> filesRecord = side.submit(() -> files.map(FileStore::encode));
      Set<String> beside = new HashSet<>(Assets.copy(options.templates(), tmp));
      beside.add(MatchIndexCodec.FILE);
      writer.prune(beside);
      out.commit(tmp);
      committed = true;
      out.dropSpare();
      memory.ifPresent(m -> m.written(tmp, writer.digests()));
      phases.done("assets, prune, swap");
      Future<?> pages = side.submit(() -> finish(pagesRecord).ifPresent(CacheFile.Pending::write));
      // Written only when this build built the index; beside the pages' record, on the other side thread.
      Future<?> parts = side.submit(() -> files.ifPresent(f -> f.matchParts().save()));
      // An index taken from the last site is its file's data as it was: the digest the record holds.
      saveExamples.accept(sameParts.flatMap(p -> checked.sameIndex().map(SameIndex::file)));
      finish(filesRecord).ifPresent(CacheFile.Pending::write);
      finish(pages);
      finish(parts);
      phases.done("records of the pages and examples");
    } catch (RuntimeException | Error e) {
      // Errors too (a stack overflow in a user's template): no unfinished folder is left behind.
      stop(side);
      writer.abort();
      // Once swapped in, the folder is the site: a failure after that (its record not saved)
      // costs the next build its reuse, never the site.
      if (!committed) {
        out.abandon(tmp);
      }
      throw e;
    } finally {
      side.shutdown();
    }
    return new Result(kb.entries().size(), pageCount, kept.kept(), kept.keptLists(), kept.keptWordParts(), List.copyOf(diagnostics),
        Duration.ofMillis(clock.millis() - start), 0, 0);
  }

  /**
   * The message bundles of {@code templates} (and the shipped ones) that lack keys, and languages
   * of entries that have no bundle: warnings, for {@code errata check}.
   */
  public static List<Diagnostic> languageProblems(Path templates, KnowledgeBase kb, Path content) {
    return languageProblems(Messages.load(templates), kb, content);
  }

  private static List<Diagnostic> languageProblems(Messages messages, KnowledgeBase kb, Path content) {
    List<Diagnostic> out = new ArrayList<>(messages.problems());
    java.util.Set<String> langs = new java.util.TreeSet<>();
    kb.entries().forEach(e -> langs.add(e.lang()));
    langs.add(kb.site().defaultLang());
    out.addAll(messages.missingLanguages(langs, content.resolve("site.yml").toString()));
    return out;
  }

  private static ErrataException invalid(Options options, List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    return new ErrataException(ExitCode.INVALID_CONTENT,
        errors + (errors == 1 ? " error" : " errors") + " in " + options.content() + "; the site was not changed", diagnostics);
  }

  /** A side task's result; its failure is rethrown as it was thrown. */
  private static <T> T finish(Future<T> task) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new ErrataException(ExitCode.INTERNAL, "building the search index failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ErrataException(ExitCode.INTERNAL, "interrupted while building the search index", e);
    }
  }

  /** Stops the side task before its folder is removed, so that it cannot write into a deleted tree. */
  private static void stop(ExecutorService side) {
    side.shutdownNow();
    try {
      side.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The key and template parts of the search index in the previous site, when it has them all as
   * its build recorded them (none were removed by hand); empty otherwise.
   */
  private static Optional<List<String>> indexParts(PageWriter.Previous previous) {
    List<String> parts = previous.digests().keySet().stream()
        .filter(p -> p.startsWith(SearchIndexWriter.KEY_PARTS) || p.startsWith(SearchIndexWriter.TEMPLATE_PARTS)).sorted().toList();
    return parts.isEmpty() || !Files.isRegularFile(previous.folder().resolve(MatchIndexCodec.FILE)) ? Optional.empty()
        : whole(previous, parts);
  }

  /** {@code paths}, when the previous site's record has each and its folder still holds it (none removed by hand). */
  private static Optional<List<String>> whole(PageWriter.Previous previous, List<String> paths) {
    return paths.stream().allMatch(previous::holds) ? Optional.of(paths) : Optional.empty();
  }

  private static void rewriteIndex(Path previous, Path file, String fingerprint) {
    try {
      Files.deleteIfExists(file);
      MatchIndexCodec.rewrite(previous, fingerprint, file);
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot take " + previous + " into " + file + ": " + e.getMessage()
          + "; run errata build --full to build the index again", e);
    }
  }

  /** The paths whose files differ between two sites (present in one only, or with other bytes), by their digests. */
  static Set<String> differing(Map<String, Long> before, Map<String, Long> after) {
    Set<String> out = new HashSet<>();
    after.forEach((path, digest) -> {
      if (!digest.equals(before.get(path))) {
        out.add(path);
      }
    });
    before.keySet().forEach(path -> {
      if (!after.containsKey(path)) {
        out.add(path);
      }
    });
    return out;
  }

  private static void writeIndex(Path file, MatchIndexCodec.Encoded index, String fingerprint) {
    try {
      Files.createDirectories(file.getParent());
      // A reused site's file is replaced, never written over: another site may share it.
      Files.deleteIfExists(file);
      try (OutputStream out = Files.newOutputStream(file)) {
        MatchIndexCodec.write(index, fingerprint, out);
      }
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
