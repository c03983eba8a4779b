package dev.errata.search;

import dev.errata.testing.ShippedRules;
import dev.errata.workspace.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.markdown.Markdown;
import dev.errata.text.Rules;
import dev.errata.search.WordIndex;
import dev.errata.model.KnowledgeBase;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Word search counts a body's code twice. Counting it once at double weight must give exactly the
 * index that counting the text with each piece of code in it twice gives, as the index always was.
 */
class WordsTest {
  private static Map<String, String> postings(WordIndex index) {
    Map<String, String> out = new TreeMap<>();
    index.postings().forEach((term, p) -> out.put(term, Arrays.toString(p.entries()) + Arrays.toString(p.weight())));
    return out;
  }

  @Test
  void codeOnceAtDoubleWeightIsCodeTwice() {
    KnowledgeBase kb = Workspace.of(Path.of("content"), null).knowledgeBase();
    Markdown markdown = new Markdown();
    WordIndex split = Workspace.of(Path.of("content"), null).words(WordIndex.Weights.SEARCH);
    WordIndex twice = WordIndex.build(kb, e -> {
      Markdown.Rendered r = markdown.render(e.body().text());
      return new WordIndex.Body(r.text() + "\n" + r.code() + "\n" + r.code(), "");
    }, WordIndex.Weights.SEARCH, ShippedRules.get());
    assertTrue(kb.entries().stream().anyMatch(e -> !markdown.render(e.body().text()).code().toString().isBlank()), "the content has code");
    assertEquals(postings(twice), postings(split));
  }
}
