package dev.errata.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.content.ContentLoader;
import dev.errata.markdown.Markdown;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.render.ModelDigest;
import dev.errata.search.WordIndex;
import dev.errata.text.Rules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A build keeps a word part that the last build wrote when the digest of the part's inputs is the
 * one recorded ({@link SearchIndexWriter.Earlier}). That is right only if a part's inputs decide
 * its bytes: here, over the shipped content and an edit of a body, every part whose inputs'
 * digest is unchanged has unchanged bytes, and some parts change.
 */
class WordPartKeysTest {
  private static final KnowledgeBase KB = new ContentLoader().load(Path.of("content")).knowledgeBase();
  private static final Rules RULES = Rules.forContent(KB.matching());

  @Test
  void wordPartsWithEqualInputsAreEqual() {
    Entry e = KB.entries().get(7);
    Parts before = parts(words(KB));
    // One word of the body replaced by another: its entry's length, and so its other words'
    // weights, stay; the two words' postings change.
    String body = e.body().text().replaceFirst("\\b([a-z]{6,})\\b", "zqx$1");
    Parts after = parts(words(with(e, body)));
    int same = 0;
    int changed = 0;
    for (String path : before.keys.keySet()) {
      if (!after.keys.containsKey(path)) {
        continue;
      }
      if (before.keys.get(path).equals(after.keys.get(path))) {
        same++;
        assertArrayEquals(before.bytes.get(path), after.bytes.get(path), path + ": equal inputs, other bytes");
      } else {
        changed++;
      }
    }
    assertTrue(same > 0 && changed > 0, same + " parts kept, " + changed + " changed");
  }

  /** Every part's bytes, and the digest of its inputs as a build records it. */
  private record Parts(Map<String, String> keys, Map<String, byte[]> bytes) {}

  private static Parts parts(WordIndex words) {
    Map<String, String> keys = new HashMap<>();
    Map<String, byte[]> bytes = new HashMap<>();
    SearchIndexWriter.Earlier noting = (path, inputs) -> {
      synchronized (keys) {
        keys.put(path, ModelDigest.of(inputs.get()));
      }
      return false;
    };
    for (IndexPart p : new SearchIndexWriter().wordParts(words, noting)) {
      bytes.put(p.path(), p.bytes());
    }
    assertTrue(bytes.keySet().equals(keys.keySet()), "a key for each part");
    return new Parts(Map.copyOf(keys), bytes);
  }

  private static WordIndex words(KnowledgeBase kb) {
    Markdown markdown = new Markdown();
    return WordIndex.build(kb, e -> {
      Markdown.Rendered r = markdown.render(e.body().text());
      return new WordIndex.Body(r.text(), r.code());
    }, WordIndex.Weights.SEARCH, RULES);
  }

  private static KnowledgeBase with(Entry e, String body) {
    List<Entry> entries = new ArrayList<>(KB.entries());
    entries.set(entries.indexOf(e), new Entry(e.id(), e.title(), e.summary(), e.lang(), e.translationOf(), e.status(),
        e.published(), e.modified(), e.tags(), e.components(), e.symptoms(), e.causes(), e.fixes(), e.examples(), e.references(),
        e.related(), e.downstream(), e.followsFrom(), dev.errata.model.Body.of(body), e.source()));
    return new KnowledgeBase(KB.site(), KB.vocabulary(), entries, KB.matching());
  }
}
