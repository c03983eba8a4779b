package dev.errata.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.errata.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild writes into the site before the previous one ({@link OutputFolder#reuse}), whose
 * files the previous site may share (hard links): it must never change a file of the site being
 * served, and what it leaves must be what a full build gives.
 */
class ReusedSiteTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  @Test
  void aRebuildInTheSpareLeavesTheServedSiteAsItWas(@TempDir Path dir) throws IOException {
    Path content = dir.resolve("content");
    Trees.copy(Path.of("content"), content);
    List<Path> all;
    try (Stream<Path> s = Files.walk(content)) {
      all = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    // Entries no other entry names (related, translations), so that one may be removed.
    java.util.List<Path> entries = new java.util.ArrayList<>();
    for (Path p : all) {
      String id = p.getFileName().toString().replace(".md", "");
      boolean named = false;
      for (Path other : all) {
        named |= !other.equals(p) && Files.readString(other).contains(id);
      }
      if (!named) {
        entries.add(p);
      }
    }
    Path site = dir.resolve("work/site");
    build(content, site);
    Path first = site.toRealPath();
    Object spareFolder = Files.getAttribute(first, "unix:ino");

    // The second build links every page but the edited entry's from the first.
    append(entries.get(0), "A paragraph of the first edit.");
    build(content, site);
    Path second = site.toRealPath();
    Map<String, String> served = Trees.read(second);

    // The third writes into the first's folder: the second edit's page is one the first and
    // second share, the first edit's one the first has an older copy of; a removed entry's page
    // is in both. None of it may reach the second, which is served meanwhile.
    append(entries.get(1), "A paragraph of the second edit.");
    Files.delete(entries.get(2));
    build(content, site);
    Path third = site.toRealPath();
    assertEquals(spareFolder, Files.getAttribute(third, "unix:ino"), "the third build took the first's folder");
    assertEquals(List.of(), differing(served, Trees.read(second)), "files of the served site changed while the next was built");
    assertFalse(Files.exists(third.resolve("entries/" + entries.get(2).getFileName().toString().replace(".md", ".html"))));
    assertEquals(List.of(), differing(Trees.read(build(content, dir.resolve("full/site"))), Trees.read(third)),
        "files that differ from a full build");
  }

  /** The paths whose contents differ between two trees, or that one of them lacks. */
  private static List<String> differing(Map<String, String> a, Map<String, String> b) {
    java.util.TreeSet<String> paths = new java.util.TreeSet<>(a.keySet());
    paths.addAll(b.keySet());
    return paths.stream().filter(p -> !java.util.Objects.equals(a.get(p), b.get(p))).toList();
  }

  private static Path build(Path content, Path site) {
    new SiteBuilder(CLOCK).build(new SiteBuilder.Options(content, Path.of("templates"), site, false));
    return site;
  }

  private static void append(Path entry, String paragraph) throws IOException {
    Files.writeString(entry, Files.readString(entry).stripTrailing() + "\n\n" + paragraph + "\n");
  }
}
