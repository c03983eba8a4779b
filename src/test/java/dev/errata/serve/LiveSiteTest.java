package dev.errata.serve;

import dev.errata.testing.Trees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import dev.errata.site.SiteBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's rebuild loop without a browser: a change rebuilds, a broken entry is reported and leaves the site as it was. */
class LiveSiteTest {
  @TempDir Path tmp;

  private Path content() throws IOException {
    Path from = Path.of("src/test/resources/fixture/content");
    Path to = tmp.resolve("content");
    Trees.copy(from, to);
    return to;
  }

  @Test
  void aBrokenEntryIsToldToThePagesAndTheLastGoodSiteStaysThenAFixReloads() throws IOException {
    Path content = content();
    Path site = tmp.resolve("site");
    LiveEvents events = new LiveEvents();
    ByteArrayOutputStream page = new ByteArrayOutputStream();
    try (LiveSite live = new LiveSite(new SiteBuilder(Clock.systemUTC()), new SiteBuilder.Options(content, tmp.resolve("none"), site),
        events, line -> { })) {
      live.buildNow();
      Path good = site.toRealPath();
      events.subscribe(page);
      Path entry = content.resolve("server/port-in-use.md");
      String text = Files.readString(entry);
      Files.writeString(entry, text.replaceFirst("\nstatus: (\\w+)\n", "\nstatus: [$1\n"));
      live.changed();
      String told = page.toString(StandardCharsets.UTF_8);
      assertTrue(told.contains("event: problems\ndata: [{\"file\":\"") && told.contains("port-in-use.md\",\"line\":"), told);
      assertEquals(good, site.toRealPath(), "the last good site is still the one served");
      Files.writeString(entry, text);
      live.changed();
      assertTrue(page.toString(StandardCharsets.UTF_8).endsWith("event: reload\ndata: {}\n\n"));
      assertTrue(!good.equals(site.toRealPath()), "a new site");
    }
  }

  @Test
  void aServeThatStartsOnBrokenContentServesTheLastGoodSiteWithTheProblems() throws IOException {
    Path content = content();
    Path site = tmp.resolve("site");
    SiteBuilder.Options options = new SiteBuilder.Options(content, tmp.resolve("none"), site);
    Path entry = content.resolve("server/port-in-use.md");
    Files.writeString(entry, Files.readString(entry).replaceFirst("\nstatus: (\\w+)\n", "\nstatus: [$1\n"));
    LiveEvents events = new LiveEvents();
    try (LiveSite live = new LiveSite(new SiteBuilder(Clock.systemUTC()), options, events, line -> { })) {
      assertEquals(ErrataException.class, assertThrows(ErrataException.class, live::buildNow).getClass(), "no site to serve");
      Files.createDirectories(site);
      assertTrue(live.buildNow().isEmpty());
      ByteArrayOutputStream page = new ByteArrayOutputStream();
      events.subscribe(page);
      assertTrue(page.toString(StandardCharsets.UTF_8).contains("event: problems"), "a page opened now is told");
    }
  }

  @Test
  void aSavedFileStartsARebuild() throws IOException, InterruptedException {
    Path content = content();
    LiveEvents events = new LiveEvents();
    ByteArrayOutputStream page = new ByteArrayOutputStream();
    try (LiveSite live = new LiveSite(new SiteBuilder(Clock.systemUTC()), new SiteBuilder.Options(content, tmp.resolve("none"),
        tmp.resolve("site")), events, line -> { })) {
      live.buildNow();
      live.watch();
      events.subscribe(page);
      Path entry = content.resolve("server/port-in-use.md");
      Files.writeString(entry, Files.readString(entry) + "\nOne more line.\n");
      long until = System.nanoTime() + 60_000_000_000L;
      while (!page.toString(StandardCharsets.UTF_8).contains("event: reload") && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertTrue(page.toString(StandardCharsets.UTF_8).contains("event: reload"), "rebuilt and reloaded after the save");
    }
  }

  @Test
  void refusesToBuildIntoAFolderItWatches() throws IOException {
    Path content = content();
    try (LiveSite live = new LiveSite(new SiteBuilder(Clock.systemUTC()), new SiteBuilder.Options(content, tmp.resolve("none"),
        content.resolve("site")), new LiveEvents(), line -> { })) {
      ErrataException e = assertThrows(ErrataException.class, live::watch);
      assertEquals(ExitCode.USAGE, e.exitCode());
    }
  }
}
