package dev.errata.match;

import dev.errata.testing.ShippedRules;
import dev.errata.text.FoundVersion;
import dev.errata.text.Paste;
import dev.errata.text.Rules;
import dev.errata.text.Versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.content.ContentLoader;
import dev.errata.markdown.Markdown;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The matcher on the fixture knowledge base: what it finds, what it refuses, and why. */
class MatcherTest {
  private static Matcher matcher;

  @BeforeAll
  static void index() {
    var kb = new ContentLoader().load(Path.of("src/test/resources/fixture/content")).knowledgeBase();
    matcher = new Matcher(MatchIndex.build(kb, ShippedRules.get()), ShippedRules.get());
  }

  private static MatchReport match(String text) {
    return matcher.match(text, Matcher.Options.defaults());
  }

  /** A matcher over the shipped content, for the cases that need its entries; made once, when first needed. */
  private static final class Shipped {
    static final Matcher MATCHER = dev.errata.workspace.Workspace.of(Path.of("content"), null).matcher();
  }

  /**
   * A JSON log a terminal cut at 80 columns, each record cut inside words: the piece that holds a
   * record's message has no error mark of its own, and is looked at with the record's piece that
   * has one, before a long log's unmarked lines spend the alignments (an incident's log with the
   * batch-size error in its third piece lost it to 60 other records first).
   */
  @Test
  void looksAtTheCutPiecesOfAWrappedRecordWithItsMostTellingPiece() {
    Paste paste = Paste.prepare(dev.errata.testing.WrappedPastes.JSON_RECORDS, Rules.defaults());
    assertEquals(80, paste.width());
    dev.errata.text.PreparedLine message = paste.lines().stream().filter(l -> l.original().contains("batch-size"))
        .findFirst().orElseThrow();
    dev.errata.text.PreparedLine marked = paste.lines().stream().filter(l -> l.original().contains("infer failed"))
        .findFirst().orElseThrow();
    assertEquals(marked.number() + 2, message.number(), "the record's first and third pieces");
    assertTrue(message.order() > marked.order(), "on its own, the message's piece comes after the marked one");
    var order = Matcher.wrappedOrder(paste.lines(), paste.width());
    assertEquals(marked.order(), order.get(message));
    dev.errata.text.PreparedLine healthyPiece = paste.lines().stream().filter(l -> l.original().contains("statusCode"))
        .findFirst().orElseThrow();
    assertEquals(healthyPiece.order(), order.get(healthyPiece), "the records around it keep their own place");
    assertEquals(Matcher.wrappedOrder(paste.lines(), 0).get(message), message.order(), "no width, no pieces");
  }

  @Test
  void findsTheEntryBehindAPasteWithOtherNamesAndNumbers() {
    MatchReport r = match("[StatusCode.INTERNAL] in ensemble 'depth_pipeline', onnx runtime error 2: not enough space: expected 1048576, got 0");
    assertEquals("numpy2-empty-tensors", r.matches().get(0).entry().id());
    assertEquals(Confidence.EXACT, r.matches().get(0).confidence());
    assertTrue(r.confident());
  }

  @Test
  void stripsLogPrefixesAndColourCodes() {
    MatchReport r = match("\u001b[31mE1126 08:15:42.123456 1 model_lifecycle.cc:638] failed to start GRPC service: "
        + "Unavailable - Socket '0.0.0.0:8001' already in use\u001b[0m");
    assertEquals("port-in-use", r.matches().get(0).entry().id());
    assertTrue(r.confident());
    Match.MatchedLine line = r.matches().get(0).line();
    assertEquals(1, line.number());
    String highlighted = line.text().substring(line.highlights().get(0)[0], line.highlights().get(0)[1]);
    assertEquals("failed", highlighted, "highlights point into the pasted line, after its prefix");
  }

  /**
   * TensorRT glues its messages to the one before ("assertion creator failed.Cannot deserialize
   * plugin ..."), so an entry's longer symptom written without the glue is found only in part on
   * its line, yet it weighs more than the shorter one that another line matches word for word:
   * the answer shows the word-for-word line, and is exact. (The shipped entry now lists the glued
   * form too; this one is written as it was before.)
   */
  @Test
  void aLineMatchedWordForWordLabelsTheAnswerOverAHeavierPartialOne(@org.junit.jupiter.api.io.TempDir Path dir)
      throws java.io.IOException {
    write(dir, "trt-plugin", "TensorRT plugin not registered", "getPluginCreator could not find plugin: {name} version: {n}\"\n"
        + "  - \"Cannot deserialize plugin since corresponding IPluginCreator not found in Plugin Registry");
    MatchReport r = matcherOf(dir).match("""
        E1205 00:12:09.018866 1 logging.cc:40] 3: getPluginCreator could not find plugin: YoloLayer_TRT version: 1
        E1205 00:12:09.019112 1 logging.cc:40] 1: [pluginV2Runner.cpp::load::300] Error Code 1: Serialization \
        (Serialization assertion creator failed.Cannot deserialize plugin since corresponding IPluginCreator not found in Plugin Registry)
        """, Matcher.Options.defaults());
    Match first = r.matches().get(0);
    assertEquals("trt-plugin", first.entry().id());
    assertEquals(Confidence.EXACT, first.confidence(), first::toString);
    assertEquals(1, first.line().number());
    assertTrue(first.symptom().startsWith("getPluginCreator"), first.symptom());
  }

  /**
   * A line whose message goes on in the next is aligned with both joined; the joined lines may
   * stop inside the symptom only where the paste stops. Here a healthy line joined with the one
   * that starts a LibTorch load failure ("... failed to load model 'X': ") had the rest of another
   * entry's symptom ("PytorchStreamReader failed ...") counted as cut, and came first, "likely".
   */
  @Test
  void linesJoinedInsideAPasteDoNotStopInsideASymptom() {
    MatchReport r = Shipped.MATCHER.match("""
        I1030 02:06:53.118804 1 libtorch.cc:2379] TRITONBACKEND_ModelInstanceFinalize: delete instance state
        I1030 02:06:53.118912 1 libtorch.cc:2325] TRITONBACKEND_ModelFinalize: delete model state
        E1030 02:06:53.119147 1 model_lifecycle.cc:621] failed to load 'pointnet_seg' version 1: Internal: failed to load model 'pointnet_seg':\s
        Unknown builtin op: torch_scatter::scatter_max.
        Could not find any similar ops to torch_scatter::scatter_max. This op may not exist or may not be currently supported in TorchScript.
        :
          File "code/__torch__/torch_scatter/scatter.py", line 41
        """, Matcher.Options.defaults());
    assertEquals("pytorch-unknown-builtin-op-missing-extension", r.matches().get(0).entry().id(), () -> r.matches().toString());
    r.matches().stream().filter(m -> m.entry().id().equals("pytorch-model-pt-not-torchscript-archive"))
        .forEach(m -> assertFalse(m.confidence().confident(), m::toString));
  }

  /**
   * A message a terminal wrapped inside a word: alone in the paste it is one full line and the
   * rest in the next ("Unable to fi" / "nd shared memory region"), which the paste leaves as two
   * lines (one full line is no width); the matcher reads the two halves as one word.
   */
  @Test
  void aMessageWrappedInsideAWordIsReadAsOne() {
    Match first = firstAnswer("""
        Traceback (most recent call last):
        tritonclient.utils.InferenceServerException: [StatusCode.NOT_FOUND] Unable to fi
        nd shared memory region: 'audio_in_3'
        $ curl -s asr-triton:8000/v2/systemsharedmemory/status
        """, "shm-region-not-registered");
    assertEquals(Confidence.EXACT, first.confidence(), first::toString);
  }

  /** The shipped matcher's first answer for {@code paste}, which must be {@code id}'s. */
  private static Match firstAnswer(String paste, String id) {
    MatchReport r = Shipped.MATCHER.match(paste, Matcher.Options.defaults());
    Match first = r.matches().get(0);
    assertEquals(id, first.entry().id(), () -> r.matches().toString());
    return first;
  }

  /** An error typed again from a screenshot, one long word with a slip: the entry is still likely, not only possible. */
  @Test
  void anErrorTypedAgainWithASlipIsStillLikely() {
    Match first = firstAnswer("error: cerating server: Internal - failed to load all models", "failed-to-load-all-models");
    assertEquals(Confidence.LIKELY, first.confidence(), first::toString);
  }

  /** Three pieces of one message, each cut inside a word: read as one line, it is matched word for word. */
  @Test
  void aMessageWrappedIntoThreePiecesIsReadAsOne() {
    Match first = firstAnswer(dev.errata.testing.WrappedPastes.THREE_PIECES, "backend-library-not-found");
    assertEquals(Confidence.EXACT, first.confidence(), first::toString);
  }

  /**
   * A line a program shortened, ending in an ellipsis, may stop inside the message wherever it is
   * in the paste, as the paste's last line may: the words it keeps are the message's.
   */
  @Test
  void aLineShortenedWithAnEllipsisMayStopInsideTheMessage() {
    Match first = firstAnswer(dev.errata.testing.WrappedPastes.SHORTENED, "ptx-unsupported-toolchain");
    assertTrue(first.confidence().confident(), first::toString);
  }

  /** A log a terminal wrapped at 80 columns: the message cut over three lines is matched word for word. */
  @Test
  void aLogATerminalWrappedIsMatchedAsItWas() {
    MatchReport r = Shipped.MATCHER.match(dev.errata.testing.WrappedPastes.TERMINAL, Matcher.Options.defaults());
    Match ptx = r.matches().stream().filter(m -> m.entry().id().equals("ptx-unsupported-toolchain")).findFirst()
        .orElseThrow(() -> new AssertionError(r.matches().toString()));
    assertEquals(Confidence.EXACT, ptx.confidence(), ptx::toString);
  }

  /**
   * A message whose first letters a terminal's cut left on the line before is read back into it:
   * exact, and found where it starts; the line after the cut alone starts with half a word.
   */
  @Test
  void aMessageCutRightAfterItsFirstLettersIsReadBackIntoTheLineBefore() {
    MatchReport r = Shipped.MATCHER.match(dev.errata.testing.WrappedPastes.CUT_AT_THE_START, Matcher.Options.defaults());
    Match first = r.matches().get(0);
    assertEquals("grpc-message-larger-than-max", first.entry().id());
    assertEquals(Confidence.EXACT, first.confidence(), first::toString);
    assertEquals(1, first.line().number());
    String second = dev.errata.testing.WrappedPastes.CUT_AT_THE_START.lines().skip(1).findFirst().orElseThrow();
    assertFalse(Shipped.MATCHER.match("I1205 02:11:08.412113 1 server.cc:120] some other line of the log, long enough to be a wrap\n"
        + second, Matcher.Options.defaults()).confident(), "a line with a log prefix of its own is not a piece of the message");
  }

  /**
   * A message its program printed over two lines, each cut again by an 80-column terminal: the
   * first line, joined from its pieces, goes on in the second, which starts after them.
   */
  @Test
  void aMessageOverTwoLinesATerminalCutAgainIsMatchedAsItWas() {
    assertExact(dev.errata.testing.WrappedPastes.BANNER, "container-requires-newer-driver");
  }

  /**
   * A message a mail app broke at its spaces into short lines is read on from its first line
   * through the ones after it, while it still goes on past the last: confident, and first.
   */
  @Test
  void aMessageBrokenIntoShortLinesIsReadOnToItsEnd() {
    MatchReport r = Shipped.MATCHER.match(dev.errata.testing.WrappedPastes.SHORT_LINES, Matcher.Options.defaults());
    Match first = r.matches().get(0);
    assertEquals("pytorch-model-pt-not-torchscript-archive", first.entry().id(), r.matches()::toString);
    assertTrue(first.confidence().confident(), first::toString);
  }

  /**
   * Triton's model table at 80 and 100 columns: each failing model's status, cut over rows
   * mid-word and broken by its own line breaks, is matched word for word, and first.
   */
  @Test
  void aStatusCutOverATablesRowsIsMatchedAsItWas() {
    assertExact(dev.errata.testing.WrappedPastes.TABLE, "backend-library-not-found", "python-backend-stub-module-not-found");
    assertExact(dev.errata.testing.WrappedPastes.TABLE_BROKEN, "vllm-backend-requires-decoupled-policy",
        "onnxruntime-unsupported-model-ir-version");
  }

  /**
   * Failures in the order they happened: a paste that runs newest first (a log platform's copy)
   * shows the model's error, its last line, before the server's summary above it.
   */
  @Test
  void aPasteThatRunsNewestFirstShowsItsFailuresInTheOrderTheyHappened() {
    MatchReport r = Shipped.MATCHER.match(dev.errata.testing.WrappedPastes.NEWEST_FIRST, Matcher.Options.defaults());
    assertEquals(List.of("ptx-unsupported-toolchain", "failed-to-load-all-models"),
        r.matches().stream().filter(m -> m.confidence().confident()).map(m -> m.entry().id()).toList(), r.matches()::toString);
  }

  /**
   * A pod's termination message in {@code kubectl get -o json}: one member line of escaped log
   * lines, read as those lines; the error inside is found, and a message the container printed
   * over two of them is read on into the next as it would be in the log itself.
   */
  @Test
  void aMessageInsideAJsonMembersStringIsFoundAndReadOnAcrossItsLines() {
    String banner = "ERROR: This container was built for NVIDIA Driver Release 560.35 or later, but\\n"
        + "       version 535.161.08 was detected and compatibility mode is UNAVAILABLE.\\n";
    String port = "I0226 10:12:40.118 1 server.cc:674] +------+------+\\n"
        + "E0226 10:12:41.002 1 main.cc:247] failed to start GRPC service: Unavailable - Socket '0.0.0.0:8001' already in use\\n";
    String member = "                \"message\": \"" + "| option_x | value_y |\\n".repeat(40) + "%s\",";
    assertExact("{\n  \"state\": {\n" + String.format(member, port) + "\n  }\n}", "port-already-in-use");
    assertExact("{\n" + String.format(member, "\\n== Triton Inference Server ==\\n\\n" + banner) + "\n}", "container-requires-newer-driver");
  }

  /**
   * An error that follows from others ({@code downstream: true}) is listed after the other
   * confident answers, wherever the paste shows it: a client's error pasted above the server's
   * log that holds its cause. Without the key, the order is the paste's.
   */
  @Test
  void anErrorThatFollowsFromOthersComesAfterTheirCause(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    write(dir, "a-cause", "Model fails to load", "failed to load model {name}: unexpected shape for tensor {name}");
    java.nio.file.Files.writeString(dir.resolve("b-summary.md"), entry("b-summary", "Client finds no model",
        "Request for unknown model: '{name}' has no available versions"));
    String paste = "InferenceServerException: Request for unknown model: 'enc' has no available versions\n"
        + "E0117 09:02:12.804417 1 model_lifecycle.cc:641] failed to load model enc: unexpected shape for tensor ids\n";
    assertEquals(List.of("b-summary", "a-cause"), confidentIds(matcherOf(dir).match(paste, Matcher.Options.defaults())));
    java.nio.file.Files.writeString(dir.resolve("b-summary.md"), entry("b-summary", "Client finds no model",
        "Request for unknown model: '{name}' has no available versions").replace("status: confirmed\n", "status: confirmed\ndownstream: true\n"));
    assertEquals(List.of("a-cause", "b-summary"), confidentIds(matcherOf(dir).match(paste, Matcher.Options.defaults())));
  }

  /**
   * The same with the shipped entries: a client's "unknown model" pasted above the server's log
   * that says why the model has no version. Both are exact; the cause comes first.
   */
  @Test
  void aClientsErrorPastedAboveTheServersLogComesAfterItsCause() throws java.io.IOException {
    assertExact(java.nio.file.Files.readString(Path.of("src/test/resources/match/client-above-server-log.txt")),
        "python-backend-stub-module-not-found", "unknown-model-not-found");
  }

  /**
   * Triton's Python stub logs its failure at INFO. In a 200-line log (a generated one: banner,
   * option and model tables, access log, metrics, verbose INFO lines) the unmarked lines' words
   * came first and used up the keys looked up before the stub's line was reached, so the entry
   * was not even among the answers; an INFO line saying "Failed" is now looked at before them.
   */
  @Test
  void aFailureLoggedAtInfoIsFoundUnderALogsBannerAndTables() throws java.io.IOException {
    assertExact(java.nio.file.Files.readString(Path.of("src/test/resources/match/stub-failure-at-info-in-long-log.txt")),
        "vllm-backend-model-py-vllm-api-mismatch");
  }

  private static List<String> confidentIds(MatchReport r) {
    return r.matches().stream().filter(m -> m.confidence().confident()).map(m -> m.entry().id()).toList();
  }

  /** The ids of the first {@code n} answers, in the order shown. */
  private static List<String> firstIds(MatchReport r, int n) {
    return r.matches().stream().limit(n).map(m -> m.entry().id()).toList();
  }

  private static void assertExact(String paste, String... ids) {
    MatchReport r = Shipped.MATCHER.match(paste, Matcher.Options.defaults());
    assertTrue(r.matches().get(0).entry().id().equals(ids[0]), () -> "first: " + r.matches());
    for (String id : ids) {
      Match m = r.matches().stream().filter(x -> x.entry().id().equals(id)).findFirst()
          .orElseThrow(() -> new AssertionError(r.matches().toString()));
      assertEquals(Confidence.EXACT, m.confidence(), m::toString);
    }
  }

  @Test
  void aNearMissWithADifferentFixedNumberIsNotConfident() {
    MatchReport r = match("in ensemble 'p', onnx runtime error 2: not enough space: expected 64, got 32");
    assertFalse(r.confident(), () -> r.matches().toString());
  }

  @Test
  void aGenericLineAloneIsNotAConfidentMatch() {
    for (String generic : List.of("Connection refused", "Segmentation fault (core dumped)", "error", "failed")) {
      assertFalse(match(generic).confident(), generic);
    }
  }

  @Test
  void findsTheErrorAmongHundredsOfInfoLines() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      log.append("I1126 08:15:").append(String.format("%02d", i % 60)).append(".000001 1 server.cc:674] loading model m").append(i)
          .append(" version 1\n");
      if (i == 150) {
        log.append("E1126 08:15:42.123456 1 infer.cc:120] in ensemble 'x', onnx runtime error 2: not enough space: expected 16, got 0\n");
      }
    }
    MatchReport r = match(log.toString());
    assertEquals("numpy2-empty-tensors", r.matches().get(0).entry().id());
    assertEquals(152, r.matches().get(0).line().number());
    assertTrue(r.confident());
  }

  @Test
  void joinsAMessageWrappedOverTwoLines() {
    MatchReport r = match("in ensemble 'x', onnx runtime error 2: not enough\nspace: expected 16, got 0");
    assertEquals("numpy2-empty-tensors", r.matches().get(0).entry().id());
    assertTrue(r.confident(), () -> r.matches().toString());
  }

  @Test
  void foldsARepeatedErrorIntoOneLine() {
    String line = "failed to start GRPC service: Unavailable - Socket '0.0.0.0:%d' already in use\n";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      s.append(String.format(line, 8000 + i));
    }
    Paste p = Paste.prepare(s.toString(), ShippedRules.get());
    assertEquals(1, p.lines().size());
    assertEquals(1000, p.lines().get(0).repeats());
  }

  @Test
  void versionsInThePasteMarkEntriesThatExcludeThem() {
    String paste = "nvcr.io/nvidia/tritonserver:23.02-py3\nnumpy==1.26.4\n"
        + "in ensemble 'x', onnx runtime error 2: not enough space: expected 16, got 0";
    Match m = match(paste).matches().get(0);
    assertEquals("numpy2-empty-tensors", m.entry().id());
    assertTrue(m.excludedByVersions(), m.versions().toString());
    assertEquals(List.of("tritonserver 23.02 paste line 1 not-affected", "numpy 1.26.4 paste line 2 not-affected"),
        m.versions().stream().map(v -> v.component() + " " + v.version() + " " + v.source() + " " + v.verdict()).toList());
  }

  @Test
  void explicitVersionsOverrideThePaste() {
    MatchReport r = matcher.match("numpy==1.26.4\nin ensemble 'x', onnx runtime error 2: not enough space: expected 16, got 0",
        new Matcher.Options(5, List.of(new FoundVersion("numpy", "2.1.0", "--env")), "en"));
    Match.VersionVerdict v = r.matches().get(0).versions().stream().filter(x -> x.component().equals("numpy")).findFirst().orElseThrow();
    assertEquals("affected", v.verdict());
    assertEquals("--env", v.source());
  }

  @Test
  void serverVersionsMapToContainerReleases() {
    Versions v = new Versions(ShippedRules.get());
    v.scan("I1126 server.cc:674] Triton Server version 2.49.0", "paste line 1");
    assertEquals("24.08", v.find("tritonserver").orElseThrow().version());
  }

  @Test
  void readsPipFreezePipListAndCondaList() {
    Versions v = new Versions(ShippedRules.get());
    v.scanEnvFile("numpy==2.1.0\ntorch                     2.3.1+cu121\n# comment\nonnxruntime-gpu 1.18.0 py311_0 conda-forge\n", "env.txt");
    assertEquals("2.1.0", v.find("numpy").orElseThrow().version());
    assertEquals("2.3.1+cu121", v.find("pytorch").orElseThrow().version());
    assertEquals("1.18.0", v.find("onnxruntime").orElseThrow().version());
    assertEquals("env.txt:2", v.find("pytorch").orElseThrow().source());
  }

  @Test
  void prefersTheTranslationInTheAskedLanguage() {
    String paste = "in ensemble 'x', onnx runtime error 2: not enough space: expected 16, got 0";
    assertEquals("numpy2-empty-tensors", matcher.match(paste, new Matcher.Options(5, List.of(), "en")).matches().get(0).entry().id());
    assertEquals("numpy2-empty-tensors-zh", matcher.match(paste, new Matcher.Options(5, List.of(), "zh")).matches().get(0).entry().id());
    assertEquals(1, matcher.match(paste, Matcher.Options.defaults()).matches().stream()
        .filter(m -> m.entry().family().equals("numpy2-empty-tensors")).count(), "one result per family");
  }

  @Test
  void findsChineseTextByCharacterPairs() {
    MatchReport r = match("内存分配失败");
    assertFalse(r.matches().isEmpty());
    assertEquals("numpy2-empty-tensors", r.matches().get(0).entry().family());
  }

  /**
   * A symptom pasted as seen whose title names one number of a list: the named number must meet
   * the same number in the paste, not whichever one a tie in the alignment left it (a sibling
   * whose numbers are all free used to come first, exact, with this entry only possible).
   */
  @Test
  void aNamedNumberInAListMeetsItsOwnNumber(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    String pip = "ERROR: Could not find a version that satisfies the requirement bitsandbytes==%s (from versions: %s)"
        + " ERROR: No matching distribution found for bitsandbytes==%s";
    write(dir, "pip-bitsandbytes-2-3-1", "pip cannot find bitsandbytes==2.3.1", String.format(pip, "2.3.1", "2.0.0, 2.3.1, 2.6.2, 2.9.0, 3.2.1", "2.3.1"));
    write(dir, "glibc-and-pip", "GLIBC_2.38 not found", String.format(pip, "1.4.0", "1.0.0, 1.3.1, 1.6.2, 1.9.0", "1.4.0"));
    Matcher two = matcherOf(dir);
    MatchReport r = two.match(String.format(pip, "2.3.1", "2.0.0, 2.3.1, 2.6.2, 2.9.0, 3.2.1", "2.3.1"), Matcher.Options.defaults());
    assertEquals("pip-bitsandbytes-2-3-1", r.matches().get(0).entry().id(), () -> r.matches().toString());
    assertEquals(Confidence.EXACT, r.matches().get(0).confidence());
  }

  @Test
  void aPasteNamingThePackageFindsItWhateverVersionsPipLists(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    // The named version also in pip's list of those available, which differs from paste to paste:
    // the entry for another package (a name with digits, a slot) must not pass the one named.
    String pip = "ERROR: Could not find a version that satisfies the requirement %s==3.0.0 (from versions: %s)"
        + " ERROR: No matching distribution found for %s==3.0.0";
    write(dir, "pip-polygraphy", "pip cannot find polygraphy==3.0.0", String.format(pip, "polygraphy", "3.0.0, 3.3.1, 3.6.2", "polygraphy"));
    write(dir, "pip-dali", "pip cannot find nvidia-dali-cuda120==3.0.0", String.format(pip, "nvidia-dali-cuda120", "0.0.0, 0.3.1, 0.6.2, 0.9.0",
            "nvidia-dali-cuda120"));
    Matcher two = matcherOf(dir);
    MatchReport r = two.match(String.format(pip, "polygraphy", "0.0.0, 0.3.1, 0.6.2, 0.9.0", "polygraphy"), Matcher.Options.defaults());
    assertEquals("pip-polygraphy", r.matches().get(0).entry().id(), () -> r.matches().toString());
  }

  @Test
  void aLineManyEntriesListAsAConsequenceFindsTheEntryWhoseMainErrorItIs(@org.junit.jupiter.api.io.TempDir Path dir)
      throws java.io.IOException {
    // More entries than a line's candidates list the line second, all sharing its words equally;
    // the one entry whose first symptom it is comes last by name.
    String line = "error: creating server: Internal - failed to load all models";
    listSecond(dir, Matcher.CANDIDATES_PER_LINE + 10, line);
    write(dir, "z-main", "Failed to load all models", line);
    Matcher m = matcherOf(dir);
    MatchReport r = m.match("2024-10-11T13:28:22.061Z stderr F " + line, Matcher.Options.defaults());
    assertEquals("z-main", r.matches().get(0).entry().id(), () -> r.matches().toString());
  }

  @Test
  void aCrowdOfLongerTemplatesLeavesRoomForTheMainError(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    // 70 entries list the whole line as a consequence, sharing more of its words than the one
    // entry whose main error is the line's end; without a limit on a crowd they take every place.
    String main = "[StatusCode.UNAVAILABLE] failed to connect to all addresses";
    String whole = "tritonclient.utils.InferenceServerException: " + main;
    listSecond(dir, 70, whole);
    write(dir, "z-main", "gRPC client cannot connect", main);
    Matcher m = matcherOf(dir);
    MatchReport r = m.match(whole, new Matcher.Options(Matcher.RANKED, java.util.List.of(), "en"));
    assertTrue(r.matches().stream().anyMatch(x -> x.entry().id().equals("z-main") && x.line() != null),
        () -> "z-main not aligned: " + r.matches().stream().map(x -> x.entry().id()).toList());
  }

  /**
   * Two entries with the same symptom and words: a version the paste names breaks their tie for
   * the one whose range it falls in, but not for one affected in every release ("*"), which says
   * nothing of the paste's version; the tie then goes by the entries' order.
   */
  @Test
  void aVersionBreaksATieOnlyForARangeThatSaysSomething(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    String symptom = "engine deserialization failed for model {name}";
    String paste = "E0101 00:00:00.000000 1 x.cc:1] engine deserialization failed for model det";
    Matcher.Options options = new Matcher.Options(5, List.of(new FoundVersion("tritonserver", "24.05", "--env")), "en");
    writeWith(dir, "a-plain", "[{name: tensorrt, affected: [\">=8.0\"]}]", symptom);
    writeWith(dir, "z-every", "[{name: tritonserver, affected: [\"*\"]}]", symptom);
    MatchReport every = matcherOf(dir).match(paste, options);
    assertEquals("a-plain", every.matches().get(0).entry().id(), () -> every.matches().toString());
    writeWith(dir, "z-every", "[{name: tritonserver, affected: [\">=24.01\"]}]", symptom);
    MatchReport range = matcherOf(dir).match(paste, options);
    assertEquals("z-every", range.matches().get(0).entry().id(), () -> range.matches().toString());
  }

  private static void writeWith(Path dir, String id, String components, String symptom) throws java.io.IOException {
    java.nio.file.Files.writeString(dir.resolve(id + ".md"), entry(id, "Engine fails", symptom)
        .replace("components: [{name: pip, affected: [\"*\"]}]", "components: " + components));
  }

  /** The matcher of the entries written into {@code dir}, which load without errors. */
  /**
   * Two models fail in one log and the paste opens with a question about the later one: its
   * answer comes first, whether a blank line follows the question or not. Without a question (or
   * with a remark that asks nothing) the order is the log's.
   */
  @Test
  void theFailureTheSenderAsksAboutComesFirst(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    write(dir, "a-shape", "Model fails on a shape", "failed to load model {name}: unexpected shape for tensor {name}");
    write(dir, "b-module", "Model misses a module", "failed to load model {name}: No module named '{name}'");
    String log = "\nE0117 09:02:12.804417 1 model_lifecycle.cc:641] failed to load model ranker: unexpected shape for tensor ids\n"
        + "E0117 09:02:13.804417 1 model_lifecycle.cc:641] failed to load model tokenizer: No module named 'tokenizers'\n";
    Matcher m = matcherOf(dir);
    assertEquals(List.of("a-shape", "b-module"), confidentIds(m.match(log, Matcher.Options.defaults())));
    assertEquals(List.of("b-module", "a-shape"), confidentIds(m.match("why does the tokenizer model fail? ranker is known to be broken"
        + log, Matcher.Options.defaults())));
    assertEquals(List.of("b-module", "a-shape"), confidentIds(m.match("why does the tokenizer model fail?\n" + log,
        Matcher.Options.defaults())));
    assertEquals(List.of("a-shape", "b-module"), confidentIds(m.match("the tokenizer model fails, ranker is known to be broken"
        + log, Matcher.Options.defaults())), "a remark that asks nothing");
  }

  /**
   * The server's summary after a failure no entry explains is not a confident answer: the
   * summary's entry is still listed, as possible. After a failure an entry explains, that entry
   * comes first; a client's logger line over the exception it prints, or the fields of {@code
   * kubectl describe} above a probe's events, are no failure of their own.
   */
  @Test
  void aSummaryAfterAFailureNoEntryExplainsIsNotConfident() {
    String summary = "I1205 00:58:21.275292 1 server.cc:347] \"Timeout 29: Found 0 live models and 0 in-flight non-inference requests\"\n"
        + "error: creating server: Internal - failed to load all models\n";
    String unknown = "E1205 00:58:20.041182 1 model_lifecycle.cc:642] \"failed to load 'embed_onnx' version 2: Internal: "
        + "the frobnicator refused the widget\"\n";
    MatchReport r = Shipped.MATCHER.match(unknown + summary, Matcher.Options.defaults());
    assertEquals("failed-to-load-all-models", r.matches().get(0).entry().id());
    assertEquals(Confidence.POSSIBLE, r.matches().get(0).confidence());
    assertFalse(r.confident());
    assertEquals(1, r.unexplained().number(), "the failure's line");
    assertEquals(List.of("failed-to-load-all-models"), confidentIds(Shipped.MATCHER.match(summary, Matcher.Options.defaults())),
        "the summary alone");
    assertFalse(Shipped.MATCHER.match("Traceback (most recent call last):\n  File \"/models/x/1/model.py\", line 9, in initialize\n"
        + "RuntimeError: the frobnicator refused the widget\n" + summary, Matcher.Options.defaults()).confident(),
        "an exception printed without a logger's mark");
    String known = "E1205 00:58:20.041182 1 model_lifecycle.cc:642] \"failed to load 'tok' version 1: Internal: "
        + "ModuleNotFoundError: No module named 'sentencepiece'\"\n";
    assertEquals("python-backend-stub-module-not-found", confidentIds(Shipped.MATCHER.match(known + summary,
        Matcher.Options.defaults())).get(0));
    assertTrue(Shipped.MATCHER.match("2025-03-02 14:22:17,904 ERROR worker.infer: triton request failed\n"
        + "tritonclient.utils.InferenceServerException: [StatusCode.UNAVAILABLE] failed to connect to all addresses; last error: "
        + "UNKNOWN: ipv4:172.20.0.5:8001: Failed to connect to remote host: Connection refused", Matcher.Options.defaults()).confident(),
        "a client's logger line over the exception it prints");
    assertTrue(Shipped.MATCHER.match("    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    137\n"
        + "  Warning  Unhealthy  2m30s (x15 over 8m)  kubelet  Liveness probe failed: Get \"http://10.42.0.77:8000/v2/health/live\": "
        + "dial tcp 10.42.0.77:8000: connect: connection refused", Matcher.Options.defaults()).confident(),
        "kubectl describe's fields");
  }

  @Test
  void aProbeOrAClientAfterACrashIsNotConfident() {
    String probe = "  Warning  Unhealthy  2m (x3 over 4m)  kubelet  Liveness probe failed: Get \"http://10.4.9.17:8000/v2/health/live\": "
        + "dial tcp 10.4.9.17:8000: connect: connection refused\n";
    String started = "I0605 02:10:45.952318 1 http_server.cc:4637] \"Started HTTPService at 0.0.0.0:8000\"\n";
    MatchReport crashed = Shipped.MATCHER.match(started + "Signal (11) received.\n 0# 0x000055D2A37C1F0D in tritonserver\n\n"
        + "$ kubectl get events\n" + probe, Matcher.Options.defaults());
    assertFalse(crashed.confident(), "the crash, inside the INFO line's record, is what needs explaining");
    assertEquals(2, crashed.unexplained().number());
    assertTrue(Shipped.MATCHER.match(started + "Signal (15) received.\n" + probe, Matcher.Options.defaults()).confident(),
        "the SIGTERM of a restart the probe asked for");
    MatchReport pull = Shipped.MATCHER.match("  Warning  Failed  9m (x4 over 11m)  kubelet  Failed to pull image "
        + "\"registry.example/triton:24.11-py3\": rpc error: code = Unknown desc = pull access denied\n"
        + "2024-12-09 11:42:18,330 ERROR asr stream failed: [StatusCode.UNAVAILABLE] failed to connect to all addresses; last error: "
        + "UNKNOWN: ipv4:10.110.4.77:8001: Failed to connect to remote host: Connection refused\n", Matcher.Options.defaults());
    assertEquals("grpc-client-failed-to-connect-to-all-addresses", pull.matches().get(0).entry().id());
    assertFalse(pull.confident(), "the image the node could not pull");
  }

  @Test
  void aKnownWarningBesideACrashIsNotConfident() {
    String banner = "WARNING: The NVIDIA Driver was not detected.  GPU functionality will not be available.\n"
        + "   Use the NVIDIA Container Toolkit to start this container with GPU support; see\n";
    String loading = "I0208 09:14:51.404322 23 shared_library.cc:112] OpenLibraryHandle: "
        + "/opt/tritonserver/backends/onnxruntime/libtriton_onnxruntime.so\n";
    MatchReport died = Shipped.MATCHER.match(banner + loading + "Illegal instruction (core dumped)\n", Matcher.Options.defaults());
    assertEquals("container-nvidia-driver-not-detected", died.matches().get(0).entry().id(), "still the first answer");
    assertFalse(died.confident(), "the warning is true, but the process died of something else");
    assertEquals(4, died.unexplained().number());
    assertTrue(Shipped.MATCHER.match(banner + loading, Matcher.Options.defaults()).confident(), "the warning alone");
    assertTrue(Shipped.MATCHER.match(banner + loading + "NVRM: Xid (PCI:0000:3b:00): 13, pid='<unknown>', name=<unknown>, "
        + "Graphics SM Warp Exception on (GPC 2, TPC 1, SM 0): Out Of Range Address\n", Matcher.Options.defaults()).confident(),
        "a GPU's Xid is a failure, but the process goes on");
    String known = "E1205 00:58:20.041182 1 model_lifecycle.cc:642] \"failed to load 'tok' version 1: Internal: "
        + "ModuleNotFoundError: No module named 'sentencepiece'\"\n";
    assertTrue(Shipped.MATCHER.match(banner + known + "Segmentation fault (core dumped)\n", Matcher.Options.defaults()).confident(),
        "an answer that stands on an error, not only on warnings");
  }

  @Test
  void aKnownWarningPrintedBeforeAKnownErrorIsListedAfterIt() {
    String fallback = "W0304 00:31:57.240911 1 memory.cc:212] Failed to allocate CUDA memory with byte size 78643200 on GPU 0: "
        + "CNMEM_STATUS_OUT_OF_MEMORY, falling back to pinned system memory\n";
    String module = "E0304 00:32:03.644019 1 model_lifecycle.cc:642] \"failed to load 'tok' version 1: Internal: "
        + "ModuleNotFoundError: No module named 'sentencepiece'\"\n";
    MatchReport r = Shipped.MATCHER.match(fallback + module, Matcher.Options.defaults());
    assertTrue(r.confident());
    assertEquals(List.of("python-backend-stub-module-not-found", "cuda-memory-pool-exhausted-fallback"),
        firstIds(r, 2), "the error that made the sender paste, then the warning");
    assertTrue(r.matches().get(1).confidence().confident(), "the warning is still a confident answer of its own");
  }

  @Test
  void anErrorOfAnAttemptTheSessionRanAgainComesAfterTheRunAgainsOwn() {
    String run = "user@box:~/demo$ docker run --rm --gpus all -p8000:8000 -v $PWD/%s:/models nvcr.io/nvidia/tritonserver:24.08-py3 "
        + "tritonserver --model-repository=/models\n";
    String started = "I0905 10:18:02.118245 1 pinned_memory_manager.cc:277] \"Pinned memory pool is created at '0x7f3a64000000' with size "
        + "268435456\"\n";
    String first = String.format(run, "modles") + started + "error: creating server: Internal - failed to stat file /models\n";
    String again = "user@box:~/demo$ # typo in the path, fixed:\n" + String.format(run, "models") + started.replace("0x7f3a", "0x7f09")
        + "E0905 10:19:12.121562 1 model_lifecycle.cc:654] \"failed to load 'tokenizer' version 1: Internal: "
        + "ModuleNotFoundError: No module named 'transformers'\"\n";
    MatchReport r = Shipped.MATCHER.match(first + again, Matcher.Options.defaults());
    assertEquals(List.of("python-backend-stub-module-not-found", "model-repository-path-not-found"), firstIds(r, 2),
        "the run again's failure, then the first attempt's");
    assertTrue(r.matches().get(1).confidence().confident(), "the first attempt's error is still a confident answer of its own");
    String other = again.replace("# typo in the path, fixed:", "cat models/tokenizer/config.pbtxt")
        .replace(String.format(run, "models"), "user@box:~/demo$ docker run --rm --gpus all -v $PWD/hf:/hf trtllm python3 convert.py\n");
    assertEquals("model-repository-path-not-found", Shipped.MATCHER.match(first + other, Matcher.Options.defaults()).matches().get(0).entry().id(),
        "another command after it: the failures in the order they happened");
  }

  @Test
  void anErrorToldInTheSendersWordsAboveTheLogComesAfterTheLogsOwn() {
    String told = "Context: yesterday triton infer over http gave me\n"
        + "  [400] HTTP end point doesn't support models with decoupled transaction policy\n"
        + "so I set decoupled: false and restarted. infer works now, but profiling fails, output below.\n\n";
    String log = "I0821 11:02:17.118290 1 grpc_server.cc:2466] \"Started GRPCInferenceService at 0.0.0.0:8001\"\n"
        + "Thread [0] had error: Failed to process the request(s) for model instance 'llama_0_0', message: TritonModelException: "
        + "Streaming is only supported if model is deployed using decoupled mode.\n";
    MatchReport r = Shipped.MATCHER.match(told + log, Matcher.Options.defaults());
    assertEquals(List.of("tensorrtllm-streaming-requires-decoupled-mode", "decoupled-model-http-infer-endpoint"),
        firstIds(r, 2), "the log's failure, then the one the sender told of");
    assertEquals("decoupled-model-http-infer-endpoint",
        Shipped.MATCHER.match(told.replace("\n\n", "\n") + log.replace("I0821 11:02:17.118290 1 ", ""), Matcher.Options.defaults())
            .matches().get(0).entry().id(), "no logger's line after the words: all one text, in its order");
  }

  /** The GPU-id entry says its error can follow from the driver's (follows_from): the banner, a warning, then comes first. */
  @Test
  void aCauseTheKnowledgeBaseNamesComesBeforeWhatFollowsFromIt() {
    String log = "WARNING: The NVIDIA Driver was not detected.  GPU functionality will not be available.\n"
        + "E1002 08:55:14.724001 8 model_lifecycle.cc:621] failed to load 'densenet_onnx' version 1: Invalid argument: instance group "
        + "densenet_onnx_0 of model densenet_onnx specifies invalid or unsupported gpu id 0. GPUs with at least the minimum required "
        + "CUDA compute compatibility of 6.000000 are: \n"
        + "error: creating server: Internal - failed to load all models\n";
    MatchReport r = Shipped.MATCHER.match(log, Matcher.Options.defaults());
    assertEquals(List.of("container-nvidia-driver-not-detected", "instance-group-invalid-gpu-id", "failed-to-load-all-models"),
        firstIds(r, 3), "the cause, what it caused, the server's summary");
    assertTrue(r.matches().stream().limit(3).allMatch(m -> m.confidence().confident()));
    MatchReport alone = Shipped.MATCHER.match(log.substring(log.indexOf("E1002")), Matcher.Options.defaults());
    assertEquals("instance-group-invalid-gpu-id", alone.matches().get(0).entry().id(), "without the banner, the error's own entry");
  }

  @Test
  void aKnownWarningBesideAnExceptionNoEntryKnowsIsNotConfident() {
    String fallback = "W0813 01:04:51.220874 1 memory.cc:212] Failed to allocate CUDA memory with byte size 1199570944 on GPU 0: "
        + "CNMEM_STATUS_OUT_OF_MEMORY, falling back to pinned system memory\n";
    String unknown = "RuntimeError: cuDNN error: CUDNN_STATUS_EXECUTION_FAILED\n";
    MatchReport r = Shipped.MATCHER.match(unknown + fallback, Matcher.Options.defaults());
    assertEquals("cuda-memory-pool-exhausted-fallback", r.matches().get(0).entry().id());
    assertFalse(r.confident(), "the exception is the failure; the pool's fallback only came with it");
    assertEquals(1, r.unexplained().number());
    String oom = "RuntimeError: CUDA out of memory. Tried to allocate 7.43 GiB. GPU 0 has a total capacity of 22.06 GiB of which "
        + "3.91 GiB is free.\n";
    MatchReport known = Shipped.MATCHER.match(oom + fallback, Matcher.Options.defaults());
    assertEquals(List.of("pytorch-backend-cuda-out-of-memory", "cuda-memory-pool-exhausted-fallback"),
        known.matches().stream().limit(2).map(m -> m.entry().id()).toList(), "an exception an entry knows is answered first");
    assertTrue(known.confident());
    assertNull(known.unexplained());
    assertTrue(Shipped.MATCHER.match("E0813 01:04:50.118001 1 infer_handler.cc:743] inference failed: the frobnicator refused\n"
        + fallback, Matcher.Options.defaults()).confident(), "a logger's error line of its own does not make a known warning doubtful");
  }

  /** A knowledge base's own failure lines ({@code failure_lines} in matching.yml) count as the generic ones do. */
  @Test
  void aKnowledgeBasesOwnCrashLineCountsBeforeADownstreamAnswer(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    java.nio.file.Files.writeString(dir.resolve("b-client.md"), entry("b-client", "Gateway cannot reach the ledger",
        "upstream ledger unavailable: {*}").replace("status: confirmed\n", "status: confirmed\ndownstream: true\n"));
    String paste = "2026-12-01T10:00:00Z ledger: journal checksum mismatch at block 7, refusing to serve\n"
        + "2026-12-01T10:00:01Z gateway: upstream ledger unavailable: dial tcp 10.0.0.4:8443: connect: connection refused\n";
    assertTrue(matcherOf(dir).match(paste, Matcher.Options.defaults()).confident(), "an unmarked line the tool does not know");
    java.nio.file.Files.writeString(dir.resolve("matching.yml"), "failure_lines:\n  - pattern: '^ledger: journal checksum mismatch'\n"
        + "    example: 'ledger: journal checksum mismatch at block 1, refusing to serve'\n");
    MatchReport r = withOwnFailureLine(dir).match(paste, Matcher.Options.defaults());
    assertFalse(r.confident());
    assertEquals(1, r.unexplained().number());
  }

  /** A knowledge base's own line that says the process is gone ({@code ends: true}) counts beside a known warning. */
  @Test
  void aKnowledgeBasesOwnEndCountsBesideAKnownWarning(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    write(dir, "b-slow-disk", "Ledger warns that its disk is slow", "fsync took {n}ms, above the budget of {n}ms");
    String paste = "2026-12-01T10:00:00Z WARN ledger: fsync took 912ms, above the budget of 50ms\n"
        + "2026-12-01T10:00:05Z ledger: journal checksum mismatch at block 7, giving up\n";
    String line = "failure_lines:\n  - pattern: '^ledger: journal checksum mismatch'\n"
        + "    example: 'ledger: journal checksum mismatch at block 1, giving up'\n";
    for (String ends : List.of("", "    ends: true\n")) {
      java.nio.file.Files.writeString(dir.resolve("matching.yml"), line + ends);
      MatchReport r = withOwnFailureLine(dir).match(paste, Matcher.Options.defaults());
      assertEquals("b-slow-disk", r.matches().get(0).entry().id());
      assertEquals(ends.isEmpty(), r.confident(), "a failure that does not end the process leaves the warning's answer confident");
    }
  }

  /** A matcher over the folder with the rules of its matching.yml, which must hold one failure line. */
  private static Matcher withOwnFailureLine(Path dir) {
    var loaded = new ContentLoader().load(dir);
    assertEquals(1, loaded.knowledgeBase().matching().failureLines().size(), loaded.diagnostics().toString());
    Rules rules = Rules.forContent(loaded.knowledgeBase().matching());
    return new Matcher(MatchIndex.build(loaded.knowledgeBase(), rules), rules);
  }

  private static Matcher matcherOf(Path dir) {
    var loaded = new ContentLoader().load(dir);
    assertTrue(loaded.diagnostics().stream().noneMatch(d -> d.isError()), loaded.diagnostics().toString());
    Rules rules = Rules.defaults();
    return new Matcher(MatchIndex.build(loaded.knowledgeBase(), rules), rules);
  }

  /** Entries a-000, a-001, ... each with a main error of its own and {@code line} as its second symptom. */
  private static void listSecond(Path dir, int entries, String line) throws java.io.IOException {
    for (int i = 0; i < entries; i++) {
      write(dir, String.format("a-%03d", i), "Model " + i + " fails",
          "failed to load model_" + i + ": unexpected shape for tensor t" + i + "\"\n  - \"" + line);
    }
  }

  private static void write(Path dir, String id, String title, String symptom) throws java.io.IOException {
    java.nio.file.Files.writeString(dir.resolve(id + ".md"), entry(id, title, symptom));
  }

  private static String entry(String id, String title, String symptom) {
    return "---\nid: " + id + "\ntitle: \"" + title + "\"\nsummary: A test entry.\nstatus: confirmed\npublished: 2026-12-04\n"
        + "modified: 2026-12-04\ntags: [pip]\ncomponents: [{name: pip, affected: [\"*\"]}]\nsymptoms:\n  - \"" + symptom + "\"\n"
        + "causes: [A cause.]\nfixes: [{title: Fix, commands: [run]}]\n---\n\nBody.\n";
  }
}
