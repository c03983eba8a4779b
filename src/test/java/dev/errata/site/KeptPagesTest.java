package dev.errata.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each {@code errata build} keeps the entry pages whose inputs are unchanged from the site the
 * output links to, by the record the last build left ({@link PageStore}); whatever happened to
 * that record or that site, what it builds is what a full build builds. {@code errata check}
 * takes the examples' answers the last build recorded, and reports what it reports without them.
 */
class KeptPagesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
  private static final Path CONTENT = Path.of("content");

  private static SiteBuilder.Result build(Path site, boolean full) {
    return new SiteBuilder(CLOCK).build(new SiteBuilder.Options(CONTENT, Path.of("templates"), site, full));
  }

  @Test
  void aBodyEditLeavesTheExamplesRecordAsItWasAndAnExampleEditRewritesIt(@TempDir Path dir) throws IOException {
    Path content = dir.resolve("content");
    dev.errata.testing.Trees.copy(CONTENT, content);
    Path site = dir.resolve("site");
    SiteBuilder.Options options = new SiteBuilder.Options(content, Path.of("templates"), site, false);
    new SiteBuilder(CLOCK).build(options);
    Path record = OutputFolder.cacheFolder(site).orElseThrow().resolve(ExampleStore.FILE);
    Object before = Files.readAttributes(record, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    byte[] bytes = Files.readAllBytes(record);
    Path entry;
    try (java.util.stream.Stream<Path> files = Files.walk(content)) {
      entry = files.filter(f -> f.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
    }
    String text = Files.readString(entry);
    Files.writeString(entry, text + "\nA paragraph added to the body.\n");
    SiteBuilder.Result body = new SiteBuilder(CLOCK).build(options);
    assertEquals(body.examplesReused(), body.examplesReused() + body.examplesMatched(), "a body edit reuses every answer");
    assertEquals(before, Files.readAttributes(record, java.nio.file.attribute.BasicFileAttributes.class).fileKey(),
        "a body edit replaced the examples' record");
    assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(record)));
    // What a full build records is the same record.
    new SiteBuilder(CLOCK).build(new SiteBuilder.Options(content, Path.of("templates"), site, true));
    assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(record)), "the kept record is not the one a full build writes");

    // An example edited: its answer is matched again, and the record written anew with it.
    // The first paste wrapped in a log line's prefix.
    Files.writeString(entry, Files.readString(entry).replaceFirst("(\nexamples:\n  match:\n    - \")",
        "$1E1126 10:57:49.826795 574 server.cc:512] "));
    assertTrue(!Files.readString(entry).equals(text + "\nA paragraph added to the body.\n"), "no examples to edit in " + entry);
    SiteBuilder.Result example = new SiteBuilder(CLOCK).build(options);
    assertTrue(example.examplesMatched() > 0, "the edited example was not matched");
    assertTrue(!java.util.Arrays.equals(bytes, Files.readAllBytes(record)), "an example edit left the record as it was");
  }

  @Test
  void keepsEveryEntryPageOfUnchangedContentAndBuildsTheSameSite(@TempDir Path dir) throws IOException {
    Path site = dir.resolve("site");
    SiteBuilder.Result first = build(site, false);
    Map<String, String> full = Trees.read(site);
    assertEquals(0, first.kept());
    SiteBuilder.Result again = build(site, false);
    assertEquals(again.entries(), again.kept());
    long lists = full.keySet().stream().filter(p -> p.startsWith("tags/") || p.startsWith("components/")
        || p.equals("index.html") || p.equals("sitemap.xml") || p.equals("feed.xml")).count();
    assertEquals(lists + 2, again.keptLists(), "every page that lists entries, the search and 404 pages among them");
    long wordParts = full.keySet().stream().filter(p -> p.startsWith("search/w/")).count();
    assertTrue(wordParts > 0);
    assertEquals(wordParts, again.keptWordParts(), "every part of the word index");
    assertEquals(full, Trees.read(site));
    assertEquals(0, build(site, true).kept(), "--full renders every page");
    assertEquals(full, Trees.read(site));
  }

  @Test
  void theWordCountsAreInALogThatRebuildsPointIntoAndADamagedOneIsNotRead(@TempDir Path dir) throws IOException {
    Path site = dir.resolve("site");
    build(site, false);
    Map<String, String> full = Trees.read(site);
    Path cache = OutputFolder.cacheFolder(site).orElseThrow();
    java.util.List<Path> logs = countLogs(cache);
    assertEquals(1, logs.size(), () -> "one log of counts: " + logs);
    long size = Files.size(logs.get(0));
    // Nothing changed: every entry's counts are pointed at where they lie, none written again.
    SiteBuilder.Result again = build(site, false);
    assertEquals(again.entries(), again.kept());
    assertEquals(logs, countLogs(cache));
    assertEquals(size, Files.size(logs.get(0)));
    SiteBuilder.Result third = build(site, false);
    assertEquals(third.entries(), third.kept(), "the counts read back from where the record points");
    assertEquals(full, Trees.read(site));

    // One byte of the log changed: its checksum says so, and the record is not read.
    byte[] bytes = Files.readAllBytes(logs.get(0));
    bytes[bytes.length / 2] ^= 1;
    Files.write(logs.get(0), bytes);
    assertEquals(0, build(site, false).kept());
    assertEquals(full, Trees.read(site));
  }

  private static java.util.List<Path> countLogs(Path cache) throws IOException {
    try (java.util.stream.Stream<Path> s = Files.list(cache)) {
      return s.filter(p -> p.getFileName().toString().startsWith("counts-")).sorted().toList();
    }
  }

  @Test
  void aDamagedRecordOrAPageRemovedByHandIsRenderedAgain(@TempDir Path dir) throws IOException {
    Path site = dir.resolve("site");
    build(site, false);
    Map<String, String> full = Trees.read(site);
    Path record = OutputFolder.cacheFolder(site).orElseThrow().resolve(PageStore.FILE);
    byte[] bytes = Files.readAllBytes(record);
    Files.write(record, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertEquals(0, build(site, false).kept(), "a record cut short is not read");
    assertEquals(full, Trees.read(site));

    SiteBuilder.Result whole = build(site, false);
    assertEquals(whole.entries(), whole.kept());
    String removed = full.keySet().stream().filter(p -> p.startsWith("entries/") && p.endsWith(".html")).findFirst().orElseThrow();
    Files.delete(site.toRealPath().resolve(removed));
    assertEquals(whole.entries() - 1, build(site, false).kept());
    assertEquals(full, Trees.read(site));
  }

  @Test
  void theExamplesRecordReadsBackWhatEachPastesMatchReached(@TempDir Path dir) throws IOException {
    Path site = dir.resolve("site");
    build(site, false);
    Map<String, dev.errata.check.ExampleResults.Recorded> record =
        ExampleStore.recordedAnswers(OutputFolder.cacheFolder(site).orElseThrow());
    dev.errata.model.KnowledgeBase kb = new dev.errata.content.ContentLoader().load(CONTENT).knowledgeBase();
    dev.errata.text.Rules rules = dev.errata.text.Rules.forContent(kb.matching());
    dev.errata.match.Matcher matcher = new dev.errata.match.Matcher(dev.errata.match.MatchIndex.build(kb, rules), rules);
    int compared = 0;
    for (dev.errata.model.Entry e : kb.entries()) {
      for (String paste : java.util.stream.Stream.concat(e.examples().match().stream(), e.examples().noMatch().stream()).toList()) {
        dev.errata.match.Reach[] reach = new dev.errata.match.Reach[1];
        matcher.match(paste, new dev.errata.match.Matcher.Options(5, java.util.List.of(), e.lang()), r -> reach[0] = r);
        dev.errata.check.ExampleResults.Recorded r = record.get(dev.errata.check.ExampleResults.pasteKey(e.lang(), paste));
        assertTrue(r != null, "no record of " + paste);
        assertEquals(reach[0], r.reach(), paste);
        compared++;
      }
    }
    assertTrue(compared > 100, "examples compared: " + compared);
  }

  @Test
  void aCheckAfterABuildTakesItsRecordedAnswersAndReportsTheSame(@TempDir Path dir) throws IOException {
    Path site = dir.resolve("site");
    SiteBuilder.Checked alone = SiteBuilder.check(CONTENT, site);
    assertEquals(0, alone.reused());
    build(site, false);
    Path record = OutputFolder.cacheFolder(site).orElseThrow().resolve(ExampleStore.FILE);
    byte[] recorded = Files.readAllBytes(record);
    SiteBuilder.Checked after = SiteBuilder.check(CONTENT, site);
    assertTrue(after.reused() > 100, "answers reused: " + after.reused());
    assertEquals(alone.diagnostics(), after.diagnostics());
    assertEquals(java.util.Arrays.toString(recorded), java.util.Arrays.toString(Files.readAllBytes(record)),
        "a check leaves the site's record as it was");
  }

  @Test
  void anExamplesRecordCutShortIsNotRead(@TempDir Path dir) throws IOException {
    Path site = dir.resolve("site");
    SiteBuilder.Result first = build(site, false);
    assertEquals(0, first.examplesReused());
    SiteBuilder.Result again = build(site, false);
    assertEquals(first.examplesMatched(), again.examplesReused(), "every answer taken from the record");
    Path record = OutputFolder.cacheFolder(site).orElseThrow().resolve(ExampleStore.FILE);
    byte[] bytes = Files.readAllBytes(record);
    // Cut inside a line: what is left of it would read as a shorter list of answers.
    Files.write(record, java.util.Arrays.copyOf(bytes, bytes.length - 40));
    SiteBuilder.Result cut = build(site, false);
    assertEquals(0, cut.examplesReused(), "a record cut short is not read");
    assertEquals(first.diagnostics(), cut.diagnostics());
    assertEquals(first.examplesMatched(), build(site, false).examplesReused(), "the build after it recorded them whole");
  }

  /**
   * An example edited: the paste it adds is the one example left to run, and it is matched with
   * the index the site holds (this very index), none is built; the report is a check's without
   * any record. A site index that is not the recorded one is not used.
   */
  @Test
  void anEditedExampleIsMatchedWithTheSitesIndex(@TempDir Path dir) throws IOException {
    Path content = dir.resolve("content");
    Trees.copy(CONTENT, content);
    Path site = dir.resolve("site");
    new SiteBuilder(CLOCK).build(new SiteBuilder.Options(content, Path.of("templates"), site, false));
    Path entry = content.resolve("server/port-already-in-use.md");
    Files.writeString(entry, Files.readString(entry).replace("  no_match:\n", "  no_match:\n    - \"a near miss that a test added\"\n"));
    SiteBuilder.Checked checked = SiteBuilder.check(content, site);
    assertTrue(checked.reused() > 100, "answers reused: " + checked.reused());
    assertFalse(((dev.errata.Lazy<?>) checked.matchIndex()).made(), "the paste is matched without building an index");
    assertEquals(SiteBuilder.check(content, dir.resolve("no-site")).diagnostics(), checked.diagnostics());

    Path index = site.toRealPath().resolve(dev.errata.index.MatchIndexCodec.FILE);
    byte[] bytes = Files.readAllBytes(index);
    bytes[bytes.length - 1] ^= 1;
    Files.write(index, bytes);
    Files.writeString(entry, Files.readString(entry).replace("a near miss that a test added", "another near miss"));
    SiteBuilder.Checked changed = SiteBuilder.check(content, site);
    assertTrue(((dev.errata.Lazy<?>) changed.matchIndex()).made(), "a file that is not the recorded one is not read");
    assertEquals(SiteBuilder.check(content, dir.resolve("no-site")).diagnostics(), changed.diagnostics());
  }

  /**
   * Entries without a single example (examples are optional): a body edit leaves the match index
   * as it was, so the build after it takes the index and its parts from the site, and the site is
   * the one a full build makes.
   */
  @Test
  void withoutExamplesABodyEditStillTakesTheSitesIndex(@TempDir Path dir) throws IOException {
    Path content = dir.resolve("content");
    Trees.copy(CONTENT, content);
    try (java.util.stream.Stream<Path> files = Files.walk(content)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        Files.writeString(f, Files.readString(f).replaceAll("(?ms)^examples:\\n.*?(?=^[a-z_]+:)", ""));
      }
    }
    Path site = dir.resolve("site");
    new SiteBuilder(CLOCK).build(new SiteBuilder.Options(content, Path.of("templates"), site, false));
    assertTrue(SiteBuilder.check(content, site).sameIndex().isPresent(), "the record names the site's index");
    Path entry = content.resolve("server/port-already-in-use.md");
    Files.writeString(entry, Files.readString(entry) + "\nA paragraph a test added.\n");
    SiteBuilder.Checked checked = SiteBuilder.check(content, site);
    assertTrue(checked.sameIndex().isPresent(), "a body edit leaves the index as it was");
    assertFalse(((dev.errata.Lazy<?>) checked.matchIndex()).made(), "no index is built for it");
    new SiteBuilder(CLOCK).build(new SiteBuilder.Options(content, Path.of("templates"), site, false));
    Path full = dir.resolve("full");
    new SiteBuilder(CLOCK).build(new SiteBuilder.Options(content, Path.of("templates"), full, true));
    assertEquals(Trees.read(full), Trees.read(site));
  }

  @Test
  void aMatchIndexRemovedOrChangedByHandIsBuiltAgain(@TempDir Path dir) throws IOException {
    Path site = dir.resolve("site");
    SiteBuilder.Result first = build(site, false);
    Map<String, String> full = Trees.read(site);
    Path index = site.toRealPath().resolve(dev.errata.index.MatchIndexCodec.FILE);
    Files.delete(index);
    SiteBuilder.Result gone = build(site, false);
    assertEquals(first.examplesMatched(), gone.examplesReused(), "the answers do not need the file");
    assertEquals(full, Trees.read(site), "the index is built and written again");

    Path again = site.toRealPath().resolve(dev.errata.index.MatchIndexCodec.FILE);
    byte[] bytes = Files.readAllBytes(again);
    bytes[bytes.length - 1] ^= 1;
    Files.write(again, bytes);
    build(site, false);
    assertEquals(full, Trees.read(site), "a file that is not the one recorded is not copied");
  }

  /**
   * An edit of an example rewrites {@code api/entries.json} from the last file's parts but the
   * edited entry's: taken from the file only when it is the one the last build wrote.
   */
  @Test
  void anEntriesFileChangedByHandIsNotTakenApart(@TempDir Path dir) throws IOException {
    Path content = dir.resolve("content");
    Trees.copy(CONTENT, content);
    Path site = dir.resolve("site");
    SiteBuilder.Options options = new SiteBuilder.Options(content, Path.of("templates"), site, false);
    new SiteBuilder(CLOCK).build(options);
    Path entry;
    try (java.util.stream.Stream<Path> files = Files.walk(content)) {
      entry = files.filter(f -> f.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
    }
    String text = Files.readString(entry);
    String edited = text.replaceFirst("(\nexamples:\n  match:\n    - \")", "$1E1126 10:57:49.826795 574 server.cc:512] ");
    assertFalse(edited.equals(text), "no examples to edit in " + entry);

    // The last entry's part (not the edited one's) changed by hand, its length kept.
    Path json = site.toRealPath().resolve(AllEntriesFiles.ENTRIES_JSON);
    String before = Files.readString(json);
    int at = before.lastIndexOf("\"url\" : \"entries/") + "\"url\" : \"entries/".length();
    Files.writeString(json, before.substring(0, at) + (before.charAt(at) == 'X' ? 'Y' : 'X') + before.substring(at + 1));
    Files.writeString(entry, edited);
    new SiteBuilder(CLOCK).build(options);
    String spliced = Files.readString(site.toRealPath().resolve(AllEntriesFiles.ENTRIES_JSON));
    new SiteBuilder(CLOCK).build(new SiteBuilder.Options(content, Path.of("templates"), site, true));
    assertEquals(Files.readString(site.toRealPath().resolve(AllEntriesFiles.ENTRIES_JSON)), spliced);
    assertTrue(spliced.contains("E1126 10:57:49.826795 574 server.cc:512] "), "the edit is not in the file");
  }

  @Test
  void aRecordOfAnotherFolderIsNotUsed(@TempDir Path dir) throws IOException {
    Path site = dir.resolve("site");
    build(site, false);
    Path record = OutputFolder.cacheFolder(site).orElseThrow().resolve(PageStore.FILE);
    byte[] kept = Files.readAllBytes(record);
    build(site, false);
    // The record of the build before, which named the folder the output no longer links to.
    Files.write(record, kept);
    assertEquals(0, build(site, false).kept());
    assertTrue(Files.isRegularFile(record));
  }
}
