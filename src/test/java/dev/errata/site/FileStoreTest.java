package dev.errata.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.Diagnostic;
import dev.errata.ErrataException;
import dev.errata.content.ContentLoader;
import dev.errata.model.Entry;
import dev.errata.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a build found out about each file ({@link FileStore}: the Markdown problems of its entry,
 * its digests) is taken by the next build for exactly the files whose text is unchanged, and only
 * in the same context; the builds that take it report and write what a full build does.
 */
class FileStoreTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  /** The shipped content, its files last written an hour ago: a build may take them without reading them. */
  private static Path copyOfShipped(Path dir) throws IOException {
    Path content = dir.resolve("content");
    Trees.copy(Path.of("content"), content);
    Trees.settle(content);
    return content;
  }

  /**
   * A load with a new store over the record of {@code site}, noting the files it takes without
   * reading them and the entries of the files it parses.
   */
  private static final class Noting implements ContentLoader.Forms {
    final FileStore store;
    final Set<Path> unread = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Set<Path> parsed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final Set<String> parsedIds = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Noting(Path site) {
      store = new FileStore(OutputFolder.cacheFolder(site).orElseThrow()).startReading();
    }

    @Override
    public ContentLoader.Form earlier(ContentLoader.FileInput input) {
      ContentLoader.Form form = store.earlier(input);
      if (form == null) {
        parsed.add(input.file());
      }
      return form;
    }

    @Override
    public ContentLoader.Unchanged unchanged(ContentLoader.FileAt at) {
      ContentLoader.Unchanged u = store.unchanged(at);
      if (u != null) {
        unread.add(at.file());
      }
      return u;
    }

    @Override
    public void made(ContentLoader.FileAt at, long checksum, int length, ContentLoader.FileResult result, ContentLoader.Form form) {
      store.made(at, checksum, length, result, form);
      if (parsed.contains(at.file())) {
        result.entry().ifPresent(e -> parsedIds.add(e.id()));
      }
    }

    List<Entry> load(Path content) {
      try {
        return new ContentLoader(this).load(content).knowledgeBase().entries();
      } finally {
        store.close();
      }
    }
  }

  /** The entry files a load with a new store over the record of {@code site} takes without reading them. */
  private static Set<Path> unread(Path content, Path site, List<Entry> entries) {
    Noting noting = new Noting(site);
    entries.addAll(noting.load(content));
    return noting.unread;
  }

  /** The entry with its lines left out: they are compared by what they answer. */
  private static Entry withoutLines(Entry e) {
    dev.errata.model.Source s = e.source();
    return new Entry(e.id(), e.title(), e.summary(), e.lang(), e.translationOf(), e.status(), e.published(), e.modified(), e.tags(),
        e.components(), e.symptoms(), e.causes(), e.fixes(), e.examples(), e.references(), e.related(), e.downstream(), e.followsFrom(), e.body(),
        new dev.errata.model.Source(s.path(), s.bodyLine(), pointer -> 0, s.contentPath()));
  }

  private static Set<Path> entryFiles(Path content) throws IOException {
    try (Stream<Path> files = Files.walk(content)) {
      return new TreeSet<>(files.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().equals("README.md")).toList());
    }
  }

  @Test
  void readsNoFileThatLooksAsTheLastBuildSawIt(@TempDir Path dir) throws IOException {
    Path content = copyOfShipped(dir);
    Path site = dir.resolve("site");
    build(content, site, false);
    List<Entry> taken = new java.util.ArrayList<>();
    assertEquals(entryFiles(content), new TreeSet<>(unread(content, site, taken)));
    assertTrue(taken.stream().noneMatch(e -> e.body().isRead()), "a body is read only when asked for");
    // Asked for, each body and each line of a key is the file's, as a load that reads every file gives them.
    List<Entry> read = new ContentLoader().load(content).knowledgeBase().entries();
    assertEquals(read.stream().map(FileStoreTest::withoutLines).toList(), taken.stream().map(FileStoreTest::withoutLines).toList());
    for (int i = 0; i < read.size(); i++) {
      for (String key : List.of("/title", "/symptoms/0", "/fixes/0/commands", "/related/0", "/no-such-key")) {
        assertEquals(read.get(i).source().line(key), taken.get(i).source().line(key), read.get(i).id() + " " + key);
      }
    }

    // Edited, with the same length: its time tells, and it alone is read.
    Path edited = firstEntry(content);
    String text = Files.readString(edited);
    int at = text.lastIndexOf('e');
    Files.writeString(edited, text.substring(0, at) + 'E' + text.substring(at + 1));
    Set<Path> others = entryFiles(content);
    others.remove(edited);
    assertEquals(others, new TreeSet<>(unread(content, site, new java.util.ArrayList<>())));
  }

  @Test
  void aRebuildAppendsTheFormsItMadeAndWritesNoOtherAgain(@TempDir Path dir) throws IOException {
    Path content = copyOfShipped(dir);
    Path site = dir.resolve("site");
    build(content, site, false);
    Path cache = OutputFolder.cacheFolder(site).orElseThrow();
    List<Path> logs = formLogs(cache);
    assertEquals(1, logs.size(), () -> "one log of forms: " + logs);
    long before = Files.size(logs.get(0));
    Path edited = firstEntry(content);
    Files.writeString(edited, Files.readString(edited).replaceFirst("\ntitle: \"?", "$0Edited: "));
    build(content, site, false);
    assertEquals(logs, formLogs(cache), "the same log");
    long grown = Files.size(logs.get(0)) - before;
    assertTrue(grown > 0 && grown < before / 10, "the log grew by " + grown + " of " + before);
    assertEquals(Set.of(), worked(content, site), "every form is found where the record points");
  }

  private static List<Path> formLogs(Path cache) throws IOException {
    try (Stream<Path> s = Files.list(cache)) {
      return s.filter(p -> p.getFileName().toString().startsWith("forms-")).sorted().toList();
    }
  }

  @Test
  void aFileWrittenJustBeforeTheBuildIsReadByTheNext(@TempDir Path dir) throws IOException {
    Path content = dir.resolve("content");
    Trees.copy(Path.of("content"), content);
    Path site = dir.resolve("site");
    // Written now: another write in the same tick of the clock would leave the file looking the
    // same, so the build does not record how it looked.
    build(content, site, false);
    assertEquals(Set.of(), unread(content, site, new java.util.ArrayList<>()));
    Trees.settle(content);
    build(content, site, false);
    assertEquals(entryFiles(content), new TreeSet<>(unread(content, site, new java.util.ArrayList<>())));
  }

  @Test
  void aFileChangedBeforeItsBodyIsReadStopsTheBuild(@TempDir Path dir) throws IOException {
    Path content = copyOfShipped(dir);
    Path site = dir.resolve("site");
    build(content, site, false);
    List<Entry> taken = new java.util.ArrayList<>();
    unread(content, site, taken);
    Entry e = taken.get(0);
    Path file = content.resolve(e.source().contentPath());
    Files.writeString(file, Files.readString(file) + "\nA line written after the load.\n");
    ErrataException changed = org.junit.jupiter.api.Assertions.assertThrows(ErrataException.class, () -> e.body().text());
    assertTrue(changed.getMessage().contains(e.source().contentPath()) && changed.getMessage().contains("run the build again"),
        changed.getMessage());
  }

  private static SiteBuilder.Result build(Path content, Path site, boolean full) {
    return new SiteBuilder(CLOCK).build(new SiteBuilder.Options(content, Path.of("templates"), site, full));
  }

  /**
   * The ids of the entries that a new store could not give from its record: parsed from their
   * files, or their Markdown problems or digests made again.
   */
  private static Set<String> worked(Path content, Path site) {
    Noting noting = new Noting(site);
    List<Entry> entries = noting.load(content);
    FileStore store = noting.store;
    Set<String> out = new TreeSet<>(noting.parsedIds);
    for (Entry e : entries) {
      store.checked(e, () -> {
        out.add(e.id());
        return List.of();
      });
      store.digests(e, () -> {
        out.add(e.id());
        return null;
      });
      store.inputs(EntryMemo.Inputs.MATCH_INDEX, e, () -> {
        out.add(e.id());
        return null;
      });
    }
    return out;
  }

  /** The record a build into {@code site} leaves. */
  private static Path record(Path site) {
    return OutputFolder.cacheFolder(site).orElseThrow().resolve(FileStore.FILE);
  }

  /** The first entry file of {@code content}, in path order. */
  private static Path firstEntry(Path content) throws IOException {
    try (Stream<Path> files = Files.walk(content)) {
      return files.filter(f -> f.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
    }
  }

  private static String idOf(Path content, Path file) {
    return new ContentLoader().load(content).knowledgeBase().entries().stream()
        .filter(e -> e.source().path().endsWith(content.relativize(file).toString())).findFirst().orElseThrow().id();
  }

  private static Set<String> all(Path content) {
    Set<String> out = new TreeSet<>();
    new ContentLoader().load(content).knowledgeBase().entries().forEach(e -> out.add(e.id()));
    return out;
  }

  @Test
  void takesWhatAFileGaveUntilItsTextChanges(@TempDir Path dir) throws IOException {
    Path content = copyOfShipped(dir);
    Path site = dir.resolve("site");
    build(content, site, false);
    assertEquals(Set.of(), worked(content, site), "every file is as the build read it");

    Path edited = firstEntry(content);
    String id = idOf(content, edited);
    // The same length, one character other: only the checksum tells.
    String text = Files.readString(edited);
    int at = text.lastIndexOf('e');
    Files.writeString(edited, text.substring(0, at) + 'E' + text.substring(at + 1));
    assertEquals(Set.of(id), worked(content, site));
    // Built again: the edited file's new form, and every other copied from the last record, all whole.
    for (int round = 0; round < 2; round++) {
      build(content, site, false);
      assertEquals(Set.of(), worked(content, site), "round " + round);
    }
  }

  @Test
  void takesNothingInAnotherContext(@TempDir Path dir) throws IOException {
    Path content = copyOfShipped(dir);
    Path site = dir.resolve("site");
    build(content, site, false);
    Path vocabulary = content.resolve("vocabulary.yml");
    String before = Files.readString(vocabulary);
    // A tag added: the entries are read under another vocabulary, whatever their text.
    Files.writeString(vocabulary, before.replaceFirst("\ntags:\n", "\ntags:\n  - added-by-a-test\n"));
    assertTrue(!Files.readString(vocabulary).equals(before), "the vocabulary has no tags list");
    assertEquals(all(content), worked(content, site));
    Files.writeString(vocabulary, before);
    assertEquals(Set.of(), worked(content, site));

    // The same files read from another folder: their paths and messages are others.
    Path moved = dir.resolve("moved");
    Files.move(content, moved);
    assertEquals(all(moved), worked(moved, site));
  }

  @Test
  void anEntryTakenFromTheRecordIsReportedAtTheLinesOfItsFile(@TempDir Path dir) throws IOException {
    Path content = copyOfShipped(dir);
    Path site = dir.resolve("site");
    build(content, site, false);
    // An entry that others name in 'related' removed: those others, unchanged, are taken from the
    // record, and the rule across entries names the line of each missing id in their files.
    List<Entry> entries = new ContentLoader().load(content).knowledgeBase().entries();
    String gone = entries.stream().filter(e -> !e.related().isEmpty()).findFirst().orElseThrow().related().get(0);
    Path file = content.resolve(entries.stream().filter(e -> e.id().equals(gone)).findFirst().orElseThrow().source().contentPath());
    Files.delete(file);
    ErrataException taken = org.junit.jupiter.api.Assertions.assertThrows(ErrataException.class, () -> build(content, site, false));
    List<Diagnostic> expected = SiteBuilder.check(content).diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(formatted(expected), formatted(taken.diagnostics().stream().filter(Diagnostic::isError).toList()));
    assertTrue(expected.stream().anyMatch(d -> d.message().contains(gone) && d.line() > 1), () -> String.join("\n", formatted(expected)));
    assertEquals(Set.of(), worked(content, site), "the other files were not taken from the record");
  }

  @Test
  void aDamagedRecordIsIgnored(@TempDir Path dir) throws IOException {
    Path content = copyOfShipped(dir);
    Path site = dir.resolve("site");
    build(content, site, false);
    Path record = record(site);
    byte[] bytes = Files.readAllBytes(record);
    Files.write(record, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertEquals(all(content), worked(content, site));
    Files.write(record, new byte[] {1, 2, 3});
    assertEquals(all(content), worked(content, site));
  }

  @Test
  void aFullBuildLeavesAWholeRecordForTheNext(@TempDir Path dir) throws IOException {
    Path content = copyOfShipped(dir);
    Path site = dir.resolve("site");
    build(content, site, false);
    Path record = record(site);
    Files.write(record, new byte[] {1, 2, 3});
    build(content, site, true);
    assertEquals(Set.of(), worked(content, site), "a full build left no whole record");
  }

  @Test
  void aBuildThatTakesTheRecordReportsAndWritesWhatAFullBuildDoes(@TempDir Path dir) throws IOException {
    Path content = copyOfShipped(dir);
    Path site = dir.resolve("site");
    build(content, site, false);
    Path edited = firstEntry(content);
    String text = Files.readString(edited);
    // A cause with a link the site refuses, and a body heading that repeats a section: problems
    // of the edited entry's Markdown that its record did not hold, and then holds.
    String withProblems = text.replaceFirst("\ncauses:\n  - ", "\ncauses:\n  - \"See [this](javascript:alert(1)).\"\n  - ")
        + "\n## Fix\n\nMore steps.\n";
    Files.writeString(edited, withProblems);
    for (int round = 0; round < 2; round++) {
      SiteBuilder.Result taken = build(content, site, false);
      Path fresh = dir.resolve("full-" + round + "/site");
      SiteBuilder.Result full = build(content, fresh, true);
      assertEquals(formatted(full.diagnostics()), formatted(taken.diagnostics()));
      assertEquals(Trees.read(fresh), Trees.read(site));
      String name = edited.getFileName().toString();
      assertTrue(taken.diagnostics().stream().anyMatch(d -> d.file().endsWith(name) && d.message().contains("javascript")),
          () -> "the refused link is not reported: " + formatted(taken.diagnostics()));
      assertTrue(taken.diagnostics().stream().anyMatch(d -> d.file().endsWith(name) && d.message().contains("'Fix'")),
          () -> "the repeated heading is not reported: " + formatted(taken.diagnostics()));
    }
    Files.writeString(edited, text);
    SiteBuilder.Result back = build(content, site, false);
    assertEquals(formatted(build(content, dir.resolve("full-back/site"), true).diagnostics()), formatted(back.diagnostics()));
  }

  private static List<String> formatted(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::format).toList();
  }

  @Test
  void aFailedBuildKeepsTheRecordOfTheLastGoodOne(@TempDir Path dir) throws IOException {
    Path content = copyOfShipped(dir);
    Path site = dir.resolve("site");
    build(content, site, false);
    Path record = record(site);
    byte[] kept = Files.readAllBytes(record);
    Path broken = firstEntry(content);
    Files.writeString(broken, Files.readString(broken).replaceFirst("\ntitle: [^\n]*\n", "\n"));
    try {
      build(content, site, false);
    } catch (ErrataException expected) {
      // A missing title is an error: nothing is written.
    }
    assertTrue(java.util.Arrays.equals(kept, Files.readAllBytes(record)), "a failed build replaced the record");
  }
}
