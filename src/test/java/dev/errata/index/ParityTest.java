package dev.errata.index;

import dev.errata.testing.ShippedRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.errata.content.ContentLoader;
import dev.errata.eval.Burial;
import dev.errata.eval.Evaluation;
import dev.errata.match.Match;
import dev.errata.match.MatchIndex;
import dev.errata.match.MatchReport;
import dev.errata.match.Matcher;
import dev.errata.model.KnowledgeBase;
import dev.errata.testing.Parity;
import dev.errata.text.FoundVersion;
import dev.errata.text.Rules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One matcher, two runtimes: the same pastes give the same ranked answers, with their
 * confidence, scores, reasons, highlighted characters, matched words and version verdicts, in
 * Java and in the JavaScript the site ships, running over the index parts of a real build
 * ({@code parity/answers.json}; see {@link Parity}). The other files of {@code parity/} hold
 * each job on its own: tokens, versions, prepared pastes, alignments, word search.
 *
 * <p>Java's tests run first (by name), so that after a rewrite the JavaScript is held to the new file.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class ParityTest {
  static final String FILE = "answers.json";

  /** The pastes: every evaluation paste, and some cases of their own. */
  static ArrayNode inputs() {
    ArrayNode pastes = Parity.array();
    for (Evaluation.Case c : Evaluation.load(Path.of("src/test/resources/eval"))) {
      Parity.vector(pastes, Path.of("src/test/resources/eval").relativize(c.file()).toString()).put("text", c.text());
    }
    Parity.vector(pastes, "versions in the paste").put("text",
        "nvcr.io/nvidia/tritonserver:23.02-py3\nnumpy==1.26.4\nin ensemble 'x', onnx runtime error 2: not enough space: expected 16, got 0");
    ObjectNode env = Parity.vector(pastes, "versions given").put("text",
        "in ensemble 'x', onnx runtime error 2: not enough space: expected 16, got 0");
    env.putArray("env").addObject().put("component", "numpy").put("version", "2.1.0").put("source", "--env");
    Parity.vector(pastes, "chinese preferred").put("lang", "zh").put("text",
        "in ensemble 'x', onnx runtime error 2: not enough space: expected 16, got 0");
    Parity.vector(pastes, "html").put("text", "<img src=x onerror=alert(1)> failed to load 'm' version 1");
    Parity.vector(pastes, "empty").put("text", "");
    Parity.vector(pastes, "an error told above the log, another in it").put("text",
        "Context: yesterday triton infer over http gave me\n  [400] HTTP end point doesn't support models with decoupled "
        + "transaction policy\nso I set decoupled: false. Now profiling fails:\n\nI0821 11:02:17.118290 1 grpc_server.cc:2466] "
        + "\"Started GRPCInferenceService at 0.0.0.0:8001\"\nThread [0] had error: Failed to process the request(s) for model "
        + "instance 'llama_0_0', message: TritonModelException: Streaming is only supported if model is deployed using decoupled mode.\n");
    Parity.vector(pastes, "a cause printed as a warning before the error that follows from it").put("text",
        "WARNING: The NVIDIA Driver was not detected.  GPU functionality will not be available.\n"
        + "E1002 08:55:14.724001 8 model_lifecycle.cc:621] failed to load 'm' version 1: Invalid argument: instance group m_0 of "
        + "model m specifies invalid or unsupported gpu id 0. GPUs with at least the minimum required CUDA compute compatibility "
        + "of 6.000000 are: \nerror: creating server: Internal - failed to load all models\n");
    Parity.vector(pastes, "a selection that stops inside a word").put("text",
        "failed to load 'jpeg_decode' version 1: Unknown: DALI Backend error: Critical error when building pipeline:\n"
            + "Error in thread 0: nvml error (3): The nvml requested operation is not available on target dev");
    Parity.vector(pastes, "words only").put("text", "shared memory");
    Parity.vector(pastes, "a log a terminal wrapped").put("text", dev.errata.testing.WrappedPastes.TERMINAL);
    Parity.vector(pastes, "a log an editor wrapped").put("text", dev.errata.testing.WrappedPastes.EDITOR);
    Parity.vector(pastes, "a message cut right after its first letters").put("text", dev.errata.testing.WrappedPastes.CUT_AT_THE_START);
    Parity.vector(pastes, "a log a terminal wrapped without its trailing spaces").put("text", dev.errata.testing.WrappedPastes.STRIPPED);
    Parity.vector(pastes, "a message wrapped into three pieces").put("text", dev.errata.testing.WrappedPastes.THREE_PIECES);
    Parity.vector(pastes, "lines shortened with an ellipsis").put("text", dev.errata.testing.WrappedPastes.SHORTENED);
    Parity.vector(pastes, "a table's status cut over rows").put("text", dev.errata.testing.WrappedPastes.TABLE);
    Parity.vector(pastes, "a message over two lines a terminal cut again").put("text", dev.errata.testing.WrappedPastes.BANNER);
    Parity.vector(pastes, "a message a mail app broke into short lines").put("text", dev.errata.testing.WrappedPastes.SHORT_LINES);
    Parity.vector(pastes, "a log a terminal wrapped, under the sender's longer line").put("text",
        dev.errata.testing.WrappedPastes.NOTE_ABOVE_TERMINAL);
    Parity.vector(pastes, "a log platform's copy, newest first").put("text", dev.errata.testing.WrappedPastes.NEWEST_FIRST);
    Parity.vector(pastes, "a table's status broken by its own line breaks").put("text", dev.errata.testing.WrappedPastes.TABLE_BROKEN);
    Parity.vector(pastes, "a message wrapped inside a word").put("text",
        "Traceback (most recent call last):\ntritonclient.utils.InferenceServerException: [StatusCode.NOT_FOUND] Unable to fi\n"
            + "nd shared memory region: 'audio_in_3'\n$ curl -s asr-triton:8000/v2/systemsharedmemory/status");
    for (String c : List.of("python-backend-stub-module-not-found/multi-tokenizer-and-ranker.txt",
        "pytorch-io-naming-convention/multi-classifier-and-labels-dir.txt")) {
      // Two models fail under a question about one: the one asked about first.
      try {
        Parity.vector(pastes, "cascades/" + c).put("text", java.nio.file.Files.readString(EVAL.resolve("cascades/cases").resolve(c)));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    for (String c : List.of("python-backend-stub-module-not-found/typo-then-tokenizer-import.txt",
        "python-backend-numpy2-empty-output-tensors/execenv-fixed-then-ensemble-empty.txt",
        "onnxruntime-unsupported-model-ir-version/rename-then-ir10.txt", "unexpected-input-shape-batch-dim/powershell-dtype-then-shape.txt",
        "_none/vllm-decoupled-fixed-then-gated-repo.txt")) {
      // Terminal sessions: an error of an attempt the sender ran again after the one it asks about.
      try {
        Parity.vector(pastes, "sessions/" + c).put("text", java.nio.file.Files.readString(EVAL.resolve("sessions/cases").resolve(c)));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    for (String c : List.of("inference-input-datatype-mismatch", "onnxruntime-opset-newer-than-supported")) {
      // Logs of structured JSON records (Elastic's, Loki's), read as their values.
      Path log = Path.of("src/test/resources/eval/fresh/cases", c, "log.txt");
      try {
        Parity.vector(pastes, "fresh/" + c).put("text", java.nio.file.Files.readString(log));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    for (String c : List.of("cascades/cases/_none/startup-conda-env-tmp-full.txt", "cascades/cases/_none/k8s-azure-blob-auth-403.txt",
        "tables/cases/_none/python-syntaxerror-in-model-py-120.txt", "fresh/cases/onnxruntime-model-file-not-onnx/log.txt",
        "cascades/cases/_none/k8s-custom-backend-segfault.txt", "cascades/cases/_none/k8s-imagepull-unauthorized-mirror.txt",
        "shapes/cases/kubernetes-probes-fail-while-models-load/describe.txt")) {
      // A summary after a failure no entry explains: no answer is confident (Matcher.unexplained). The
      // last three: a crash and a failed image pull before a downstream answer, and the SIGTERM that
      // a liveness probe's restart sends, which is no failure of its own (rules.json's failureLines).
      try {
        Parity.vector(pastes, c).put("text", java.nio.file.Files.readString(EVAL.resolve(c)));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    for (String c : List.of("crashes/cases/_none/illegal-instruction-no-avx.txt", "crashes/cases/_none/xid79-fallen-off-bus.txt",
        "cascades/cases/_none/k8s-oomkilled-cpu-onnx-load.txt", "forwarded/cases/_none/pagerduty-libtorch-cuda-oom-huge-image.txt",
        "forwarded/cases/onnxruntime-bfc-arena-failed-to-allocate/zendesk-eighth-model-on-t4.txt",
        "shapes/cases/cuda-memory-pool-exhausted-fallback/journal.txt")) {
      // Answers that stand only on warnings beside a crash, a kill or an unmarked exception: only
      // possible. A warning's entry that also lists an INFO line, beside an error another entry
      // knows: both confident. The last: a GPU's Xid the sender says is another job's, beside a
      // known warning, which stays confident.
      try {
        Parity.vector(pastes, c).put("text", java.nio.file.Files.readString(EVAL.resolve(c)));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    for (Evaluation.Case c : Evaluation.load(EVAL.resolve("issues"))) {
      // Logs users pasted into GitHub issues, as they pasted them: the browser answers them as the CLI does.
      Parity.vector(pastes, EVAL.relativize(c.file()).toString()).put("text", c.text());
    }
    // A short paste cut inside words only, and a JSON log whose records stay in their pieces (Matcher.wrappedOrder).
    Parity.vector(pastes, "a terminal's wrap cut inside words only").put("text", dev.errata.testing.WrappedPastes.CUT_INSIDE_WORDS);
    Parity.vector(pastes, "a JSON log's records in a console's pieces").put("text", dev.errata.testing.WrappedPastes.JSON_RECORDS);
    Parity.vector(pastes, "a client's logger line over the traceback it prints").put("text",
        "2025-03-02 14:22:17,904 ERROR worker.infer: triton request failed\nTraceback (most recent call last):\n"
            + "  File \"/app/worker.py\", line 88, in infer\n    raise get_error_grpc(rpc_error) from None\n"
            + "tritonclient.utils.InferenceServerException: [StatusCode.UNAVAILABLE] failed to connect to all addresses; last error: "
            + "UNKNOWN: ipv4:172.20.0.5:8001: Failed to connect to remote host: Connection refused");
    buried(pastes);
    return pastes;
  }

  static final Path EVAL = Path.of("src/test/resources/eval");
  static final int[] BURIED_LENGTHS = {200, 2000};
  static final int BURIED_CASES = 6;
  static final int PAIRS = 3;

  /**
   * Whole logs: evaluation pastes buried in generated Triton logs (Burial), and logs with two
   * failures in them. The file keeps how each log is made ({@code buried}), not its text, which
   * {@link #withText} makes again for Node.
   */
  private static void buried(ArrayNode pastes) {
    List<Evaluation.Case> known = Evaluation.load(EVAL).stream().filter(c -> !c.expected().equals(Evaluation.NONE)).toList();
    for (int lines : BURIED_LENGTHS) {
      for (int i = 0; i < BURIED_CASES; i++) {
        Evaluation.Case c = known.get(i * known.size() / BURIED_CASES);
        String file = EVAL.relativize(c.file()).toString();
        ObjectNode v = Parity.vector(pastes, "buried in " + lines + " lines: " + file);
        v.putObject("buried").put("case", file).put("lines", lines);
      }
    }
    for (int i = 0; i < PAIRS; i++) {
      ObjectNode v = Parity.vector(pastes, "two failures in " + Burial.PAIR_LENGTH + " lines, log " + (i + 1));
      v.putObject("buried").put("pair", i).put("lines", Burial.PAIR_LENGTH);
    }
  }

  /** The text of a vector: its own, or the log its {@code buried} parameters make. */
  static String text(JsonNode v, KnowledgeBase kb) {
    JsonNode b = v.get("buried");
    if (b == null) {
      return v.get("text").asText();
    }
    Burial burial = new Burial(Burial.SEED, Burial.releasesOf(kb));
    List<Evaluation.Case> cases = Evaluation.load(EVAL);
    int lines = b.get("lines").asInt();
    if (b.has("pair")) {
      return burial.pairs(cases, lines, PAIRS).get(b.get("pair").asInt()).text();
    }
    Evaluation.Case c = cases.stream().filter(x -> EVAL.relativize(x.file()).toString().equals(b.get("case").asText()))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no evaluation case " + b.get("case")));
    return burial.bury(List.of(c), lines).get(0).text();
  }

  /** The vectors of a file with the text of every buried log written out, for Node to read. */
  static Path withText(Path file) throws java.io.IOException {
    KnowledgeBase kb = new ContentLoader().load(Path.of("content")).knowledgeBase();
    JsonNode root = Parity.JSON.readTree(java.nio.file.Files.readString(file));
    for (JsonNode v : root.get("vectors")) {
      if (v.has("buried")) {
        ((ObjectNode) v).put("text", text(v, kb));
      }
    }
    Path out = Path.of("target/parity/with-text").resolve(file.getFileName());
    java.nio.file.Files.createDirectories(out.getParent());
    java.nio.file.Files.writeString(out, Parity.JSON.writeValueAsString(root));
    return out;
  }

  static ArrayNode vectors() {
    KnowledgeBase kb = new ContentLoader().load(Path.of("content")).knowledgeBase();
    Matcher matcher = new Matcher(MatchIndex.build(kb, ShippedRules.get()), ShippedRules.get());
    ArrayNode vectors = inputs();
    for (JsonNode p : vectors) {
      List<FoundVersion> env = new ArrayList<>();
      for (JsonNode v : p.path("env")) {
        env.add(new FoundVersion(v.get("component").asText(), v.get("version").asText(), v.get("source").asText()));
      }
      MatchReport report = matcher.match(text(p, kb), new Matcher.Options(5, env, p.path("lang").asText("en")));
      ((ObjectNode) p).set("expected", answer(report));
    }
    return vectors;
  }

  private static ObjectNode answer(MatchReport report) {
    ObjectNode out = Parity.JSON.createObjectNode().put("lines", report.lines()).put("skipped", report.skipped());
    ArrayNode results = out.putArray("results");
    for (Match m : report.matches()) {
      ObjectNode r = results.addObject();
      ArrayNode affected = r.putArray("affected");
      for (Match.VersionVerdict v : m.versions()) {
        affected.addObject().put("component", v.component()).put("ranges", v.ranges()).put("source", v.source())
            .put("verdict", v.verdict()).put("version", v.version());
      }
      r.put("confidence", m.confidence().label());
      if (m.occurrences() > 0) {
        r.put("first_line", m.firstLine());
      } else {
        r.putNull("first_line");
      }
      r.put("id", m.entry().id());
      if (m.line() == null) {
        r.putNull("line");
      } else {
        ObjectNode line = r.putObject("line");
        ArrayNode highlights = line.putArray("highlights");
        m.line().highlights().forEach(h -> highlights.addArray().add(h[0]).add(h[1]));
        line.put("number", m.line().number());
      }
      r.put("occurrences", m.occurrences());
      m.reasons().forEach(r.putArray("reasons")::add);
      r.put("score", m.score()).put("symptom", m.symptom());
      m.tokens().forEach(r.putArray("tokens")::add);
    }
    out.put("truncated", report.truncated());
    if (report.unexplained() != null) {
      out.put("unexplained", report.unexplained().number());
    } else {
      out.putNull("unexplained");
    }
    ArrayNode versions = out.putArray("versions");
    report.versions().forEach(f -> versions.addObject().put("component", f.component()).put("source", f.source())
        .put("version", f.version()));
    return out;
  }

  @Test
  void javaGivesTheRecordedAnswers() {
    Parity.assertJavaGives(FILE, "Ranked answers to pastes (at most five): each entry's confidence, score, reasons, the"
        + " characters of the matched line to highlight, the words that carried it and the verdicts of the versions known;"
        + " the lines read and the versions found. Matcher.match over the shipped content in Java; the engine of the built site"
        + " (errata-engine.js and the scripts it wires) over its index parts in the browser.", vectors());
  }

  @Test
  void theShippedJavaScriptGivesTheSameAnswers() throws java.io.IOException {
    Parity.assertJavaScriptGives(withText(Parity.DIR.resolve(FILE)));
  }
}
