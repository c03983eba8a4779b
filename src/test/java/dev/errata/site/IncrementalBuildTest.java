package dev.errata.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.Diagnostic;
import dev.errata.ErrataException;
import dev.errata.testing.Trees;
import dev.errata.testing.GeneratedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that reuses what an earlier build recorded gives exactly what a full build of the same
 * content gives: the same files, byte for byte, and the same diagnostics. A generated corpus
 * ({@code ../shared/corpus/gen_corpus.py}) is edited one way at a time, and after each edit the
 * site built into the same output as before is compared with a full build into a fresh one. The
 * builds into the same output are made by one builder that remembers its last build, as {@code
 * errata serve}'s does ({@link BuildMemory}), so that what it reuses is held to the same test.
 */
class IncrementalBuildTest {
  static final int ENTRIES = 120;
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  /** A build's files (none when it failed) and its diagnostics. */
  record Outcome(Map<String, String> files, List<String> diagnostics) {}

  private int fresh;
  private final SiteBuilder remembering = new SiteBuilder(CLOCK).remembering();
  /** How many entry pages the last build of a new builder (as each {@code errata build} is) kept. */
  private int lastKept;
  private int lastKeptLists;
  private int lastKeptWordParts;

  @Test
  void everyKindOfEditBuildsWhatAFullBuildBuilds(@TempDir Path dir) throws IOException, InterruptedException {
    Path generated = dir.resolve("generated/entries");
    GeneratedCorpus.write(ENTRIES, generated);
    List<Path> files = list(generated);
    assertEquals(ENTRIES, files.size());
    Path content = dir.resolve("content");
    Files.createDirectories(content);
    for (Path f : files) {
      Files.copy(f, content.resolve(f.getFileName()));
    }
    // Written an hour ago: each build takes the files it does not see changed without reading
    // them, as it does a team's (an edited file has a new time, and is read).
    Trees.settle(content);
    Path site = dir.resolve("work/site");
    Outcome first = sameAsFull(content, site, dir);
    assertTrue(first.diagnostics().stream().noneMatch(d -> d.contains(": error: ")), () -> "the generated corpus is invalid: "
        + first.diagnostics().stream().filter(d -> d.contains(": error: ")).toList());

    Set<String> referenced = referencedIds(content);
    List<Path> unreferenced = new ArrayList<>();
    for (Path f : list(content)) {
      if (!referenced.contains(id(f)) && Files.readString(f).contains("\n  match:\n    - \"")) {
        unreferenced.add(f);
      }
    }
    assertTrue(unreferenced.size() >= 5, "few entries nobody links to");

    // A body: the match index stays as it was, so every example's answer is reused, and every
    // other entry's page is kept as the last build wrote it.
    String key = cacheKey(site);
    edit(unreferenced.get(0), s -> s.replace("\n## Cause\n", "\n## Cause\n\nA paragraph added by an edit, with *emphasis*.\n"));
    sameAsFull(content, site, dir);
    assertEquals(key, cacheKey(site), "a body edit keeps the match index");
    assertEquals(ENTRIES - 1, lastKept, "a body edit renders its own entry's page only");
    int lists = lastKeptLists;
    assertTrue(lists > 10, "a body edit keeps every page that lists entries: " + lists);

    // What the lists show: the tags, the status, the date, a component's versions of an entry.
    // Each changes some list pages and leaves the others; the rebuilt site is the full build's.
    Path listed = unreferenced.get(0);
    String ownTags = line(listed, "tags");
    String tags = list(content).stream().map(f -> {
      try {
        return line(f, "tags");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).filter(t -> !t.equals(ownTags)).findFirst().orElseThrow();
    edit(listed, s -> s.replace("\n" + ownTags + "\n", "\n" + tags + "\n"));
    noErrors(sameAsFull(content, site, dir));
    assertTrue(lastKeptLists >= 0 && lastKeptLists < lists, "a tag edit renders the lists it changes: " + lastKeptLists);
    edit(listed, s -> s.replaceFirst("\nstatus: [a-z]+\n", s.contains("\nstatus: confirmed\n") ? "\nstatus: investigating\n" : "\nstatus: confirmed\n"));
    noErrors(sameAsFull(content, site, dir));
    assertTrue(lastKeptLists >= 0 && lastKeptLists < lists, "a status edit renders the lists that show it: " + lastKeptLists);
    // An error that follows from others: the match index's templates carry it, and the order of answers.
    edit(listed, s -> s.replaceFirst("\nstatus: ([a-z]+)\n", "\nstatus: $1\ndownstream: true\n"));
    noErrors(sameAsFull(content, site, dir));
    // Causes it can follow from: a sibling it names under related, which competes for the same pastes.
    String cause = relatedIds(listed).iterator().next();
    edit(listed, s -> s.replaceFirst("\nstatus: ([a-z]+)\n", "\nstatus: $1\nfollows_from: [" + cause + "]\n"));
    noErrors(sameAsFull(content, site, dir));
    edit(listed, s -> s.replaceFirst("\nmodified: [0-9-]+\n", "\nmodified: 2026-11-30\n"));
    noErrors(sameAsFull(content, site, dir));
    long wordParts;
    try (Stream<Path> parts = Files.list(site.toRealPath().resolve("search/w"))) {
      wordParts = parts.count();
    }
    assertEquals(wordParts, lastKeptWordParts, "a date is no word: every part of the word index is kept");
    edit(listed, s -> s.replaceFirst("\n    affected: \\[", Matcher.quoteReplacement("\n    affected: [\"<0.0.1\", ")));
    noErrors(sameAsFull(content, site, dir));
    assertTrue(lastKeptLists >= 0 && lastKeptLists < lists, "a version edit renders the component's list: " + lastKeptLists);
    // Versions and status are the match index's too (answers judge versions, labels show status).

    // The title of an entry that others name under related: its page and the pages that link to
    // it show the new title; every other page is kept.
    Path named = list(content).stream().filter(f -> referenced.contains(id(f))).findFirst().orElseThrow();
    long linking = 0;
    for (Path f : list(content)) {
      linking += !f.equals(named) && relatedIds(f).contains(id(named)) ? 1 : 0;
    }
    assertTrue(linking > 0, "no entry names " + id(named));
    edit(named, s -> s.replaceFirst("\ntitle: \"", "\ntitle: \"Renamed: "));
    noErrors(sameAsFull(content, site, dir));
    assertEquals(ENTRIES - 1 - linking, lastKept, "a title edit renders its page and the pages that link to it");
    key = cacheKey(site);

    // An example: a paste of the same error wrapped in a log line.
    edit(unreferenced.get(1), s -> s.replaceFirst("(\n  match:\n    - \")", "$1E1126 10:57:49.826795 574 server.cc:512] "));
    Outcome afterExample = sameAsFull(content, site, dir);
    assertEquals(key, cacheKey(site), "an example edit keeps the match index");
    assertEquals(ENTRIES - 1, lastKept, "an example edit renders its own entry's page only");

    // Synonyms added to matching.yml: every entry that says one phrase of a group now counts the
    // others for word search, so no entry's counts from the last build may be kept; and taken
    // away again.
    Path matching = content.resolve("matching.yml");
    Files.writeString(matching, "synonyms:\n  - [oom, error, failed to load]\n");
    sameAsFull(content, site, dir);
    assertEquals(0, lastKept, "synonyms change every entry's word counts");
    Files.delete(matching);
    sameAsFull(content, site, dir);
    assertEquals(key, cacheKey(site), "the rules as they were give the match index as it was");

    // A symptom edited in place, its words replaced one for one (so the number of templates and,
    // with the same number of words, the average length stay): the entry's own examples no
    // longer find it. A check that reads the last build's record runs only the examples the edit
    // can reach and says what a check without the record says. Entries are tried until the edit
    // changes what the check says of one.
    Path cliSite = site.resolveSibling("cli/site");
    boolean followed = false;
    for (Path edited : list(content).stream().limit(12).toList()) {
      String original = Files.readString(edited);
      Matcher symptom = Pattern.compile("\nsymptoms:\n  - \"([^\n]*)\"\n").matcher(original);
      if (!symptom.find()) {
        continue;
      }
      int[] n = {0};
      String replaced = Pattern.compile("(?<= )[a-z]{5,}(?=[ .,:])").matcher(symptom.group(1))
          .replaceAll(w -> "zqx" + (char) ('a' + n[0]++ % 26) + "word");
      if (n[0] == 0) {
        continue;
      }
      Files.writeString(edited, original.substring(0, symptom.start(1)) + replaced + original.substring(symptom.end(1)));
      SiteBuilder.Checked recorded = SiteBuilder.check(content, cliSite);
      List<String> full = SiteBuilder.check(content).diagnostics().stream().map(Diagnostic::format).toList();
      assertEquals(full, recorded.diagnostics().stream().map(Diagnostic::format).toList());
      String file = edited.getFileName().toString();
      if (recorded.reused() > 0 && !about(afterExample, file).equals(full.stream().filter(d -> d.contains(file)).toList())) {
        followed = true;
        sameAsFull(content, site, dir);
      }
      Files.writeString(edited, original);
      if (followed) {
        break;
      }
    }
    assertTrue(followed, "no symptom edited in place changed what the check says with recorded answers kept");


    // Add, rename, delete: each changes what every example competes with.
    Path copied = unreferenced.get(4);
    String copy = Files.readString(copied).replaceFirst("\nid: ([^\n]*)\n", "\nid: $1-copy\n");
    Files.writeString(content.resolve(id(copied) + "-copy.md"), copy.replaceFirst("\ntitle: \"", "\ntitle: \"Also "));
    Outcome added = sameAsFull(content, site, dir);
    if (added.diagnostics().stream().anyMatch(d -> d.contains(": error: "))) {
      // The copy's examples may find the original first: a failed build stores nothing.
      assertEquals(key, cacheKey(site), "a failed build keeps the stored answers of the last good one");
    } else {
      assertNotEquals(key, cacheKey(site), "a new entry changes the match index");
    }
    Path renamed = unreferenced.get(2);
    Files.move(renamed, renamed.resolveSibling("renamed-" + renamed.getFileName()));
    sameAsFull(content, site, dir);
    Files.delete(unreferenced.get(3));
    Outcome beforeSymptom = sameAsFull(content, site, dir);

    Path owner = unreferenced.get(0);
    String ownerFile = owner.getFileName().toString();
    String example = exampleLine(owner).replaceFirst("^    ", "  ");
    String title = titleLine(owner);
    List<String> before = about(beforeSymptom, ownerFile);

    // A symptom of one entry that is another entry's example word for word (under the other
    // entry's title): that example now finds both, and, where the new one scores higher, its check
    // result changes. Entries are tried until one does.
    boolean changed = false;
    for (Path other : list(content).stream().filter(f -> !f.equals(owner)).limit(8).toList()) {
      String original = Files.readString(other);
      edit(other, s -> s.replaceFirst("\nsymptoms:\n", "\nsymptoms:\n" + Matcher.quoteReplacement(example) + "\n")
          .replaceFirst("\ntitle: [^\n]*\n", "\n" + Matcher.quoteReplacement(title) + "\n"));
      if (!before.equals(about(build(content, dir.resolve("try-" + fresh++ + "/site"), true), ownerFile))) {
        changed = true;
        break;
      }
      Files.writeString(other, original);
    }
    assertTrue(changed, "no symptom edit changed what the check says of " + ownerFile);
    Outcome afterSymptom = sameAsFull(content, site, dir);
    assertNotEquals(before, about(afterSymptom, ownerFile));
  }

  private static void noErrors(Outcome o) {
    assertTrue(o.diagnostics().stream().noneMatch(d -> d.contains(": error: ")),
        () -> "the edit made the content invalid: " + o.diagnostics().stream().filter(d -> d.contains(": error: ")).toList());
  }

  /** The line of the front matter that starts with {@code key:}. */
  private static String line(Path entry, String key) throws IOException {
    Matcher m = Pattern.compile("\n(" + key + ": [^\n]*)\n").matcher(Files.readString(entry));
    assertTrue(m.find(), "no " + key + " in " + entry);
    return m.group(1);
  }

  private static String titleLine(Path entry) throws IOException {
    Matcher m = Pattern.compile("\n(title: [^\n]*)\n").matcher(Files.readString(entry));
    assertTrue(m.find(), "no title in " + entry);
    return m.group(1);
  }

  @Test
  void recordedAnswersOfTheShippedContentGiveTheFullBuild(@TempDir Path dir) {
    Path site = dir.resolve("site");
    Outcome cold = build(Path.of("content"), site, false);
    Outcome warm = build(Path.of("content"), site, false);
    assertTrue(Files.isRegularFile(OutputFolder.cacheFolder(site).orElseThrow().resolve(ExampleStore.FILE)));
    assertEquals(cold, warm);
    assertEquals(cold, build(Path.of("content"), dir.resolve("full/site"), true));
  }

  /**
   * Builds into {@code site} with the remembering builder, into a folder beside it with a new
   * builder each time (as each {@code errata build} is: what it reuses comes from disk), and into
   * a fresh folder (full); requires the three to agree, and returns the outcome.
   */
  private Outcome sameAsFull(Path content, Path site, Path dir) {
    Outcome incremental = build(remembering, content, site, false);
    SiteBuilder.Result[] result = new SiteBuilder.Result[1];
    Outcome fromDisk = build(new SiteBuilder(CLOCK), content, site.resolveSibling("cli/site"), false, result);
    lastKept = result[0] == null ? -1 : result[0].kept();
    lastKeptLists = result[0] == null ? -1 : result[0].keptLists();
    lastKeptWordParts = result[0] == null ? -1 : result[0].keptWordParts();
    Outcome full = build(content, dir.resolve("fresh-" + fresh++ + "/site"), true);
    assertEquals(full.diagnostics(), incremental.diagnostics());
    assertEquals(full.files(), incremental.files());
    assertEquals(full.diagnostics(), fromDisk.diagnostics());
    assertEquals(full.files(), fromDisk.files());
    return full;
  }

  private static Outcome build(Path content, Path site, boolean full) {
    return build(new SiteBuilder(CLOCK), content, site, full);
  }

  private static Outcome build(SiteBuilder builder, Path content, Path site, boolean full) {
    return build(builder, content, site, full, new SiteBuilder.Result[1]);
  }

  private static Outcome build(SiteBuilder builder, Path content, Path site, boolean full, SiteBuilder.Result[] result) {
    try {
      SiteBuilder.Result r = builder.build(new SiteBuilder.Options(content, Path.of("templates"), site, full));
      result[0] = r;
      return new Outcome(Trees.read(site), r.diagnostics().stream().map(Diagnostic::format).toList());
    } catch (ErrataException e) {
      return new Outcome(Map.of(), e.diagnostics().stream().map(Diagnostic::format).toList());
    }
  }

  private static List<String> about(Outcome o, String file) {
    return o.diagnostics().stream().filter(d -> d.contains(file)).toList();
  }

  private static String cacheKey(Path site) throws IOException {
    return ExampleStore.recordedKey(OutputFolder.cacheFolder(site).orElseThrow());
  }

  private static String exampleLine(Path entry) throws IOException {
    Matcher m = Pattern.compile("\n  match:\n(    - \"[^\n]*\")\n").matcher(Files.readString(entry));
    assertTrue(m.find(), "no one-line example in " + entry);
    return m.group(1);
  }

  private static Set<String> referencedIds(Path content) throws IOException {
    Set<String> out = new TreeSet<>();
    for (Path f : list(content)) {
      out.addAll(relatedIds(f));
    }
    return out;
  }

  /** The ids an entry names under related. */
  private static Set<String> relatedIds(Path entry) throws IOException {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("\nrelated: \\[([^\\]]*)\\]").matcher(Files.readString(entry));
    while (m.find()) {
      for (String id : m.group(1).split(",")) {
        out.add(id.strip());
      }
    }
    return out;
  }

  private static String id(Path f) {
    return f.getFileName().toString().replaceFirst("\\.md$", "");
  }

  private static void edit(Path f, java.util.function.UnaryOperator<String> change) throws IOException {
    String before = Files.readString(f, StandardCharsets.UTF_8);
    String after = change.apply(before);
    assertNotEquals(before, after, "the edit of " + f + " changed nothing");
    Files.writeString(f, after, StandardCharsets.UTF_8);
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return new ArrayList<>(s.filter(f -> f.toString().endsWith(".md")).sorted().toList());
    }
  }
}
