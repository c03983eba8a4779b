package dev.errata.match;

import dev.errata.testing.ShippedRules;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.errata.content.ContentLoader;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.model.Symptom;
import dev.errata.testing.Parity;
import dev.errata.text.Rules;
import dev.errata.text.Token;
import dev.errata.text.Tokenizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Aligning a template with a line in two runtimes: evidence, quality, coverage, contradiction,
 * exactness and the tokens matched are the same in Java ({@link Aligner}) and in {@code
 * errata-match.js} ({@code parity/alignments.json}; see {@link Parity}). Templates come compiled
 * as the build compiles them, with the weights of the shipped content's index: the JavaScript
 * gets both from the file, as it gets them from the index, and tokenizes the line itself.
 *
 * <p>Java's tests run first (by name), so that after a rewrite the JavaScript is held to the new file.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class AlignmentParityTest {
  static final String FILE = "alignments.json";
  static MatchIndex index;
  static KnowledgeBase kb;

  @BeforeAll
  static void load() {
    kb = new ContentLoader().load(Path.of("content")).knowledgeBase();
    index = MatchIndex.build(kb, ShippedRules.get());
  }

  /** A symptom of a shipped entry (its id and the symptom's number), and a line. */
  record Shipped(String name, String entry, int symptom, String line) {}

  /** A symptom written here, with the numbers its entry's title would name, and a line. */
  record Written(String name, String symptom, Set<String> identity, String line) {}

  static final List<Shipped> SHIPPED = List.of(
      new Shipped("placeholders, exact", "grpc-message-larger-than-max", 0,
          "Received message larger than max (5242880 vs. 4194304)"),
      new Shipped("placeholders, cut short", "grpc-message-larger-than-max", 0, "Received message larger than max (5242880"),
      new Shipped("words cut short", "grpc-message-larger-than-max", 0, "[StatusCode.RESOURCE_EXHAUSTED] Received message larger than"),
      new Shipped("placeholders, a fixed word differs", "grpc-message-larger-than-max", 0,
          "Sent message larger than max (5242880 vs. 4194304)"),
      new Shipped("a fixed number matches", "python-backend-numpy2-empty-output-tensors", 0,
          "in ensemble 'ensemble_model', onnx runtime error 2: not enough space: expected 1048576, got 0"),
      new Shipped("a fixed number differs", "python-backend-numpy2-empty-output-tensors", 0,
          "in ensemble 'ensemble_model', onnx runtime error 2: not enough space: expected 1048576, got 32"),
      new Shipped("the head cut off", "python-backend-numpy2-empty-output-tensors", 0, "enough space: expected 16, got 0"),
      new Shipped("the tail cut inside a word", "python-backend-numpy2-empty-output-tensors", 0,
          "in ensemble 'p', onnx runtime error 2: not enough spa"),
      new Shipped("the tail cut inside a word, too short to tell", "python-backend-numpy2-empty-output-tensors", 0,
          "in ensemble 'p', onnx runtime error 2: not enough sp"),
      new Shipped("the tail cut after a whole word", "python-backend-numpy2-empty-output-tensors", 0,
          "in ensemble 'p', onnx runtime error 2: not enough"),
      new Shipped("a path slot", "model-config-file-missing", 0,
          "Poll failed for model directory 'densenet_onnx': failed to open text file for read "
              + "/models/densenet_onnx/config.pbtxt: No such file or directory"),
      new Shipped("any text", "system-shm-unable-to-open-region", 0,
          "Unable to open shared memory region: 'input_data_0 with some more words'"),
      new Shipped("a word prefix", "python-backend-api-newer-than-container", 0,
          "AttributeError: 'c_python_backend_utils.InferenceRequest' object has no attribute 'set_release_flags'"),
      new Shipped("a name slot", "unknown-model-not-found", 0, "Request for unknown model: 'densenet_onnx' is not found"),
      new Shipped("urls in any slots", "kubernetes-probes-fail-while-models-load", 0,
          "Liveness probe failed: Get \"http://10.1.2.3:8000/v2/health/live\": dial tcp 10.1.2.3:8000: connect: "
              + "connection refused"),
      new Shipped("pasted as seen, exact", "container-nvidia-driver-not-detected", 0,
          "WARNING: The NVIDIA Driver was not detected.  GPU functionality will not be available."),
      new Shipped("pasted as seen, a plain word missing", "container-nvidia-driver-not-detected", 0,
          "WARNING: The NVIDIA Driver was detected. GPU functionality will be available."),
      new Shipped("inserted words", "failed-to-load-all-models", 0,
          "error: creating server: Internal - failed to load some of the all models"),
      new Shipped("inside a longer line", "ensemble-unexpected-deadlock", 0,
          "E0611 08:15:03 x.cc:1] [request id: 7] unexpected deadlock, at least one output is not set while no more ensemble "
              + "steps can be made, see the log above"),
      new Shipped("a word misspelt: two letters swapped", "failed-to-load-all-models", 0,
          "error: cerating server: Internal - failed to load all models"),
      new Shipped("a long word misspelt (a letter dropped), a short one is another word", "python-backend-numpy2-empty-output-tensors", 0,
          "in ensmble 'p', onnx runtime error 2: not enough spase: expected 1048576, got 0"),
      new Shipped("not misspelt: a plural s, another first letter", "container-nvidia-driver-not-detected", 0,
          "WARNING: The NVIDIA Drivers was not detected.  GPU functionality will not be bvailable."),
      new Shipped("a screenshot's text: look-alike letters", "python-backend-stub-module-not-found", 1,
          "failed to load 'tokenizer_py' version 1: lnternal: ModuleNotFoundError: No rnodule narned 'sentencepiece'"),
      new Shipped("a screenshot's text: digits for letters, a digit first", "dcgm-unable-to-start", 0,
          "W0308 17:O2:44.915822 1 metrics.cc:801] DCGM unab1e to start: DCGM initia1ization error 1nitialization"),
      new Shipped("nothing in common", "ensemble-unexpected-deadlock", 0, "connection refused"),
      new Shipped("an empty line", "ensemble-unexpected-deadlock", 0, ""));

  static final List<Written> WRITTEN = List.of(
      new Written("a number the title names, equal", "No matching distribution found for flash-attn==1.16.3 (from versions: "
          + "0.1.0, 0.2.0)", Set.of("1.16.3"), "No matching distribution found for flash-attn==1.16.3 (from versions: 3.0.0)"),
      new Written("a number the title names, different", "No matching distribution found for flash-attn==1.16.3 (from "
          + "versions: 0.1.0, 0.2.0)", Set.of("1.16.3"), "No matching distribution found for flash-attn==10.0.1 (from versions: "
          + "3.0.0)"),
      new Written("a path the title names", "Unable to find image 'nvcr.io/nvidia/tritonserver:24.10-py3' locally",
          Set.of("nvcr.io/nvidia/tritonserver:24.10-py3"), "Unable to find image 'nvcr.io/nvidia/tritonserver:24.08-py3' locally"),
      new Written("a word suffix", "output '{name}_logits' is missing from the response", Set.of(),
          "output 'OUTPUT0_logits' is missing from the response"),
      new Written("a number slot faces a word", "exit code {n} after {n} retries", Set.of(), "exit code abc after 3 retries"),
      new Written("cjk", "\u5185\u5b58\u4e0d\u8db3 {n} \u5b57\u8282", Set.of(), "\u9519\u8bef\uff1a\u5185\u5b58\u4e0d\u8db3 1024 "
          + "\u5b57\u8282"),
      new Written("a line longer than the aligner reads", "the real error is here", Set.of(),
          "noise ".repeat(250) + "the real error is here"),
      new Written("a template longer than the aligner reads", "word ".repeat(100) + "end", Set.of(), "word ".repeat(20) + "end"),
      new Written("stopwords only", "it is not in the", Set.of(), "it is in the"),
      new Written("short words read alike from a screenshot, a short word misspelt", "this image was built to load the form",
          Set.of(), "this image was bui1t to lead the forrn"),
      new Written("a path of many words, another path", "failed to read /opt/tritonserver/backends/python/triton_python_backend_stub"
          + " for model", Set.of(), "failed to read /usr/lib/x86_64-linux-gnu/libcuda.so.1 for model"),
      new Written("a path of many words, the same path", "cannot open /opt/tritonserver/backends/onnxruntime/libtriton_onnxruntime.so"
          + " here", Set.of(), "cannot open /opt/tritonserver/backends/onnxruntime/libtriton_onnxruntime.so here"),
      new Written("a path of many words, some shared", "layer /encoder/layer.21/attention/self/query/MatMul failed", Set.of(),
          "layer /encoder/layer.3/attention/output/dense/MatMul failed"),
      new Written("a path of common words, another path", "cannot load /cuda/output/server now", Set.of(),
          "cannot load /var/lib/other now"),
      new Written("a path of common words, the same path", "cannot load /config/models/triton/server/opt/tritonserver now",
          Set.of(), "cannot load /config/models/triton/server/opt/tritonserver now"),
      new Written("a url of many words", "GET https://ngc.nvidia.com/containers/nvidia/tritonserver/tags/latest returned 404",
          Set.of("404"), "GET https://ngc.nvidia.com/containers/nvidia/pytorch/tags/latest returned 404"));

  static ArrayNode vectors() {
    Rules rules = ShippedRules.get();
    ArrayNode out = Parity.array();
    for (Shipped s : SHIPPED) {
      int e = entryNumber(s.entry());
      String text = kb.entries().get(e).symptoms().get(s.symptom()).display();
      Template t = index.templates().stream().filter(x -> x.entry() == e && x.text().equals(text)).findFirst().orElseThrow();
      add(out, s.name(), t, s.line(), rules).put("entry", s.entry()).put("symptom", s.symptom());
    }
    for (Written w : WRITTEN) {
      Template t = Template.compile(0, Symptom.parse(w.symptom()), w.identity(), true);
      ObjectNode v = add(out, w.name(), t, w.line(), rules);
      w.identity().stream().sorted().forEach(v.putArray("identity")::add);
    }
    return out;
  }

  private static ObjectNode add(ArrayNode out, String name, Template t, String line, Rules rules) {
    ObjectNode v = Parity.vector(out, name).put("line", line);
    ObjectNode tpl = v.putObject("template").put("text", t.text()).put("explicit", t.explicit());
    ArrayNode items = tpl.putArray("items");
    t.items().forEach(it -> items.addArray().add(it.slot().name()).add(it.text()));
    double[] weights = new double[t.items().size()];
    for (int i = 0; i < weights.length; i++) {
      Template.Item it = t.items().get(i);
      weights[i] = it.isWord() ? index.literalWeight(it.key(), rules) : 0;
    }
    ArrayNode w = v.putArray("weights");
    for (double x : weights) {
      w.add(x);
    }
    ObjectNode keyWeights = v.putObject("keyWeights");
    MatchIndex.templateKeys(t).stream().sorted().forEach(k -> keyWeights.put(k, index.literalWeight(k, rules)));
    List<Token> tokens = Tokenizer.tokenize(line);
    Alignment a = Aligner.align(t, tokens, weights, k -> index.literalWeight(k, rules));
    ObjectNode expected = v.putObject("expected");
    expected.put("contradicted", a.contradicted()).put("coverage", a.coverage()).put("end", a.end()).put("evidence", a.evidence())
        .put("exact", a.exact()).put("matchedLiterals", a.matchedLiterals());
    a.matchedTokens().forEach(expected.putArray("matchedTokens")::add);
    expected.put("quality", a.quality()).put("start", a.start()).put("tailCut", a.tailCut());
    return v;
  }

  private static int entryNumber(String id) {
    for (int i = 0; i < kb.entries().size(); i++) {
      Entry e = kb.entries().get(i);
      if (e.id().equals(id)) {
        return i;
      }
    }
    throw new AssertionError("no shipped entry " + id);
  }

  @Test
  void theVectorsCoverWhatAlignmentsCanBe() {
    ArrayNode v = vectors();
    for (String field : List.of("exact", "contradicted", "tailCut")) {
      boolean seen = false;
      boolean unseen = false;
      for (var x : v) {
        seen |= x.get("expected").get(field).asBoolean();
        unseen |= !x.get("expected").get(field).asBoolean();
      }
      assertTrue(seen && unseen, "no vector with " + field + " true and one with it false");
    }
  }

  @Test
  void javaGivesTheRecordedAlignments() {
    Parity.assertJavaGives(FILE, "Alignments of a template with a line: Aligner.align in Java, Errata.match.align in"
        + " errata-match.js. The template (as the build compiles it: a shipped entry's symptom, or one written here with the"
        + " numbers its title would name), its positions' weights and the weights of its keys are given, as the index gives"
        + " them; each side tokenizes the line.", vectors());
  }

  @Test
  void theShippedJavaScriptGivesTheSameAlignments() {
    Parity.assertJavaScriptGives(FILE);
  }
}
