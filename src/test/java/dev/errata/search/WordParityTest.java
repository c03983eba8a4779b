package dev.errata.search;

import dev.errata.testing.ShippedRules;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.errata.model.KnowledgeBase;
import dev.errata.testing.Parity;
import dev.errata.text.Rules;
import dev.errata.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Word search in two runtimes: the same queries give the same entries, scores and matched terms
 * in Java ({@link WordSearch} over the shipped content) and in {@code errata-search.js} over the
 * word index parts of a site built from it ({@code parity/words.json}; see {@link Parity}).
 *
 * <p>Java's tests run first (by name), so that after a rewrite the JavaScript is held to the new file.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class WordParityTest {
  static final String FILE = "words.json";

  static final List<String> QUERIES = List.of("numpy", "numpy 2", "nump", "shared memry", "\"not enough space\"",
      "\"shm-size\" docker", "\u5185\u5b58\u5206\u914d", "decoupled", "tensorrt plan", "tensorrtllm engine", "EXECUTION_ENV_PATH",
      "grpc message larger", "kubern", "onnx runtime error", "cuda out of memory", "trtllm oom", "k8s probe", "\u5171\u4eab\u5185\u5b58", "model_config.pbtxt", "2.1.0", "xyzzy", "");

  static ArrayNode vectors() {
    Workspace ws = Workspace.of(Path.of("content"), null);
    KnowledgeBase kb = ws.knowledgeBase();
    WordSearch search = new WordSearch(ws.words(WordIndex.Weights.SEARCH), ShippedRules.get());
    ArrayNode out = Parity.array();
    for (String q : QUERIES) {
      ObjectNode v = Parity.vector(out, q.isEmpty() ? "(empty)" : q).put("query", q);
      ArrayNode hits = v.putArray("expected");
      search.search(q).stream().limit(5).forEach(h -> {
        ArrayNode terms = hits.addObject().put("id", kb.entries().get(h.entry()).id()).put("score", h.score()).putArray("terms");
        h.terms().forEach(terms::add);
      });
    }
    return out;
  }

  @Test
  void javaGivesTheRecordedHits() {
    Parity.assertJavaGives(FILE, "Word search: the five best entries for a query, with their scores and the index terms that"
        + " found them. WordSearch.search in Java, Errata.search.search (through the engine, which loads the word index parts)"
        + " in errata-search.js.", vectors());
  }

  @Test
  void theShippedJavaScriptGivesTheSameHits() {
    Parity.assertJavaScriptGives(FILE);
  }
}
