package dev.errata.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.Diagnostic;
import dev.errata.model.SiteInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** site.yml's keys of docs/site.md: read, checked with their lines, unknown ones refused with a suggestion. */
class SiteSettingsTest {
  @TempDir Path content;

  private ContentLoader.Result load(String siteYml) throws IOException {
    Files.writeString(content.resolve("site.yml"), siteYml);
    return new ContentLoader().load(content);
  }

  @Test
  void readsEveryKey() throws IOException {
    ContentLoader.Result r = load("title: T\nnew_entry_url: https://git.example/new?t={title}&b={paste}\n"
        + "edit_url: https://git.example/edit/{path}\nexample_paste: \"E0101 boom\"\n");
    assertEquals(List.of(), r.diagnostics());
    SiteInfo site = r.knowledgeBase().site();
    assertEquals("https://git.example/new?t={title}&b={paste}", site.newEntryUrl());
    assertEquals("https://git.example/edit/{path}", site.editUrl());
    assertEquals("E0101 boom", site.examplePaste());
    assertEquals(SiteInfo.DEFAULT_EXAMPLE_PASTE, SiteInfo.defaults().examplePaste());
  }

  @Test
  void anUnknownPlaceholderOrSchemeIsAnErrorOnItsLine() throws IOException {
    List<Diagnostic> d = load("title: T\nedit_url: https://git.example/edit/{file}\nnew_entry_url: javascript:alert(1)\n").diagnostics();
    assertEquals(2, d.size(), d.toString());
    assertEquals(2, d.get(0).line());
    assertTrue(d.get(0).message().contains("unknown placeholder {file}") && d.get(0).hint().contains("{path}"), d.get(0).format());
    assertEquals(3, d.get(1).line());
    assertTrue(d.get(1).message().contains("is not an http(s) address"), d.get(1).format());
  }

  @Test
  void anUnknownKeyIsStillRefusedWithTheNearestKnownOne() throws IOException {
    List<Diagnostic> d = load("title: T\nedit_ulr: https://git.example/edit/{path}\n").diagnostics();
    assertEquals(1, d.size(), d.toString());
    assertTrue(d.get(0).isError() && d.get(0).format().contains("edit_url"), d.get(0).format());
  }
}
