package dev.errata.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.content.ContentLoader;
import dev.errata.markdown.Markdown;
import dev.errata.model.KnowledgeBase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The site of a knowledge base in Chinese, without base_url: list pages in default_lang, entry
 * pages in their own, a table of contents for long bodies only, no canonical or OpenSearch links.
 * (The fixture site, with base_url, has them: see its golden files.)
 */
class ReaderFeaturesTest {
  private static Map<String, String> pages;

  @BeforeAll
  static void render() {
    ContentLoader.Result loaded = new ContentLoader().load(Path.of("src/test/resources/i18n/content"));
    assertFalse(loaded.hasErrors(), loaded.diagnostics().toString());
    KnowledgeBase kb = loaded.knowledgeBase();
    assertEquals("zh", kb.site().defaultLang());
    pages = new SiteRenderer(new Templates(Path.of("templates")), new Markdown()).render(kb).stream()
        .collect(Collectors.toMap(Page::path, Page::content));
  }

  @Test
  void listPagesSpeakTheSitesDefaultLanguage() {
    for (String p : List.of("index.html", "search.html", "components/index.html", "tags/locking.html", "404.html")) {
      assertTrue(pages.get(p).contains("<html lang=\"zh\">"), p);
      assertTrue(pages.get(p).contains("assets/messages/zh.js\" data-live=\"swap\"></script>"), p);
      assertTrue(pages.get(p).contains("搜索已知问题"), p);
    }
    assertTrue(pages.get("components/ledger.html").contains("受影响版本 &gt;=3.2, &lt;3.5；3.5 起已修复"),
        pages.get("components/ledger.html"));
    assertTrue(pages.get("index.html").contains("<span class=\"status status-workaround\">有变通办法</span>"));
  }

  @Test
  void entryPagesSpeakTheEntrysLanguageAndLinkTheirTranslations() {
    String zh = pages.get("entries/advisory-lock-timeout.html");
    assertTrue(zh.contains("<h2 id=\"symptoms\">报错信息</h2>"), zh);
    assertTrue(zh.contains("其他语言版本：") && zh.contains("href=\"advisory-lock-timeout-en.html\" hreflang=\"en\""), zh);
    String en = pages.get("entries/advisory-lock-timeout-en.html");
    assertTrue(en.contains("<html lang=\"en\">") && en.contains("<h2 id=\"symptoms\">Error messages</h2>"), en);
    assertTrue(en.contains("Also in:") && en.contains("href=\"advisory-lock-timeout.html\" hreflang=\"zh\""), en);
  }

  @Test
  void onlyBodiesOfMoreThanThreeSectionsGetATableOfContents() {
    String four = pages.get("entries/advisory-lock-timeout.html");
    assertTrue(four.contains("<nav class=\"toc\""), four);
    assertTrue(four.contains("<li><a href=\"#如何确认\">如何确认</a></li>"), four);
    assertTrue(four.contains("<li><a href=\"#fixes\">解决方法</a></li>"), four);
    assertFalse(pages.get("entries/advisory-lock-timeout-en.html").contains("class=\"toc\""));
    assertFalse(pages.get("entries/migration-checksum-mismatch.html").contains("class=\"toc\""));
  }

  @Test
  void tableOfContentsKeepsHeadingTextButNotItsTags() {
    String body = "<h2 id=\"a\">A</h2><h2 id=\"b\">Use <code>x&lt;2</code></h2><h2 id=\"c\">C</h2><h3 id=\"d\">D</h3>";
    assertEquals(List.of(), Contents.of(body), "three sections: none");
    assertEquals(List.of(new Views.Heading("a", "A"), new Views.Heading("b", "Use x&lt;2"), new Views.Heading("c", "C"),
        new Views.Heading("e", "E")), Contents.of(body + "<h2 id=\"e\">E</h2>"));
  }

  @Test
  void withoutBaseUrlNoCanonicalNorOpenSearch() {
    assertFalse(pages.containsKey("opensearch.xml"));
    pages.forEach((path, text) -> {
      assertFalse(text.contains("rel=\"canonical\""), path);
      assertFalse(text.contains("opensearch"), path);
    });
  }

  @Test
  void everyPageOffersTheThemeChoiceAndLoadsItsScriptFirst() {
    String page = pages.get("entries/advisory-lock-timeout.html");
    assertTrue(page.indexOf("assets/theme.js") < page.indexOf("</head>"), "before the page is drawn");
    assertTrue(page.contains("<select id=\"theme\">") && page.contains("<option value=\"dark\">深色</option>"), page);
  }
}
