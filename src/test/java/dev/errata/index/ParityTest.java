package dev.errata.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.errata.eval.Evaluation;
import dev.errata.text.FoundVersion;
import dev.errata.match.MatchIndex;
import dev.errata.match.Matcher;
import dev.errata.text.Rules;
import dev.errata.search.WordIndex;
import dev.errata.search.WordSearch;
import dev.errata.model.KnowledgeBase;
import dev.errata.workspace.Workspace;
import dev.errata.site.SiteBuilder;
import dev.errata.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One matcher, two runtimes: the same inputs give the same ranked ids and labels in Java and in
 * the JavaScript the site ships. {@code parity/vectors.json} holds the inputs and the expected
 * answers; Java must give them (rewrite with -Derrata.golden.update=true after a deliberate
 * change) and Node, running {@code templates/assets/errata-engine.js} over the index parts of a
 * real build, must give them too.
 */
class ParityTest {
  static final Path VECTORS = Path.of("src/test/resources/parity/vectors.json");
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @TempDir static Path tmp;
  static Path site;
  static KnowledgeBase kb;

  @BeforeAll
  static void build() {
    site = tmp.resolve("site");
    new SiteBuilder(Clock.systemUTC()).build(new SiteBuilder.Options(Path.of("content"), Path.of("templates"), site));
    kb = SiteBuilder.check(Path.of("content"), false).knowledgeBase();
  }

  /** The inputs: every evaluation paste, some cases of their own, and word queries. */
  static ObjectNode inputs() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode pastes = root.putArray("pastes");
    for (Evaluation.Case c : Evaluation.load(Path.of("src/test/resources/eval"))) {
      pastes.addObject().put("name", Path.of("src/test/resources/eval").relativize(c.file()).toString()).put("text", c.text());
    }
    pastes.addObject().put("name", "versions in the paste").put("text",
        "nvcr.io/nvidia/tritonserver:23.02-py3\nnumpy==1.26.4\nin ensemble 'x', onnx runtime error 2: not enough space: expected 16, got 0");
    ObjectNode env = pastes.addObject().put("name", "versions given").put("text",
        "in ensemble 'x', onnx runtime error 2: not enough space: expected 16, got 0");
    env.putArray("env").addObject().put("component", "numpy").put("version", "2.1.0").put("source", "--env");
    pastes.addObject().put("name", "chinese preferred").put("lang", "zh").put("text",
        "in ensemble 'x', onnx runtime error 2: not enough space: expected 16, got 0");
    pastes.addObject().put("name", "html").put("text", "<img src=x onerror=alert(1)> failed to load 'm' version 1");
    pastes.addObject().put("name", "empty").put("text", "");
    pastes.addObject().put("name", "words only").put("text", "shared memory");
    ArrayNode words = root.putArray("words");
    for (String q : List.of("numpy", "numpy 2", "shared memry", "\"not enough space\"", "内存分配", "decoupled",
        "tensorrt plan", "EXECUTION_ENV_PATH", "grpc message larger", "kubern")) {
      words.add(q);
    }
    return root;
  }

  static ObjectNode answer(ObjectNode in) {
    MatchIndex index = MatchIndex.build(kb, Rules.defaults());
    Matcher matcher = new Matcher(index, Rules.defaults());
    WordSearch words = new WordSearch(Workspace.of(Path.of("content"), null).words(WordIndex.Weights.SEARCH), Rules.defaults());
    ObjectNode out = JSON.createObjectNode();
    ArrayNode pastes = out.putArray("pastes");
    for (JsonNode p : in.get("pastes")) {
      List<FoundVersion> env = new ArrayList<>();
      for (JsonNode v : p.path("env")) {
        env.add(new FoundVersion(v.get("component").asText(), v.get("version").asText(), v.get("source").asText()));
      }
      var report = matcher.match(p.get("text").asText(), new Matcher.Options(5, env, p.path("lang").asText("en")));
      ArrayNode results = pastes.addObject().put("name", p.get("name").asText()).putArray("results");
      report.matches().forEach(m -> results.add(m.entry().id() + ":" + m.confidence().label()));
    }
    ArrayNode ws = out.putArray("words");
    for (JsonNode q : in.get("words")) {
      ArrayNode results = ws.addObject().put("query", q.asText()).putArray("results");
      words.search(q.asText()).stream().limit(5).forEach(h -> results.add(kb.entries().get(h.entry()).id()));
    }
    return out;
  }

  @Test
  void javaGivesTheRecordedAnswers() throws IOException {
    ObjectNode in = inputs();
    ObjectNode vectors = JSON.createObjectNode();
    vectors.set("inputs", in);
    vectors.set("expected", answer(in));
    Golden.assertMatches(VECTORS, JSON.writeValueAsString(vectors) + "\n");
  }

  @Test
  void theShippedJavaScriptGivesTheSameAnswers() throws Exception {
    boolean ci = System.getenv("CI") != null;
    boolean node = hasNode();
    assumeTrue(node || ci, "node is not installed (CI installs it; this test never skips there)");
    assertTrue(node, "CI must have node for the parity test");
    JsonNode vectors = JSON.readTree(Files.readString(VECTORS, StandardCharsets.UTF_8));
    Path inputs = tmp.resolve("inputs.json");
    Files.writeString(inputs, JSON.writeValueAsString(vectors.get("inputs")), StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("node", "src/test/js/parity.js", site.toString(), inputs.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node did not finish");
    assertEquals(0, p.exitValue(), "node failed");
    JsonNode js = JSON.readTree(out);
    JsonNode expected = vectors.get("expected");
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < expected.get("pastes").size(); i++) {
      JsonNode e = expected.get("pastes").get(i);
      JsonNode a = js.get("pastes").get(i);
      if (!e.get("results").equals(a.get("results"))) {
        differences.add(e.get("name").asText() + ": java " + e.get("results") + " vs js " + a.get("results"));
      }
    }
    for (int i = 0; i < expected.get("words").size(); i++) {
      JsonNode e = expected.get("words").get(i);
      JsonNode a = js.get("words").get(i);
      if (!e.get("results").equals(a.get("results"))) {
        differences.add(e.get("query").asText() + ": java " + e.get("results") + " vs js " + a.get("results"));
      }
    }
    assertEquals(List.of(), differences);
  }

  static boolean hasNode() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
