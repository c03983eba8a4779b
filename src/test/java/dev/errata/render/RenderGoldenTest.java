package dev.errata.render;

import com.fasterxml.jackson.core.JsonFactory;
import dev.errata.content.ContentLoader;
import dev.errata.index.EntriesJson;
import dev.errata.markdown.Markdown;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.testing.Golden;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rendered pages and the JSON API of the fixture site, compared whole with golden files. */
class RenderGoldenTest {
  private static Map<String, String> pages;

  @BeforeAll
  static void render() {
    ContentLoader.Result loaded = new ContentLoader().load(Path.of("src/test/resources/fixture/content"));
    KnowledgeBase kb = loaded.knowledgeBase();
    List<Page> all = new SiteRenderer(new Templates(Path.of("templates")), new Markdown()).render(kb);
    pages = all.stream().collect(Collectors.toMap(Page::path, Page::content));
    pages = new java.util.HashMap<>(pages);
    pages.put("api/entries.json", new String(new EntriesJson(new JsonFactory()).write(kb), java.nio.charset.StandardCharsets.UTF_8));
    Entry zh = kb.require("numpy2-empty-tensors-zh");
    pages.put(EntriesJson.path(zh), new String(new EntriesJson(new JsonFactory()).write(zh, new Markdown().toHtml(zh.body().text())),
        java.nio.charset.StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "entries/numpy2-empty-tensors.html",
    "entries/numpy2-empty-tensors-zh.html",
    "components/python-backend.html",
    "tags/startup.html",
    "index.html",
    "feed.xml",
    "sitemap.xml",
    "api/entries.json",
    "api/entries/numpy2-empty-tensors-zh.json",
    "search.html",
    "opensearch.xml",
    "assets/messages/zh.js",
  })
  void matchesGoldenFile(String path) {
    Golden.assertMatches(Golden.ROOT.resolve("site/" + path), pages.get(path));
  }
}
