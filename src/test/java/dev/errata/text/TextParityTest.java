package dev.errata.text;

import dev.errata.testing.ShippedRules;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.errata.testing.Parity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Reading text in two runtimes: tokens and terms of lines ({@code parity/tokens.json}) and
 * prepared pastes ({@code parity/pastes.json}) are the same in Java and in {@code
 * errata-text.js}. See {@link Parity} for how the files are checked and rewritten.
 *
 * <p>Java's tests run first (by name), so that after a rewrite the JavaScript is held to the new file.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class TextParityTest {
  static final String TOKENS = "tokens.json";
  static final String PASTES = "pastes.json";

  /** Lines to tokenize: name, text. */
  static final List<List<String>> LINES = List.of(
      List.of("glog line", "E1126 08:15:42.123456 1 model_lifecycle.cc:638] failed to load 'resnet50' version 1: Internal: "
          + "unable to create stream"),
      List.of("versions", "numpy==2.1.0 torch 2.3.1+cu121 tritonserver:24.08-py3 llama-3.1-8b v2.0.0rc1 2.0.0-rc.1 "
          + "1.2.3.4.5.6.7.8.9.10.11 CUDA 12.4"),
      List.of("paths and urls", "/models/resnet/1/model.onnx ./config.pbtxt ~/x/y ../a/b https://ngc.nvidia.com/v2/health/live "
          + "s3://bucket/key foo/bar baz:/qux http://[::1]:8000/v2 user@host:/path C:\\models\\x"),
      List.of("hex, hashes and uuids", "0x7f3a2b10 deadbeef 9f86d081884c7d65 3fa85f64-5717-4562-b3fc-2c963f66afa6 "
          + "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e abcdef12 cafe-babe-1234"),
      List.of("compound names", "StatusCode.INTERNAL tritonclient.utils.InferenceServerException EXECUTION_ENV_PATH Where_36 "
          + "layer_12 gpt-4o c++ a+b x.y.z __init__ _private trailing. end-"),
      List.of("cjk", "\u5185\u5b58\u5206\u914d\u5931\u8d25\uff1a\u5171\u4eab\u5185\u5b58\u4e0d\u8db3 (shm) "
          + "\u30a8\u30e9\u30fc \uc624\ub958 \ubc1c\uc0dd"),
      List.of("cjk beside latin", "\u6a21\u578bmodel\u52a0\u8f7d\u5931\u8d25load failed \u4e00 \u4e8c\u4e09 x\u56db"),
      List.of("accented latin", "\u00dcn\u00efc\u00f6d\u00e9 caf\u00e9 na\u00efve Stra\u00dfe r\u00e9sum\u00e9 \u2014 "
          + "\u201cquoted\u201d \u2018x\u2019"),
      List.of("greek and turkish case", "\u03a3\u038a\u03a3\u03a5\u03a6\u039f\u03a3 \u039f\u0394\u039f\u03a3 "
          + "\u0130stanbul ISTANBUL \u0131s\u0131k"),
      List.of("other scripts and digits", "\u0661\u0662\u0663 \u0627\u0644\u062e\u0637\u0623 \uff21\uff22\uff23 "
          + "\uff12\uff10\uff12\uff14 \u043e\u0448\u0438\u0431\u043a\u0430 \u0936\u0941\u0930\u0942"),
      List.of("surrogate pairs", "\ud83d\ude00 emoji \ud835\udcb3 math x\ud83d\udd25y"),
      List.of("a token longer than the cut", "a".repeat(150) + "_" + "1".repeat(20) + " " + "x".repeat(130)),
      List.of("punctuation only", "!!! ... --- ,,, ::: /// ()[]{}"),
      List.of("empty", ""),
      List.of("numbers glued to words", "Where_36 sd_unet_0_0 GPU0 0GPU 2.50GiB 64MBs 8000/tcp model_1.onnx"));

  /** Pastes to prepare: name, text. */
  static final List<List<String>> PASTES_IN = List.of(
      List.of("onnxruntime's logger", "2024-02-13 01:47:22.518230114 [E:onnxruntime:log, cuda_call.cc:116 CudaCall] CUDA failure 700: "
          + "an illegal memory access was encountered ; GPU=2\n"
          + "2024-02-13 01:47:22.6 [W:onnxruntime:, session_state.cc:1166 VerifyEachNodeIsAssignedToAnEp] Some nodes were not assigned\n"),
      List.of("glog levels", "I0611 08:14:31.880412 1 model_lifecycle.cc:835] successfully loaded 'sd_unet'\n"
          + "W0611 08:14:32.000001 1 pinned_memory_manager.cc:271] Unable to allocate pinned system memory\n"
          + "E0611 08:15:03.771904 1 infer_handler.cc:741] PyTorch execute failure: CUDA out of memory.\n"
          + "I0611 08:15:04.000000 1 server.cc:100] Found 0 live models\n"
          + "I0611 08:15:05.000000 1 pb_stub.cc:388] Failed to initialize Python stub: TypeError: f() got an unexpected argument\n"
          + "I0611 08:15:06.000000 1 infer_request.cc:131] [request id: <id_unknown>] prepared: model: m\n"
          + "I0611 08:15:07.000000 1 model.py:12] 模型加载失败\n"),
      List.of("docker compose and kubernetes prefixes", "triton-1  | E1126 08:15:42.123456 1 x.cc:1] in ensemble 'q', onnx runtime "
          + "error 2: not enough space: expected 8, got 0\n"
          + "2024-06-18T08:11:17.123456789Z stderr F error: creating server: Internal - failed to load all models\n"
          + "[feature-store-r7p4l-5wghs] ERROR: Unable to open shared memory region: 'x'\n"),
      List.of("traceback", "Traceback (most recent call last):\n  File \"client.py\", line 64, in <module>\n"
          + "    boxes = postprocess(result.as_numpy(\"output0\"))\n  File \"client.py\", line 31, in postprocess\n"
          + "    scale = meta_shape[\"ratio\"]\nKeyError: 'ratio'\n"),
      List.of("loggers and shippers in front of glog", "Dec 06 10:00:00 gpu-node-3 tritonserver[2211]: I1206 10:00:00.123456 1 "
          + "pb_stub.cc:388] Failed to initialize Python stub\n"
          + "2024-12-06T10:00:00.123456+00:00 gpu-node-3 tritonserver[2211]: E1206 10:00:00.123456 1 server.cc:1] failed\n"
          + "[  123.456789] NVRM: Xid (PCI:0000:3b:00): 79, GPU has fallen off the bus.\n"
          + "(ServeReplica:default:Triton pid=1234) W1206 10:00:00.123456 1 server.cc:1] slow\n"
          + "triton-0 tritonserver E1206 10:00:00.123456 1 server.cc:1] \"shm failed\"\n"
          + "2024-12-06 10:00:00,123 - client - ERROR - request failed\n"
          + "INFO 12-16 10:12:37 [__init__.py:216] Automatically detected platform cuda.\n"
          + "2024-12-06T10:00:00Z E 1 model_lifecycle.cc:641] failed to load 'm'\n"
          + "E1206 10:00:00.123456 1 server.cc:1] quoted \"I1206 10:00:00.1 1 x.cc:1] inner\"\n"),
      List.of("ansi colours and nul", "\u001b[31mERROR\u001b[0m: failed to load model\u0000 'x'\n\u001b[1;33mWARNING\u001b[0m low memory"),
      List.of("line endings", "first error line\r\nsecond error line\rthird error line\n\nfifth\n"),
      List.of("repeated shapes", "failed to load 'a' version 1\nfailed to load 'b' version 2\nfailed to load 'c' version 3\n"
          + "failed to load /models/a/1 now\nfailed to load /models/b/2 now\n"),
      List.of("versions named", "nvcr.io/nvidia/tritonserver:23.02-py3\nnumpy==1.26.4\ntorch 2.3.1+cu121\n"
          + "| NVIDIA-SMI 535.104.05   Driver Version: 535.104.05   CUDA Version: 12.2 |\n"
          + "Triton Server version 2.41.0\nnumpy==2.1.0\n"),
      List.of("cjk error", "\u9519\u8bef\uff1a\u5185\u5b58\u4e0d\u8db3\n\u4e00\u5207\u6b63\u5e38\n"),
      List.of("a line longer than a piece", "error " + "word ".repeat(1000) + "tail end"),
      List.of("blank and indented", "   \n\t\n    indented error here\n"),
      List.of("log collectors' records", "{\"log\":\"E1205 02:00:43.000043 1 server.cc:1] terminate called after throwing an instance "
          + "of 'std::invalid_argument'\\n\",\"stream\":\"stderr\",\"time\":\"2024-12-05T02:00:43.000043Z\"}\n"
          + "{\"log\":\"  what():  stoi\\r\\n\",\"stream\":\"stderr\"}\n"
          + "{\"log\":\"inference failed:\\nnumpy==2.1.0 \\u00e9\",\"log\":\"the last log field counts\"}\n"
          + "{\"level\":\"error\",\"msg\":\"infer failed\",\"body\":\"{\\\"error\\\":\\\"Request timeout expired\\\"}\"}\n"
          + "{\"log\":\"x\"} and text after it}\n{\"log\":42}\n{\"log\":[\"no\"]}\n"
          + "{not json at all}\n{\"a\":{\"b\":[[[{\"log\":\"nested is no record\"}]]]}}\n"),
      List.of("structured records", "{\"labels\":{\"pod\":\"triton-7f9c\",\"stream\":\"stderr\"},\"line\":\"E0216 02:48:12.202071 1 "
          + "model_lifecycle.cc:597] failed to load 'm' version 1: boom\\n+----+\\n| x |\"}\n"
          + "{\"@timestamp\":\"2024-01-17T01:12:06.751Z\",\"message\":\"infer failed\",\"error.stack_trace\":\"Traceback (most recent "
          + "call last):\\n  File \\\"/app/x.py\\\", line 3, in <module>\\n    client.infer()\\r\\nValueError: bad input\\r\\n\"}\n"
          + "{\"b\":\"two\",\"1\":\"one\",\"c\":[\"three\",4,null,{\"d\":\"four\"}],\"01\":\"not an index\",\"4294967295\":\"nor this\","
          + "\"4294967294\":\"an index\",\"0\":\"zero\"}\n"
          + "{\"a\":\"first\",\"b\":\"between\",\"a\":\"second, in the first's place\"}\n"
          + "{\"outer\":\"{\\\"log\\\":\\\"a record in a value\\\\n\\\"}\",\"empty\":\"\",\"blank lines\":\"x\\n\\n\\ny\"}\n"
          + "{\"n\":1,\"ok\":true}\n{}\n"
          + "{\"deep\":" + "[".repeat(2000) + "\"at the bottom\"" + "]".repeat(2000) + "}\n"),
      List.of("a terminal's wrap", dev.errata.testing.WrappedPastes.TERMINAL),
      List.of("a terminal's wrap without its trailing spaces", dev.errata.testing.WrappedPastes.STRIPPED),
      List.of("a message wrapped without its trailing spaces", dev.errata.testing.WrappedPastes.STRIPPED_MESSAGE),
      List.of("a terminal's wrap of a message over two lines", dev.errata.testing.WrappedPastes.BANNER),
      List.of("a terminal's wrap under the sender's longer line", dev.errata.testing.WrappedPastes.NOTE_ABOVE_TERMINAL),
      List.of("a table's rows", dev.errata.testing.WrappedPastes.TABLE + "\n+-----+------+\n| a   | bcde |\n|     | fg   |\r\n"
          + "|     |  h i |\nnot a row | x |\n|     | y    |\n+--+---+\n| a | b |\n|   | c |\n+---+---+---\n"),
      List.of("a table's rows broken by a cell's own line breaks", dev.errata.testing.WrappedPastes.TABLE_BROKEN
          + "\n+-----+------+\n| a   | bcde |\n|     | f\ng  |\n|     | h\n  |\n|     | i\r\nj  |\n|     | k\n"),
      List.of("newest first", dev.errata.testing.WrappedPastes.NEWEST_FIRST + "\n12:00:00 a\n23:59:59.999999999 b\n1:02:03,5 c\n12:34:567 d\n"),
      List.of("members with escaped lines", "{\n  \"message\": \"first\\nE0101 00:00:00.1 1 x.cc:1] failed to load \\\"m\\\"\\n\\nlast\\n\",\n"
          + "  - \"a\\nb\"\n  key.x-1: \"c\\nd\" ,\n    \"e\\nf\"\n  bad: \"g\\eh\\ni\"\n  open: \"j\\nk\n  \"one line\": \"no break\"\n"
          + "  \"k\": \"l\\n{\\\"log\\\":\\\"in a record\\\\n\\\"}\"\n  trailing: \"m\\nn\" x\n}\n"),
      List.of("records after words of their own", "HTTP 500 {\"error\":\"PyTorch execute failure: The following operation failed"
          + "\\nTraceback of TorchScript (most recent call last):\\n  File \\\"code/x.py\\\", line 4\\nRuntimeError: Expected all "
          + "tensors to be on the same device\"}\n"
          + "2024-08-07 06:00:12,004 ERROR infer failed: {\"b\":\"two\\nthree\",\"1\":\"one\"}\n"
          + "no break in it {\"error\":\"one line\"}\n"
          + "a {\"x\" b {\"y\" c {\"z\" d {\"error\":\"past the tries\\nstill one line\"}\n"
          + "a {\"x\" b {\"error\":\"second try\\nread\"}\n"
          + "{\"whole\": \"a record\"} then {\"error\":\"not at the end\\n\"} x\n"
          + "array after [{\"error\":\"a\\nb\"}]\nempty values {\"a\":\"\",\"b\":\"\\n\"}\n"),
      List.of("quoted messages with escaped line breaks", "E0630 13:25:31.365 1 model_lifecycle.cc:654] \"failed to load 'llm' version 1: "
          + "Internal: RuntimeError: CUDA error: no kernel image is available for execution on the device\\nCUDA kernel errors might be "
          + "asynchronously reported at some other API call, so the stacktrace below might be incorrect.\\nFor debugging consider "
          + "passing CUDA_LAUNCH_BLOCKING=1\\n\\nAt:\\n  /models/llm/1/model.py(31): initialize\\n\"\n"
          + "E0630 1 x.cc:1] \"short: one\\ntwo\\nthree\"\n"
          + "W0630 1 x.cc:1] loading C:\\Program Files\\NVIDIA Corporation\\NVSMI\\nvidia-smi.exe failed: a Windows path of more than "
          + "two hundred characters with a folder that starts in n, which is one escaped break only and stays one line, as it was\n"),
      List.of("folded YAML strings", "    lastState:\n      terminated:\n        message: \"I1203 loading: m:1\\nE1203 x.cc:1] failed to\n"
          + "          load 'm' version 1\\n\\\n          \\ Signal (6) received.\\x41\\u00e9\\U0001F600\\q\\xZZ\\e[31m\\n\"\n"
          + "        reason: Error\n  - message: 'containers with unready status: [triton] ''a''\n\n      b'\n"
          + "k: \"a\n  b\" after\nk: \"never\n  closed\nk: \"not\nindented\"\nk: \"\\n\\\n  \\n\"\n"),
      List.of("an editor's wrap", dev.errata.testing.WrappedPastes.EDITOR),
      List.of("a terminal's wrap cut inside words only", dev.errata.testing.WrappedPastes.CUT_INSIDE_WORDS),
      List.of("a JSON log cut by a console that dropped trailing spaces", dev.errata.testing.WrappedPastes.JSON_RECORDS),
      List.of("a terminal's wrap past a piece", dev.errata.testing.WrappedPastes.pastAPiece()),
      List.of("empty", ""));

  /** Eval pastes also prepared, as real logs. */
  static final List<String> EVAL = List.of("cases/pytorch-backend-cuda-out-of-memory/b1-1.txt", "cases/_none/b1-3.txt", "cases/_none/b2-4.txt",
      "cases/python-backend-stub-module-not-found/2.txt", "holdout/container-nvidia-driver-not-detected/1.txt",
      // Terminal sessions: prompts, commands run again, one recorded by script(1) with its colours.
      "sessions/cases/python-backend-stub-module-not-found/typo-then-tokenizer-import.txt",
      "sessions/cases/python-backend-numpy2-empty-output-tensors/execenv-fixed-then-ensemble-empty.txt",
      "sessions/cases/unexpected-input-shape-batch-dim/powershell-dtype-then-shape.txt",
      "sessions/cases/grpc-client-pointed-at-http-port/refused-then-port-8000.txt",
      // A whole log captured as one string with escaped line breaks.
      "mangled/cases/python-backend-stub-module-not-found/pytest-repr-escaped-newlines.txt",
      // An e-mail in quoted-printable: soft breaks, =3D, =E2=80=99.
      "mangled/cases/python-backend-shm-region-init-no-space/forwarded-email-quoted-printable.txt",
      "mangled/cases/sequence-start-flag-missing/support-email-quoted-printable.txt",
      "mangled/cases/_none/healthy-ort-warnings-email-quoted-printable.txt",
      // A log in a Markdown table's cells, its lines held apart by <br>; a table a pane cut at its width.
      "mangled/cases/port-already-in-use/markdown-steps-table-br.txt",
      "mangled/cases/tensorrtllm-mpi-world-size-not-equal-tp-times-pp/tmux-scrollback-cut-132.txt",
      // Triton's model table alone: a row of bars, and a record across a wrapped table, each also read as the "failed to load" line.
      "tables/cases/vllm-backend-output-not-named-text-output/table-nonetype-subscriptable-100.txt",
      "tables/cases/vllm-backend-kind-gpu-with-tensor-parallelism/table-kind-gpu-tp-traceback-120.txt");

  static ArrayNode tokenVectors() {
    Rules rules = ShippedRules.get();
    ArrayNode out = Parity.array();
    for (List<String> line : LINES) {
      ObjectNode v = Parity.vector(out, line.get(0)).put("text", line.get(1));
      List<Token> tokens = Tokenizer.tokenize(line.get(1));
      ObjectNode expected = v.putObject("expected");
      ArrayNode t = expected.putArray("tokens");
      tokens.forEach(x -> t.addArray().add(x.text()).add(x.kind().name()).add(x.start()).add(x.end()));
      ArrayNode terms = expected.putArray("terms");
      Terms.of(tokens, rules).forEach(terms::add);
    }
    return out;
  }

  static ArrayNode pasteVectors() throws IOException {
    Rules rules = ShippedRules.get();
    ArrayNode out = Parity.array();
    List<List<String>> all = new java.util.ArrayList<>(PASTES_IN);
    for (String e : EVAL) {
      all.add(List.of("eval " + e, Files.readString(Path.of("src/test/resources/eval", e), StandardCharsets.UTF_8)));
    }
    for (List<String> p : all) {
      ObjectNode v = Parity.vector(out, p.get(0)).put("text", p.get(1));
      Versions versions = new Versions(rules);
      Paste paste = Paste.prepare(p.get(1), rules, versions);
      ObjectNode expected = v.putObject("expected");
      ArrayNode lines = expected.putArray("lines");
      for (PreparedLine l : paste.lines()) {
        lines.addObject().put("errorish", l.errorish()).put("failing", l.failing()).put("level", l.level())
            .put("number", l.number()).put("order", l.order()).put("original", l.original()).put("repeats", l.repeats()).put("lastNumber", l.lastNumber()).put("span", l.span()).put("text", l.text()).put("weight", l.weight());
      }
      expected.put("newestFirst", paste.newestFirst()).put("totalLines", paste.totalLines()).put("truncated", paste.truncated());
      ObjectNode session = expected.putObject("session");
      java.util.Arrays.stream(paste.promptLines()).forEach(session.putArray("lines")::add);
      java.util.Arrays.stream(paste.runsAgain()).forEach(session.putArray("again")::add);
      ArrayNode found = expected.putArray("versions");
      versions.all().forEach(f -> found.addObject().put("component", f.component()).put("source", f.source())
          .put("version", f.version()));
    }
    return out;
  }

  @Test
  void javaGivesTheRecordedTokensAndTerms() {
    Parity.assertJavaGives(TOKENS, "Tokens [text, kind, start, end] and terms of lines: Tokenizer.tokenize and Terms.of in Java,"
        + " Errata.text.tokenize and Errata.text.terms in errata-text.js.", tokenVectors());
  }

  @Test
  void theShippedJavaScriptGivesTheSameTokensAndTerms() {
    Parity.assertJavaScriptGives(TOKENS);
  }

  @Test
  void javaGivesTheRecordedPreparedPastes() throws IOException {
    Parity.assertJavaGives(PASTES, "Pastes prepared for matching: the lines kept (level, errorish, failing, the order they are"
        + " looked at in, weight, repeats of the same shape), how many were read, and the versions they name. Paste.prepare with Versions in Java, Errata.text.prepare"
        + " with Errata.text.Versions in errata-text.js.", pasteVectors());
  }

  @Test
  void theShippedJavaScriptGivesTheSamePreparedPastes() {
    Parity.assertJavaScriptGives(PASTES);
  }
}
