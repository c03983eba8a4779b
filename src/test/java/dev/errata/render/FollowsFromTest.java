package dev.errata.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.content.ContentLoader;
import dev.errata.markdown.Markdown;
import dev.errata.model.KnowledgeBase;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An entry's page names the entries whose failure its error can follow from ({@code follows_from}),
 * under its causes, so that a reader whose log shows one of those fixes that first.
 */
class FollowsFromTest {
  @Test
  void theCausesAnEntryNamesAreLinkedUnderItsOwn() {
    KnowledgeBase kb = new ContentLoader().load(Path.of("content")).knowledgeBase();
    Map<String, String> pages = new SiteRenderer(new Templates(Path.of("templates")), new Markdown()).render(kb).stream()
        .collect(Collectors.toMap(Page::path, Page::content));
    String gpuId = pages.get("entries/instance-group-invalid-gpu-id.html");
    assertTrue(gpuId.contains("<p class=\"follows-from\">This error can follow from another failure."), gpuId);
    assertTrue(gpuId.contains("<li><a href=\"container-nvidia-driver-not-detected.html\">"), gpuId);
    assertTrue(gpuId.contains("<li><a href=\"container-requires-newer-driver.html\">"), gpuId);
    assertFalse(pages.get("entries/port-already-in-use.html").contains("follows-from"), "an entry that names none");
  }
}
