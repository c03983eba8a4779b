package dev.errata.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.content.ContentLoader;
import dev.errata.markdown.Markdown;
import dev.errata.model.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed holds the latest changes, newest first, not the whole knowledge base. */
class FeedTest {
  @Test
  void theFeedHoldsTheMostRecentlyModifiedEntriesOnly(@TempDir Path dir) throws IOException {
    String entry = Files.readString(Path.of("src/test/resources/fixture/content/server/port-in-use.md"));
    String id = entry.substring(entry.indexOf("id: ") + 4, entry.indexOf('\n', entry.indexOf("id: ")));
    for (int i = 0; i < SiteRenderer.FEED + 10; i++) {
      String day = String.format("2026-%02d-%02d", 1 + i / 28, 1 + i % 28);
      String text = entry.replace("id: " + id, "id: " + id + "-" + i).replaceFirst("modified: [0-9-]+", "modified: " + day);
      Files.writeString(dir.resolve(id + "-" + i + ".md"), text);
    }
    KnowledgeBase kb = new ContentLoader().load(dir).knowledgeBase();
    assertEquals(SiteRenderer.FEED + 10, kb.entries().size());
    List<Page> pages = new ArrayList<>();
    new SiteRenderer(new Templates(Path.of("templates")), new Markdown()).listPages(kb, pages::add);
    String feed = pages.stream().filter(p -> p.path().equals("feed.xml")).findFirst().orElseThrow().content();
    assertEquals(SiteRenderer.FEED, feed.split("<entry>", -1).length - 1);
    String newest = id + "-" + (SiteRenderer.FEED + 9);
    assertTrue(feed.indexOf(newest + ".html") > 0 && feed.indexOf(newest + ".html") < feed.indexOf(id + "-" + (SiteRenderer.FEED + 8) + ".html"), feed);
    assertTrue(!feed.contains(id + "-0.html"), "the oldest entry is not in the feed");
  }
}
