package dev.errata.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.ErrataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output link, its numbered folders, the lock, and what killed builds leave. */
class OutputFolderTest {
  @TempDir Path tmp;

  private Path site() {
    return tmp.resolve("site");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** One whole build of a site holding {@code index.html} with {@code text}, into a new folder (the spare unused). */
  private Path build(String text) throws IOException {
    try (OutputFolder out = new OutputFolder(site(), () -> { })) {
      Path folder = out.begin();
      Files.writeString(folder.resolve("index.html"), text);
      out.commit(folder);
      out.dropSpare();
      return folder;
    }
  }

  @Test
  void theOutputIsALinkToTheNewestFolderAndThePreviousOneStaysAsTheSpare() throws IOException {
    Path first = build("one");
    assertTrue(Files.isSymbolicLink(site()));
    assertEquals("one", Files.readString(site().resolve("index.html")));
    assertEquals(Path.of("site.builds", "1"), Files.readSymbolicLink(site()), "a relative link, so the project may move");
    Path second = build("two");
    assertEquals("two", Files.readString(site().resolve("index.html")));
    assertEquals("one", Files.readString(first.resolve("index.html")), "the previous site stays, for the next build");
    Path third = build("three");
    assertFalse(Files.exists(first), "a spare the build did not use goes");
    assertEquals(List.of(".lock", second.getFileName().toString(), third.getFileName().toString()), names(tmp.resolve("site.builds")));
    assertEquals(List.of("site", "site.builds"), names(tmp));
  }

  @Test
  void aSpareTheBuildWillNotTakeIsRemovedWhileItWritesAndGoneWhenItEnds() throws IOException {
    Path first = build("one");
    for (int i = 0; i < 300; i++) {
      Files.writeString(first.resolve("page-" + i + ".html"), "old " + i);
    }
    build("two");
    Path third;
    try (OutputFolder out = new OutputFolder(site(), () -> { })) {
      third = out.begin();
      assertEquals(java.util.Optional.of(first), out.spare());
      out.dropSpareAside();
      // Unmarked at once: were the process to end now, the next build would remove what is left
      // as an unfinished folder and never take it for a site.
      assertFalse(Files.exists(first.resolve(OutputFolder.MARKER)));
      assertEquals(java.util.Optional.empty(), out.spare());
      Files.writeString(third.resolve("index.html"), "three");
      out.commit(third);
      out.dropSpare();
      assertFalse(Files.exists(first), "removed by the time the build is done");
    }
    assertEquals("three", Files.readString(site().resolve("index.html")));
  }

  @Test
  void whatARemovalCutShortLeftIsNeverTakenForASite() throws IOException {
    Path first = build("one");
    build("two");
    // A removal the process did not finish: unmarked first, some files still there.
    Files.delete(first.resolve(OutputFolder.MARKER));
    try (OutputFolder out = new OutputFolder(site(), () -> { })) {
      Path folder = out.begin();
      assertEquals(java.util.Optional.empty(), out.spare(), "not a finished site, so no spare");
      assertFalse(Files.exists(first), "removed as a leftover");
      Files.writeString(folder.resolve("index.html"), "three");
      out.commit(folder);
      out.dropSpare();
    }
    assertEquals("three", Files.readString(site().resolve("index.html")));
  }

  @Test
  void aBuildMayTakeTheSpareSite() throws IOException {
    Path first = build("one");
    build("two");
    try (OutputFolder out = new OutputFolder(site(), () -> { })) {
      Path folder = out.begin();
      assertEquals(java.util.Optional.of(first), out.spare());
      assertTrue(out.reuse(first.getFileName().toString(), folder));
      assertFalse(Files.exists(first));
      assertEquals("one", Files.readString(folder.resolve("index.html")), "the spare's files, in the new folder");
      assertFalse(Files.exists(folder.resolve(OutputFolder.MARKER)), "unfinished until committed");
      assertEquals("two", Files.readString(site().resolve("index.html")), "the current site untouched meanwhile");
      Files.delete(folder.resolve("index.html"));
      Files.writeString(folder.resolve("index.html"), "three");
      out.commit(folder);
      out.dropSpare();
      assertEquals("3", folder.getFileName().toString());
    }
    assertEquals("three", Files.readString(site().resolve("index.html")));
    assertEquals(List.of(".lock", "2", "3"), names(tmp.resolve("site.builds")));
  }

  @Test
  void aBuildKilledInTheSpareLeavesTheCurrentSiteAndLosesOnlyTheSpare() throws IOException {
    Path first = build("one");
    build("two");
    try (OutputFolder out = new OutputFolder(site(), () -> { })) {
      Path folder = out.begin();
      assertTrue(out.reuse(first.getFileName().toString(), folder));
      Files.writeString(folder.resolve("half.html"), "killed here");
    }
    Path next = build("three");
    assertEquals("three", Files.readString(site().resolve("index.html")));
    assertEquals(List.of(".lock", "2", next.getFileName().toString()), names(tmp.resolve("site.builds")),
        "the unfinished folder is removed like any other");
  }

  @Test
  void aSiteFolderOfAnOlderVersionIsMovedInto() throws IOException {
    Files.createDirectories(site().resolve("entries"));
    Files.writeString(site().resolve(OutputFolder.MARKER), "old");
    Files.writeString(site().resolve("index.html"), "old");
    try (OutputFolder out = new OutputFolder(site(), () -> { })) {
      Path folder = out.begin();
      assertTrue(Files.isSymbolicLink(site()), "migrated before the new build is written");
      assertEquals("old", Files.readString(site().resolve("index.html")), "the old site stays in place while building");
      Files.writeString(folder.resolve("index.html"), "new");
      out.commit(folder);
    }
    assertEquals("new", Files.readString(site().resolve("index.html")));
    assertEquals(List.of("site", "site.builds"), names(tmp));
  }

  @Test
  void whatKilledBuildsLeftIsRemoved() throws IOException {
    build("one");
    Path builds = tmp.resolve("site.builds");
    Files.createDirectories(builds.resolve("7/entries")); // killed while writing
    Files.writeString(builds.resolve("7/entries/a.html"), "half");
    Files.createDirectories(builds.resolve("0"));
    Files.createSymbolicLink(tmp.resolve("site.link-7"), Path.of("site.builds/7")); // killed between link and rename
    for (String legacy : List.of("site.tmp-123", "site.old-456")) { // left by older versions
      Files.createDirectories(tmp.resolve(legacy));
      Files.writeString(tmp.resolve(legacy).resolve(OutputFolder.MARKER), "");
    }
    Files.createDirectories(tmp.resolve("site.tmp-mine")); // no marker: not ours
    Path last = build("two");
    assertEquals(List.of(".lock", "1", last.getFileName().toString()), names(builds), "the previous site stays as the spare");
    assertEquals(List.of("site", "site.builds", "site.tmp-mine"), names(tmp));
    assertEquals("2", last.getFileName().toString(), "numbered after the current one, leftovers gone first");
  }

  @Test
  void aMissingLinkIsPointedBackAtTheNewestFinishedBuild() throws IOException {
    build("one");
    Path builds = tmp.resolve("site.builds");
    Files.delete(site()); // a build killed between the two renames of the migration
    Files.createDirectories(builds.resolve("2"));  // unfinished: no marker
    try (OutputFolder out = new OutputFolder(site(), () -> { })) {
      Path folder = out.begin();
      assertEquals("one", Files.readString(site().resolve("index.html")), "back before anything is written");
      out.abandon(folder);
    }
    assertEquals("one", Files.readString(site().resolve("index.html")));
  }

  @Test
  void aSecondBuildWaitsForTheFirst() throws Exception {
    build("zero");
    CountDownLatch firstBegun = new CountDownLatch(1);
    CountDownLatch secondWaits = new CountDownLatch(1);
    AtomicBoolean firstDone = new AtomicBoolean();
    Thread first = new Thread(() -> {
      try (OutputFolder out = new OutputFolder(site(), () -> { })) {
        Path folder = out.begin();
        firstBegun.countDown();
        secondWaits.await(10, TimeUnit.SECONDS);
        Files.writeString(folder.resolve("index.html"), "first");
        out.commit(folder);
        firstDone.set(true);
      } catch (IOException | InterruptedException e) {
        throw new AssertionError(e);
      }
    });
    first.start();
    assertTrue(firstBegun.await(10, TimeUnit.SECONDS));
    try (OutputFolder out = new OutputFolder(site(), secondWaits::countDown)) {
      Path folder = out.begin();
      assertTrue(firstDone.get(), "began only once the first was done");
      assertEquals("first", Files.readString(site().resolve("index.html")));
      Files.writeString(folder.resolve("index.html"), "second");
      out.commit(folder);
    }
    first.join();
    assertEquals(0, secondWaits.getCount(), "the second was told that it waits");
    assertEquals("second", Files.readString(site().resolve("index.html")));
  }

  @Test
  void refusesALinkItDidNotMake() throws IOException {
    Files.createDirectories(tmp.resolve("elsewhere"));
    Files.createSymbolicLink(site(), tmp.resolve("elsewhere"));
    ErrataException e = assertThrows(ErrataException.class, () -> build("x"));
    assertTrue(e.getMessage().contains("symbolic link that errata did not make"), e.getMessage());
  }
}
