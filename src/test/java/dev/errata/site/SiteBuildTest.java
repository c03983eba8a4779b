package dev.errata.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.testing.CliRun;
import dev.errata.testing.Trees;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole builds of the fixture content through the real command line. */
class SiteBuildTest {
  static final String FIXTURE = "src/test/resources/fixture/content";
  static final String BROKEN = "src/test/resources/check/broken";

  private static CliRun build(String content, Path out) {
    return CliRun.of("build", "--content", content, "--templates", "templates", "--out", out.toString());
  }

  @Test
  void everyInternalLinkResolvesAndNothingLoadsFromOutside(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("site");
    CliRun r = build(FIXTURE, site);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("Built 3 entries, "), r.out());
    List<String> broken = new ArrayList<>();
    List<String> external = new ArrayList<>();
    int links = 0;
    try (Stream<Path> files = Files.walk(site.toRealPath())) {
      for (Path page : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        page = site.resolve(site.toRealPath().relativize(page));
        for (Element el : doc.select("[href], [src]")) {
          String attr = el.hasAttr("href") ? "href" : "src";
          String target = el.attr(attr);
          // A canonical link names the page's public address; browsers do not fetch it.
          boolean resource = !el.tagName().equals("a") && !(el.tagName().equals("link") && el.attr("rel").equals("canonical"));
          if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("//")) {
            if (resource) {
              external.add(site.relativize(page) + ": " + el.outerHtml());
            }
            continue;
          }
          if (target.startsWith("#") || target.startsWith("mailto:")) {
            continue;
          }
          links++;
          String path = URI.create(target).getPath();
          if (path.startsWith("/")) {
            broken.add(site.relativize(page) + ": absolute link " + target);
          } else if (!Files.exists(page.getParent().resolve(path).normalize())) {
            broken.add(site.relativize(page) + ": " + target);
          }
        }
      }
    }
    assertTrue(links > 50, "expected many internal links, found " + links);
    assertEquals(List.of(), broken, "broken links");
    assertEquals(List.of(), external, "resources loaded from outside the site");
  }

  @Test
  void writesEveryKindOfPage(@TempDir Path tmp) {
    Path site = tmp.resolve("site");
    assertEquals(0, build(FIXTURE, site).code());
    for (String p : List.of("index.html", "search.html", "404.html", "sitemap.xml", "feed.xml", "api/entries.json",
        "entries/numpy2-empty-tensors.html", "entries/port-in-use.html", "components/index.html",
        "components/numpy.html", "tags/index.html", "tags/ensemble.html", "assets/style.css", "assets/errata.js")) {
      assertTrue(Files.isRegularFile(site.resolve(p)), p);
    }
  }

  @Test
  void twoBuildsOfTheSameContentAreByteIdentical(@TempDir Path tmp) {
    assertEquals(0, build(FIXTURE, tmp.resolve("a")).code());
    assertEquals(0, build(FIXTURE, tmp.resolve("b")).code());
    Map<String, String> a = Trees.read(tmp.resolve("a"));
    assertFalse(a.isEmpty());
    assertEquals(a, Trees.read(tmp.resolve("b")));
  }

  @Test
  void failedBuildLeavesThePreviousSiteExactlyAsItWas(@TempDir Path tmp) {
    Path site = tmp.resolve("site");
    assertEquals(0, build(FIXTURE, site).code());
    Map<String, String> before = Trees.read(site);
    CliRun failed = build(BROKEN, site);
    assertEquals(3, failed.code());
    assertTrue(failed.err().contains("the site was not changed"), failed.err());
    assertTrue(failed.err().contains("bad-ranges.md:11: error:"), failed.err());
    assertEquals(before, Trees.read(site));
    try (Stream<Path> s = Files.list(tmp); Stream<Path> b = Files.list(tmp.resolve("site.builds"))) {
      assertEquals(List.of("site", "site.builds"), s.map(p -> p.getFileName().toString()).sorted().toList());
      // Besides the lock and the site, only what builds record for the next one (answers of examples).
      assertEquals(List.of(".lock", site.toRealPath().getFileName().toString(), OutputFolder.CACHE),
          b.map(p -> p.getFileName().toString()).sorted().toList(), "no unfinished folders left behind");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void rebuildReplacesTheSiteWhole(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("site");
    assertEquals(0, build(FIXTURE, site).code());
    Files.writeString(site.resolve("entries/stale.html"), "left from an older build");
    assertEquals(0, build(FIXTURE, site).code());
    assertFalse(Files.exists(site.resolve("entries/stale.html")));
  }

  @Test
  void refusesToReplaceAFolderItDidNotWrite(@TempDir Path tmp) throws IOException {
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine);
    Files.writeString(mine.resolve("precious.txt"), "do not delete");
    CliRun r = build(FIXTURE, mine);
    assertEquals(4, r.code());
    assertTrue(r.err().contains("did not write"), r.err());
    assertEquals("do not delete", Files.readString(mine.resolve("precious.txt")));
  }

  @Test
  void aUserTemplateOverridesOneDefaultAndKeepsTheRest(@TempDir Path tmp) throws IOException {
    Path templates = tmp.resolve("templates");
    Files.createDirectories(templates);
    Files.writeString(templates.resolve("404.ftlh"), "<p>custom ${site.title}</p>");
    Path site = tmp.resolve("site");
    CliRun r = CliRun.of("build", "--content", FIXTURE, "--templates", templates.toString(), "--out", site.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("<p>custom Fixture known issues</p>", Files.readString(site.resolve("404.html")));
    assertTrue(Files.readString(site.resolve("index.html")).contains("Coverage by component"));
  }

  @Test
  void shipsEveryDefaultAsset() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("templates/assets"))) {
      assertEquals(s.map(p -> p.getFileName().toString()).sorted().toList(), Assets.DEFAULTS);
    }
  }
}
