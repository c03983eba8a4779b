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
   * The file is written part by part (each entry by a generator of its own, so that a rebuild can
   * take the unchanged entries' parts from the last file): it must be the bytes one generator
   * streams, for no entry, one, and many, and with the parts of an earlier file taken wherever
   * an entry is equal to the one it had at that place.
   */
  @Test
  void thePartsMakeTheFileOneGeneratorWritesAndAnEarlierFilesPartsFitIn() throws IOException {
    EntriesJson json = new EntriesJson(new JsonFactory());
    KnowledgeBase kb = new ContentLoader().load(Path.of("content")).knowledgeBase();
    java.util.List<KnowledgeBase> kbs = java.util.List.of(kb, first(kb, 0), first(kb, 1), first(kb, 2));
    for (KnowledgeBase k : kbs) {
      EntriesJson.Written w = json.write(k, java.util.Optional.empty(), i -> true);
      assertEquals(new String(json.streamed(k), java.nio.charset.StandardCharsets.UTF_8),
          new String(w.bytes(), java.nio.charset.StandardCharsets.UTF_8), k.entries().size() + " entries");
      assertEquals(k.entries().size(), w.ends().length);
    }
    // The first entry and one in the middle edited; the rest taken from the earlier file.
    EntriesJson.Written before = json.write(kb, java.util.Optional.empty(), i -> true);
    java.util.List<Entry> edited = new java.util.ArrayList<>(kb.entries());
    int middle = edited.size() / 2;
    for (int i : new int[] {0, middle}) {
      Entry e = edited.get(i);
      edited.set(i, new Entry(e.id(), e.title() + " (edited)", e.summary(), e.lang(), e.translationOf(), e.status(),
          e.published(), e.modified(), e.tags(), e.components(), e.symptoms(), e.causes(), e.fixes(), e.examples(),
          e.references(), e.related(), e.downstream(), e.followsFrom(), e.body(), e.source()));
    }
    KnowledgeBase after = new KnowledgeBase(kb.site(), kb.vocabulary(), edited, kb.matching());
    java.util.Set<Integer> taken = new java.util.HashSet<>();
    EntriesJson.Earlier earlier = new EntriesJson.Earlier(java.nio.ByteBuffer.wrap(before.bytes()), before.head(), before.ends());
    EntriesJson.Written spliced = json.write(after, java.util.Optional.of(earlier), i -> {
      if (i == 0 || i == middle) {
        return false;
      }
      taken.add(i);
      return true;
    });
    assertEquals(kb.entries().size() - 2, taken.size());
    assertEquals(new String(json.streamed(after), java.nio.charset.StandardCharsets.UTF_8),
        new String(spliced.bytes(), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(new String(json.write(after, java.util.Optional.empty(), i -> true).part(middle), java.nio.charset.StandardCharsets.UTF_8),
        new String(spliced.part(middle), java.nio.charset.StandardCharsets.UTF_8));
  }

  private static KnowledgeBase first(KnowledgeBase kb, int n) {
    return new KnowledgeBase(kb.site(), kb.vocabulary(), kb.entries().subList(0, n), kb.matching());
  }

  /**
   * A build whose entries give the same {@link dev.errata.match.EntryInfo}s, statuses, components
   * and tags as the last build's keeps the search index's entry parts and facets, by their
   * paths: they must be the paths {@link SearchIndexWriter#entryParts} writes, and made from
   * nothing else (a field that only they read would leave them stale after an edit of it).
   */
  @Test
  void theEntryPartsAreWhereTheBuildKeepsThemAndReadOnlyWhatTheirKeyReads() throws IOException {
    KnowledgeBase kb = new ContentLoader().load(Path.of("content")).knowledgeBase();
    SearchIndexWriter writer = new SearchIndexWriter();
    java.util.List<IndexPart> parts = writer.entryParts(kb, dev.errata.match.MatchIndex.infos(kb));
    assertEquals(SearchIndexWriter.entryPartPaths(kb.entries().size()), parts.stream().map(IndexPart::path).toList());
    // Each entry with every field that neither its EntryInfo nor its facets hold emptied or changed: the same parts.
    java.util.List<Entry> changed = kb.entries().stream().map(e -> new Entry(e.id(), e.title(), e.summary(), e.lang(),
        e.translationOf(), e.status(), e.published().plusDays(1), e.modified().plusDays(2), e.tags(), e.components(),
        java.util.List.of(dev.errata.model.Symptom.parse("another symptom")), java.util.List.of("another cause"),
        java.util.List.of(e.fixes().get(0)), new dev.errata.model.Examples(java.util.List.of("another paste"), java.util.List.of()),
        java.util.List.of(), java.util.List.of(), false, java.util.List.of(), dev.errata.model.Body.of("a body of another entry"),
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
