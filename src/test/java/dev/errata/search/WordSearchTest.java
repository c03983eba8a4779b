package dev.errata.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.testing.ShippedRules;
import dev.errata.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How typed words rank entries. */
class WordSearchTest {
  /**
   * The word being typed stands for the longer words it starts too (a prefix), but a word typed
   * whole counts no less than they do: "numpy" finds an entry that says numpy first, not one
   * found through the rarer "numpy.__version__".
   */
  @Test
  void aWordTypedWholeOutranksTheLongerWordsItStarts() {
    WordSearch search = new WordSearch(Workspace.of(Path.of("content"), null).words(WordIndex.Weights.SEARCH), ShippedRules.get());
    for (String word : List.of("numpy", "shared", "model", "tensor", "grpc", "version")) {
      List<WordSearch.Hit> hits = search.search(word);
      assertEquals(List.of(word), hits.get(0).terms(), () -> word + ": " + hits.subList(0, Math.min(3, hits.size())));
    }
    // A word not in the index is still found through the longer words it starts.
    String found = search.search("tensorr").get(0).terms().get(0);
    assertTrue(found.startsWith("tensorr"), found);
  }
  /**
   * The shipped synonyms join the two languages: Chinese words find the entries written only in
   * English ("共享内存", shared memory; "显存不足", out of GPU memory), and "oom" finds the
   * entries that say "out of memory".
   */
  @Test
  void synonymsFindEntriesThatSayItOtherwise() {
    WordSearch search = new WordSearch(Workspace.of(Path.of("content"), null).words(WordIndex.Weights.SEARCH), ShippedRules.get());
    var kb = Workspace.of(Path.of("content"), null).knowledgeBase();
    java.util.function.Function<String, List<String>> first = q -> search.search(q).stream().limit(3)
        .map(h -> kb.entries().get(h.entry()).id()).toList();
    assertTrue(first.apply("\u5171\u4eab\u5185\u5b58").contains("cuda-shm-ipc-handle-failed"), first.apply("\u5171\u4eab\u5185\u5b58").toString());
    assertTrue(first.apply("\u663e\u5b58\u4e0d\u8db3").contains("tensorrtllm-out-of-memory-creating-model-instance"),
        first.apply("\u663e\u5b58\u4e0d\u8db3").toString());
    assertEquals("tensorrtllm-out-of-memory-creating-model-instance", first.apply("trtllm oom").get(0));
  }
}
