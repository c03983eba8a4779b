package dev.errata.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.errata.content.ContentLoader;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code api/entries/ID.json}: an entry of {@code api/entries.json}, plus its body's HTML. */
class EntriesJsonTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void oneEntryHasTheFieldsOfTheWholeListPlusItsBodyHtml() throws IOException {
    KnowledgeBase kb = new ContentLoader().load(Path.of("src/test/resources/fixture/content")).knowledgeBase();
    EntriesJson json = new EntriesJson(new JsonFactory());
    JsonNode all = mapper.readTree(json.write(kb)).get("entries");
    assertEquals(kb.entries().size(), all.size());
    for (int i = 0; i < kb.entries().size(); i++) {
      Entry e = kb.entries().get(i);
      ObjectNode one = (ObjectNode) mapper.readTree(json.write(e, "<p>body of " + e.id() + "</p>\n"));
      assertEquals("<p>body of " + e.id() + "</p>\n", one.remove("body_html").asText());
      assertEquals(all.get(i), one, e.id());
    }
    assertEquals("api/entries/port-in-use.json", EntriesJson.path(kb.require("port-in-use")));
  }

  /**
   * A build whose api/entries.json is the last one's keeps the search index's entry parts too, by
   * their paths: they must be the paths {@link SearchIndexWriter#entryParts} writes, and made from
   * nothing the file does not read (a field of an entry that only they read would leave them stale).
   */
  @Test
  void theEntryPartsAreWhereTheBuildKeepsThemAndReadOnlyWhatTheJsonReads() throws IOException {
    KnowledgeBase kb = new ContentLoader().load(Path.of("content")).knowledgeBase();
    SearchIndexWriter writer = new SearchIndexWriter();
    java.util.List<IndexPart> parts = writer.entryParts(kb, dev.errata.match.MatchIndex.infos(kb));
    assertEquals(SearchIndexWriter.entryPartPaths(kb.entries().size()), parts.stream().map(IndexPart::path).toList());
    // Each entry with every field the JSON does not read emptied or changed: the same parts.
    java.util.List<Entry> changed = kb.entries().stream().map(e -> new Entry(e.id(), e.title(), e.summary(), e.lang(),
        e.translationOf(), e.status(), e.published(), e.modified(), e.tags(), e.components(), e.symptoms(), e.causes(),
        e.fixes(), e.examples(), e.references(), e.related(), "a body of another entry",
        new dev.errata.model.Source("elsewhere.md", 99, pointer -> 0))).toList();
    KnowledgeBase other = new KnowledgeBase(kb.site(), kb.vocabulary(), changed, kb.matching());
    java.util.List<IndexPart> again = writer.entryParts(other, dev.errata.match.MatchIndex.infos(other));
    assertEquals(parts.size(), again.size());
    for (int i = 0; i < parts.size(); i++) {
      assertTrue(java.util.Arrays.equals(parts.get(i).bytes(), again.get(i).bytes()), parts.get(i).path());
    }
  }

  /**
   * A build keeps api/entries.json when the digest of {@link EntriesJson#inputs(Entry)} is equal:
   * they must be every field of an entry but its body and source, so that a field added to the
   * entry is either in the inputs or explained here.
   */
  @Test
  void theInputsAreEveryFieldOfAnEntryButItsBodyAndSource() throws Exception {
    KnowledgeBase kb = new ContentLoader().load(Path.of("src/test/resources/fixture/content")).knowledgeBase();
    Entry e = kb.require("port-in-use");
    java.util.List<Object> inputs = new java.util.ArrayList<>((java.util.List<?>) EntriesJson.inputs(e));
    java.util.List<Object> fields = new java.util.ArrayList<>();
    for (java.lang.reflect.RecordComponent c : Entry.class.getRecordComponents()) {
      if (!c.getName().equals("body") && !c.getName().equals("source")) {
        fields.add(c.getAccessor().invoke(e));
      }
    }
    assertEquals(fields, inputs);
  }

  @Test
  void theBuildWritesOneFilePerEntryWithTheRenderedBody(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("site");
    new dev.errata.site.SiteBuilder(java.time.Clock.systemUTC()).build(
        new dev.errata.site.SiteBuilder.Options(Path.of("src/test/resources/fixture/content"), Path.of("templates"), site));
    JsonNode zh = mapper.readTree(site.resolve("api/entries/numpy2-empty-tensors-zh.json").toFile());
    assertEquals("numpy2-empty-tensors-zh", zh.get("id").asText());
    assertTrue(zh.get("body_html").asText().startsWith("<h2 id=\"现象\">现象</h2>"), zh.toString());
  }
}
