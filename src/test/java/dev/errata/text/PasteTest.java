package dev.errata.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Preparation of long pastes, which runs in blocks of lines: what depends on earlier lines must cross a block's end. */
class PasteTest {
  // The shipped rules: numpy is a component only the content's matching.yml names.
  private static final Rules RULES = dev.errata.testing.ShippedRules.get();

  /** A log of {@code n} lines, each its own shape so that none folds into another. */
  private static StringBuilder filler(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("I1203 10:00:00.000000 1 server.cc:1 ] step ").append(Integer.toString(i, 26).replaceAll("[0-9]", "x")).append(" done\n");
    }
    return b;
  }

  private static List<String> texts(Paste paste) {
    return paste.lines().stream().map(PreparedLine::text).toList();
  }

  /**
   * Docker's json-file records (and structured loggers' ones) are read as the lines they hold, so
   * their log prefixes are stripped as usual and a message wrapped over two records can be
   * joined; anything else that looks like JSON stays as it is.
   */
  @Test
  void aLogCollectorsRecordIsReadAsTheLineItHolds() {
    Paste paste = Paste.prepare("""
        {"log":"E1205 02:00:43.000043 1 server.cc:1] terminate called after throwing an instance of 'std::invalid_argument'\\n","stream":"stderr"}
        {"log":"numpy==2.1.0 in the stub's environment\\r\\n","stream":"stdout"}
        {"log":"x"} trailing}
        """, RULES, new Versions(RULES));
    List<PreparedLine> lines = paste.lines();
    assertEquals("terminate called after throwing an instance of 'std::invalid_argument'", lines.get(0).text());
    assertEquals("error", lines.get(0).level(), "the glog prefix inside the record gives the level");
    assertEquals("numpy==2.1.0 in the stub's environment", lines.get(1).original());
    assertEquals("{\"log\":\"x\"} trailing}", lines.get(2).original(), "not one JSON object: kept as written");
    String structured = "{\"level\":\"error\",\"msg\":\"infer failed\",\"body\":\"{\\\"error\\\":\\\"Request timeout expired\\\"}\"}";
    assertEquals(List.of("error", "infer failed", "Request timeout expired"), originals(Paste.prepare(structured, RULES)),
        "a structured record is read as its text values, and a value that is a record as its own");

    Versions found = new Versions(RULES);
    Paste.prepare("{\"log\":\"numpy==2.1.0 in the stub's environment\\n\"}", RULES, found);
    assertEquals("2.1.0", found.find("numpy").orElseThrow().version(), "versions are read from the record's line");

    String longRecord = "{\"log\":\"" + "x ".repeat(RULES.maxLineChars) + "\"}";
    assertTrue(Paste.prepare(longRecord, RULES).lines().get(0).original().startsWith("{\"log\""),
        "a line cut into pieces is not read as a record");
  }

  /**
   * A structured record (Elastic's, Loki's, Azure's) is read as a log viewer shows it, each text
   * value a line and a value's own lines as lines, so that a symptom is a line's message rather
   * than a small share of a record of a few hundred characters. Keys that JavaScript takes for
   * array indices come first, as JSON.parse orders them for the browser's port.
   */
  @Test
  void aStructuredRecordIsReadAsItsValues() {
    Paste loki = Paste.prepare("{\"labels\":{\"pod\":\"triton-7f9c\",\"stream\":\"stderr\"},"
        + "\"line\":\"E0216 02:48:12.202071 1 model_lifecycle.cc:597] failed to load 'm' version 1: boom\\n+----+\\n| x |\"}", RULES);
    // The table's edge has no words: not a line to match.
    assertEquals(List.of("triton-7f9c", "stderr", "E0216 02:48:12.202071 1 model_lifecycle.cc:597] failed to load 'm' version 1: boom",
        "| x |"), originals(loki));
    PreparedLine failed = loki.lines().stream().filter(l -> l.text().startsWith("failed")).findFirst().orElseThrow();
    assertEquals("error", failed.level(), "the glog prefix inside the value gives the level");
    assertEquals(1, failed.number(), "every line of a record has the record's number");
    assertEquals(List.of("one", "two", "three"), originals(Paste.prepare("{\"b\":\"two\",\"1\":\"one\",\"c\":[\"three\", 4, null]}", RULES)));
    assertEquals(List.of("{\"n\": 1, \"ok\": true}"), originals(Paste.prepare("{\"n\": 1, \"ok\": true}", RULES)),
        "a record with no text is read as written");
    // A traceback in a value is read as one pasted whole: its frames skipped, its error kept.
    Paste trace = Paste.prepare("{\"message\":\"infer failed\",\"error.stack_trace\":\"Traceback (most recent call last):\\n"
        + "  File \\\"/app/x.py\\\", line 3, in <module>\\n    client.infer()\\nValueError: bad input\"}", RULES);
    assertTrue(originals(trace).contains("ValueError: bad input"), originals(trace).toString());
    assertTrue(originals(trace).stream().noneMatch(o -> o.contains("client.infer()")), originals(trace).toString());
  }

  private static List<String> originals(Paste paste) {
    return paste.lines().stream().map(PreparedLine::original).toList();
  }

  /**
   * A log a terminal wrapped at its width is read as the lines it had: a message cut over three
   * lines, inside a word or at a space, is one line under the number of its first, and versions
   * and prefixes are read from the whole of it; a line that starts a record of its own, and a
   * table's rows, which fill the width too, stay lines of their own.
   */
  @Test
  void aLogATerminalWrappedIsReadAsTheLinesItHad() {
    Paste paste = Paste.prepare(dev.errata.testing.WrappedPastes.TERMINAL, RULES);
    List<String> originals = paste.lines().stream().map(PreparedLine::original).toList();
    PreparedLine ptx = paste.lines().stream().filter(l -> l.original().contains("PTX")).findFirst().orElseThrow();
    assertEquals(3, ptx.number());
    assertEquals("failed to load 'audio_frontend' version 1: Internal: unable to create stream: the provided PTX was compiled"
        + " with an unsupported toolchain.", ptx.text());
    assertEquals("error", ptx.level());
    assertTrue(originals.contains("tritonclient.utils.InferenceServerException: [StatusCode.NOT_FOUND] Unable to find shared memory"
        + " region: 'audio_in_3'"), "a word cut in two is one word again: " + originals);
    assertTrue(originals.stream().anyMatch(o -> o.startsWith("| Model")), "a table's row stays a line: " + originals);
    assertTrue(originals.stream().anyMatch(o -> o.endsWith("loading: audio_frontend:1 and so on for a while")), originals.toString());
    assertEquals(11, paste.totalLines(), "lines are counted as pasted");
  }

  /**
   * The same log from a copy that dropped each line's trailing spaces: a line the terminal cut at
   * a space ends one before the width and is still read on into the next, the space put back; a
   * message in three lines, one cut inside a word and one at a space, is one line too, unless the
   * copy dropped the lines' leading spaces as well. A wrapped paste that kept a trailing space
   * anywhere joins only lines of the full width.
   */
  @Test
  void aTerminalsWrapThatLostItsTrailingSpacesIsReadAsTheLinesItHad() {
    assertEquals(80, Paste.wrapWidth(dev.errata.testing.WrappedPastes.STRIPPED));
    Paste paste = Paste.prepare(dev.errata.testing.WrappedPastes.STRIPPED, RULES);
    PreparedLine ptx = paste.lines().stream().filter(l -> l.original().contains("PTX")).findFirst().orElseThrow();
    assertEquals("failed to load 'audio_frontend' version 1: Internal: unable to create stream: the provided PTX was compiled"
        + " with an unsupported toolchain.", ptx.text());
    assertEquals(3, ptx.number());
    assertEquals(3, ptx.span());
    String message = dev.errata.testing.WrappedPastes.STRIPPED_MESSAGE;
    assertEquals(80, Paste.wrapWidth(message), "one line of the width and one a space short");
    assertEquals(List.of("tritonclient.utils.InferenceServerException: [StatusCode.INVALID_ARGUMENT] failed to register CUDA"
        + " shared memory region 'emb_out_dev1': failed to open CUDA IPC handle: invalid argument"),
        Paste.prepare(message + "\n  retrying in 5 s", RULES).lines().stream().map(PreparedLine::original).limit(1).toList(),
        "a word cut in two is one word again where the lines kept their leading spaces");
    assertEquals(List.of("tritonclient.utils.InferenceServerException: [StatusCode.INVALID_ARGUMENT] faile",
        "d to register CUDA shared memory region 'emb_out_dev1': failed to open CUDA IPC handle: invalid argument"),
        Paste.prepare(message, RULES).lines().stream().map(PreparedLine::original).toList(),
        "without them a line of the full width may have lost the space that began the next: left to the matcher");
    String kept = dev.errata.testing.WrappedPastes.STRIPPED + "\nthe sender's last line ";
    assertEquals(80, Paste.wrapWidth(kept));
    PreparedLine cut = Paste.prepare(kept, RULES).lines().stream().filter(l -> l.number() == 3).findFirst().orElseThrow();
    assertEquals("failed to load 'audio_frontend'", cut.text(), "where trailing spaces were kept, a shorter line is a line of its own");
  }

  /**
   * A line a terminal's wrap joined says how many of the paste's lines it was read from, so that
   * a message its program went on with in the next line of its own is read on from there.
   */
  @Test
  void aWrappedLineSaysWhereThePasteGoesOn() {
    Paste paste = Paste.prepare(dev.errata.testing.WrappedPastes.BANNER, RULES);
    PreparedLine error = paste.lines().stream().filter(l -> l.text().startsWith("This container")).findFirst().orElseThrow();
    PreparedLine next = paste.lines().stream().filter(l -> l.text().contains("was detected")).findFirst().orElseThrow();
    assertEquals(5, error.number());
    assertEquals(2, error.span());
    assertEquals(error.number() + error.span(), next.number());
    assertEquals("version 535.183.01 was detected and compatibility mode is UNAVAILABLE.", next.text().strip());
    PreparedLine banner = paste.lines().stream().filter(l -> l.text().contains("NVIDIA Release")).findFirst().orElseThrow();
    assertEquals(1, banner.span(), "a line read as it was pasted is one line");
  }

  /**
   * A client's line that ends with the server's JSON answer, whose error holds a traceback with
   * escaped line breaks, is read as the answer's lines, the client's words starting the first:
   * the exception at the traceback's end is a line of its own, as the server's log prints it.
   */
  @Test
  void aRecordAfterAClientsWordsIsReadAsItsLines() {
    Paste paste = Paste.prepare("client (requests) for the failing half:\n"
        + "2024-12-08 02:10:11,204 ERROR HTTP 500 {\"error\":\"PyTorch execute failure: The following operation failed in the "
        + "TorchScript interpreter.\\nTraceback of TorchScript (most recent call last):\\n  File \\\"code/ecapa.py\\\", line 41\\n"
        + "RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:1 and cuda:0!\"}\n"
        + "2024-12-08 02:10:12,001 INFO answer {\"outputs\":\"one line, read as written\"}\n", RULES);
    List<String> originals = paste.lines().stream().map(PreparedLine::original).toList();
    PreparedLine error = paste.lines().stream().filter(l -> l.original().startsWith("RuntimeError")).findFirst().orElseThrow();
    assertEquals(2, error.number(), "under the number of the client's line");
    PreparedLine first = paste.lines().stream().filter(l -> l.original().contains("PyTorch execute failure")).findFirst().orElseThrow();
    assertEquals("error", first.level(), "the client's logger marks the answer's first line");
    assertTrue(originals.contains("2024-12-08 02:10:12,001 INFO answer {\"outputs\":\"one line, read as written\"}"), originals.toString());
  }

  /**
   * A pod's termination message, which kubectl prints as a double-quoted string folded over
   * lines, is read as the log lines it holds, each under the number of the member's line: the
   * error is a line again, not pieces of two.
   */
  @Test
  void aFoldedTerminationMessageIsReadAsItsLogLines() {
    Paste paste = Paste.prepare("""
        $ kubectl get pod pa-0 -o yaml
            state:
              terminated:
                exitCode: 1
                message: "Request concurrency: 64\\n  Pass [1] throughput: 1893.45 infer/sec. Avg latency: 33704 usec (std 4102 usec). \\n
                  \\ Pass [2] throughput: 2210.87 infer/sec. \\nFailed to obtain stable measurement within 10 measurement windows for
                  concurrency 64. Please try to increase the --measurement-interval.\\n"
                reason: Error
        """, RULES);
    PreparedLine error = paste.lines().stream().filter(l -> l.original().startsWith("Failed")).findFirst().orElseThrow();
    assertEquals("Failed to obtain stable measurement within 10 measurement windows for concurrency 64. Please try to increase the"
        + " --measurement-interval.", error.original());
    assertEquals(5, error.number());
    assertTrue(paste.lines().stream().anyMatch(l -> l.original().equals("  Pass [2] throughput: 2210.87 infer/sec. ")
        && l.number() == 5), "a line that began at a fold: " + paste.lines());
    assertEquals(9, paste.totalLines(), "lines are counted as pasted");
  }

  /**
   * A table's record whose status goes on over the rows after it is read as its cells, each a
   * line under the number of its first row, the pieces of each joined as printed (mid-word); a
   * row of one line is its cells too. The rows are counted as pasted, and {@code nvidia-smi}'s,
   * whose rows go on with first cells that are not blank, stay as written.
   */
  @Test
  void aTablesRecordOverSeveralRowsIsReadAsItsCells() {
    Paste paste = Paste.prepare(dev.errata.testing.WrappedPastes.TABLE, RULES);
    List<String> originals = paste.lines().stream().map(PreparedLine::original).toList();
    PreparedLine backend = paste.lines().stream().filter(l -> l.original().contains("unable to find")).findFirst().orElseThrow();
    assertEquals(5, backend.number());
    assertEquals("UNAVAILABLE: Invalid argument: unable to find backend library for backend 'onnxruntime', try specifying runtime on"
        + " the model configuration.", backend.original());
    assertTrue(originals.contains("2024-12-05T02:11:09.100004Z audio_frontend"), "the first cell after the row's prefix: " + originals);
    assertTrue(originals.contains("UNAVAILABLE: Internal: ModuleNotFoundError: No module named 'webrtcvad'"), originals.toString());
    assertTrue(originals.stream().noneMatch(o -> o.startsWith("ckend library")), "a piece of a cell is no line of its own: " + originals);
    assertTrue(originals.contains("2024-12-05T02:11:09.100007Z speaker_id") && originals.contains("READY"),
        "a row of one line is its cells: " + originals);
    assertTrue(originals.contains("| N/A   34C    P0    25W /  70W |      0MiB / 15360MiB |      0%      Default |"),
        "nvidia-smi's rows stay as written: " + originals);
    assertEquals(19, paste.totalLines(), "lines are counted as pasted");
  }

  /**
   * A status with line breaks of its own, cut over rows: its pieces are read across the lines
   * their breaks made, and its lines are the status's lines, all under the number of its first
   * row; lines that do not add up to the column's width are left as written.
   */
  @Test
  void aStatusWithLineBreaksOfItsOwnIsReadAcrossThem() {
    Paste paste = Paste.prepare(dev.errata.testing.WrappedPastes.TABLE_BROKEN, RULES);
    List<String> originals = paste.lines().stream().map(PreparedLine::original).toList();
    PreparedLine vllm = paste.lines().stream().filter(l -> l.original().contains("decoupled")).findFirst().orElseThrow();
    assertEquals("UNAVAILABLE: Internal: AssertionError: vLLM Triton backend must be configured to use decoupled model transaction"
        + " policy", vllm.original());
    assertEquals(5, vllm.number());
    assertTrue(originals.contains("  /opt/tritonserver/backends/vllm/model.py(138): initialize"), "a frame is read whole: " + originals);
    assertTrue(originals.contains("UNAVAILABLE: Internal: onnx runtime error 1: Load model from /models/clip_text/1/model.onnx"
        + " failed:Unsupported model IR version: 11, max supported IR version: 10"), originals.toString());
    assertEquals(19, paste.totalLines(), "lines are counted as pasted");
    String shifted = dev.errata.testing.WrappedPastes.TABLE_BROKEN.replace("  /opt/tritonserver/bac |", "  /opt/tritonserver/ba |");
    List<String> asWritten = Paste.prepare(shifted, RULES).lines().stream().map(PreparedLine::original).toList();
    assertTrue(asWritten.contains("|           |         | red to use decoupled model transaction policy"),
        "a piece whose lines do not add up stays as written: " + asWritten);
  }

  /**
   * A paste whose times go back (a log platform's copy, newest first) says so; a log in the order
   * it was written, with a step back where two pods interleave, and one without times, do not.
   */
  @Test
  void aPasteThatRunsNewestFirstIsToldByItsTimes() {
    assertTrue(Paste.prepare(dev.errata.testing.WrappedPastes.NEWEST_FIRST, RULES).newestFirst());
    List<String> rows = new java.util.ArrayList<>(dev.errata.testing.WrappedPastes.NEWEST_FIRST.lines().toList());
    java.util.Collections.reverse(rows);
    String oldestFirst = String.join("\n", rows);
    assertFalse(Paste.prepare(oldestFirst, RULES).newestFirst());
    assertFalse(Paste.prepare("[a] 10:00:01 x\n[b] 10:00:00 y\n[a] 10:00:02 z\n[b] 10:00:01 w\n[a] 10:00:03 v\n", RULES).newestFirst(),
        "two pods interleaved go forward more than back");
    assertFalse(Paste.prepare("no times here\nnor here\n", RULES).newestFirst());
    assertEquals(8 * 3600_000_000_000L + 15 * 60_000_000_000L + 44_912_000_000L, TimeOrder.timeOfDay("2024-11-26 08:15:44.912\tx"));
    assertEquals(-1, TimeOrder.timeOfDay("ratio 12:34 and 1:2:3 and 123:45:67"));
    assertEquals(9 * 3600_000_000_000L + 3_000_000_000L, TimeOrder.timeOfDay("Jun 13 9:00:03 host x"));
  }

  /** Rows are found by their bars counted from the end, under the last divider: other tables and near shapes are not. */
  @Test
  void onlyRowsUnderADividerOfTheirColumnsAreRead() {
    assertEquals(null, TableRows.corners("+------+"), "one column");
    assertEquals(null, TableRows.corners("+--+---+"), "a cell with no room between its blanks");
    int[] corners = TableRows.corners("[pod/triton-0] +-----+------+  ");
    assertTrue(java.util.Arrays.equals(new int[] {14, 8, 1}, corners), java.util.Arrays.toString(corners));
    assertTrue(TableRows.isRow("x | a   | bc   |", corners));
    assertFalse(TableRows.isRow("x | a   | bc  |", corners), "a bar out of place");
    assertTrue(TableRows.goesOn("other prefix |     | de   |", corners));
    assertFalse(TableRows.goesOn("x | b   | de   |", corners), "a first cell that is not blank starts a record");
    List<String> read = Paste.prepare("+-----+------+\n| a   | bcde |\n|     | fg   |\n|     |  h i |\nfailed after the table", RULES).lines()
        .stream().map(PreparedLine::original).toList();
    assertEquals(List.of("a", "bcdefg   h i", "failed after the table"), read, "pieces as printed, blanks inside kept; a line that is no row ends the table");
  }

  /**
   * A paste of nothing but full lines, each going on in the next, is read as lines of at most a
   * piece's length, not as one line of all of it: building that one line piece by piece took
   * minutes at 24 MB.
   */
  @Test
  void aPasteOfNothingButFullLinesIsReadInLinesOfAPiecesLength() {
    StringBuilder paste = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      String line = ("abcdefghij" + i).repeat(8).substring(0, 80);
      paste.append(i % 2 == 0 ? line : line.substring(0, 79) + " ").append('\n');
    }
    Paste p = Paste.prepare(paste.toString(), RULES);
    int perLine = RULES.maxLineChars / 80 + 1;
    List<Integer> numbers = p.lines().stream().map(PreparedLine::number).distinct().toList();
    assertTrue(numbers.size() >= 100_000 / perLine - 1, "lines: " + numbers.size());
    assertTrue(p.lines().stream().allMatch(l -> l.original().length() <= RULES.maxLineChars), "no line past a piece's length");
  }

  /**
   * A whole log captured as one string, as pytest prints the repr of a process's output: a line
   * far longer than a piece, its line breaks escaped. It is read as the lines it escapes, under
   * its own number; a short line keeps its escapes.
   */
  @Test
  void aVeryLongLineOfEscapedLineBreaksIsReadAsItsLines() {
    String error = "E0101 00:00:02.000000 1 model_lifecycle.cc:621] failed to load 'pre' version 1: Internal: "
        + "ModuleNotFoundError: No module named 'cv2'";
    String banner = "I0101 00:00:01.000000 1 server.cc:1] loading models, one line of many\\n".repeat(RULES.maxLineChars / 60);
    Paste p = Paste.prepare("E       AssertionError: tritonserver died: \"" + banner + error + "\\n\\nAt:\\n  /models/pre/1/model.py(3)\"\n", RULES);
    assertTrue(p.lines().stream().anyMatch(l -> l.original().equals(error) && l.number() == 1), "the error, a line of its own under line 1");
    String short1 = "E0101 1 model_lifecycle.cc:621] \"failed to load 'pre': ModuleNotFoundError: x\\n\\nAt:\\n  /models/pre/1/model.py(3)\"";
    assertEquals(1, Paste.prepare(short1, RULES).lines().size(), "a short line keeps its escapes");
  }

  /**
   * Triton quotes a message with its traceback on one line since 24.05. Read whole, the traceback
   * outweighs the message and a short symptom is never a candidate on it, so a long line with
   * escaped breaks is read as its lines; one escaped break alone (a Windows folder starting in n)
   * is not a reason.
   */
  @Test
  void aQuotedMessageWithItsTracebackIsReadAsItsLines() {
    String frames = "  File \\\"/usr/local/lib/python3.12/dist-packages/transformers/modeling_utils.py\\\", line 4245, in from_pretrained\\n"
        .repeat(6);
    String line = "E0630 13:25:31.365 1 model_lifecycle.cc:654] \"failed to load 'llm' version 1: Internal: RuntimeError: "
        + "CUDA error: no kernel image is available for execution on the device\\nCUDA kernel errors might be asynchronously "
        + "reported\\n\\nAt:\\n" + frames + "\"";
    List<String> originals = Paste.prepare(line + "\n", RULES).lines().stream().map(PreparedLine::original).toList();
    assertTrue(originals.contains("CUDA kernel errors might be asynchronously reported"), originals.toString());
    assertTrue(originals.get(0).endsWith("no kernel image is available for execution on the device"), originals.get(0));
    String windows = "W0630 1 x.cc:1] cannot run C:\\Program Files\\NVIDIA Corporation\\NVSMI\\nvidia-smi.exe: "
        + "the system cannot find the file specified".repeat(5);
    assertEquals(1, Paste.prepare(windows, RULES).lines().size(), "one escaped break keeps the line whole");
  }

  @Test
  void linesHeldApartByHtmlBreaksAreReadAsTheirLines() {
    String error = "E0101 00:00:02.000000 1 grpc_server.cc:2466] failed to start GRPC service: Unavailable - Socket '0.0.0.0:8001' already in use";
    Paste p = Paste.prepare("| 2 | `tritonserver` | exits:<br>I0101 00:00:01.000000 1 server.cc:1] loading<BR />" + error + "<br/> |\n", RULES);
    assertTrue(p.lines().stream().anyMatch(l -> l.original().equals(error) && l.number() == 1), "the error, a line of its own under line 1");
    assertArrayEquals(new String[] {"a", "b", "c<bra>", "", "d"}, HtmlBreaks.split(new String[] {"a<br>b", "c<bra><br\t/\t>", "d"}));
    String[] none = {"x < y", "<b>bold</b>"};
    assertSame(none, HtmlBreaks.split(none), "lines without a break are left as they are");
  }

  @Test
  void rowsOfATableAPaneCutAtItsWidthAreNotJoined() {
    // An edge and the first row cut at the pane's width, the other rows padded to it with blanks.
    String row = String.format("%-300s", "| ensemble | 1 | UNAVAILABLE: Internal: unexpected error when creating modelInstanceState: "
        + "[TensorRT-LLM][ERROR] Assertion failed: mpiSize == tp * pp").substring(0, 120);
    String next = String.format("%-120s", "|          |   | failed: mpiSize == tp * pp (/app/tensorrt_llm/cpp/worldConfig.cpp:90)");
    String edge = "+----------+---+" + "-".repeat(104);
    String text = edge + "\n" + row + "\n" + next + "\n" + String.format("%-120s", "|          |   | while the engine was still loading, see the lines above") + "\n| done |";
    assertEquals(120, Paste.wrapWidth(text), "the rows fill one width");
    List<Integer> numbers = Paste.prepare(text, RULES).lines().stream().map(PreparedLine::number).sorted().toList();
    assertTrue(numbers.containsAll(List.of(2, 3, 4)), "each row a line of its own: " + numbers);
    assertTrue(Paste.continues(row, "failed: mpiSize == tp", RULES), "a row's text wrapped onto a line of its own goes on");
  }

  @Test
  void aRowOfTritonsModelTableIsAlsoReadAsTheLogsFailedToLoadLine() throws java.io.IOException {
    String said = "failed to load 'phi3_mini' version 1: Internal: TypeError: 'NoneType' object is not subscriptable";
    String row = "| phi3_mini | 1       | UNAVAILABLE: Internal: TypeError: 'NoneType' object is not subscriptable |";
    String edge = "+-----------+---------+---------------------------------------------------------------------+";
    Paste bars = Paste.prepare("I0730 server.cc:674]\n" + row + "\n", RULES);
    assertTrue(bars.lines().stream().anyMatch(l -> l.text().equals(said) && l.number() == 2), () -> bars.lines().toString());
    // The same row read as a record of cells, across a table an 80-column terminal wrapped.
    Paste record = Paste.prepare(java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/eval/tables/cases/"
        + "vllm-backend-kind-gpu-with-tensor-parallelism/table-kind-gpu-tp-traceback-120.txt")), RULES);
    assertTrue(record.lines().stream().anyMatch(l -> l.number() == 5
        && l.text().startsWith("failed to load 'mixtral_8x7b' version 1: Internal: ValueError: KIND_GPU is currently for single-GPU models")),
        () -> record.lines().toString());
    assertEquals(List.of(), RULES.restate("| phi3_mini | 1       | READY |"));
  }

  @Test
  void theRulesTheSiteShipsLeaveTheirExplanationsOut() {
    String json = Rules.forContent(new dev.errata.model.MatchingRules(java.util.Map.of(), List.of(), java.util.Map.of(), List.of(), List.of())).json();
    assertFalse(json.contains("\"about\":"), "an 'about' text is left in what the browser downloads");
    assertTrue(json.contains("\"restatements\""));
  }

  /**
   * A short paste whose every cut fell inside a word (a log of a few lines wrapped at 80 columns
   * cuts six times, and none at a space about half the time): three or more different lines of
   * exactly the width, a third of the paste, are a terminal's cut, and the message is read whole.
   * A table whose rows are all one length is not.
   */
  @Test
  void aShortPasteCutOnlyInsideWordsIsReadAsTheLineItWas() {
    String text = dev.errata.testing.WrappedPastes.CUT_INSIDE_WORDS;
    String log = text.lines().limit(5).collect(java.util.stream.Collectors.joining());
    assertTrue(text.lines().filter(l -> l.length() == 80).noneMatch(l -> l.endsWith(" ")), "no cut at a space");
    assertEquals(80, Paste.wrapWidth(text));
    assertEquals(log, Paste.prepare(text, RULES).lines().get(0).original());
    // Triton's model table: edges, header and rows of one length, starting differently.
    String edge = "+---------+---------+--------+---------------------------------------------------+";
    String row = "| %-7s | %-7s | %-6s | %-49s |";
    String table = String.join("\n", edge, String.format(row, "Model", "Version", "Status", "Reason"), edge,
        IntStream.range(0, 4).mapToObj(i -> String.format(row, "model_" + i, "1", "READY", "loaded from /models/model_" + i + "/1 on GPU 0"))
            .collect(java.util.stream.Collectors.joining("\n")), edge);
    assertEquals(0, Paste.wrapWidth(table), "a table's rows of one length");
  }

  /** A paste an editor wrapped at spaces (dropping them) cannot be told from words cut in two, so its lines stay as they are. */
  @Test
  void aPasteAnEditorWrappedAtSpacesKeepsItsLines() {
    assertEquals(3, Paste.prepare(dev.errata.testing.WrappedPastes.EDITOR, RULES).lines().size());
    assertEquals(0, Paste.wrapWidth(dev.errata.testing.WrappedPastes.EDITOR));
    assertEquals(80, Paste.wrapWidth(dev.errata.testing.WrappedPastes.TERMINAL));
    String same = "x".repeat(79) + " ";
    assertEquals(0, Paste.wrapWidth(same + "\n" + same + "\nshort"), "one line twice is a repeat, not a width");
    assertEquals(80, Paste.wrapWidth(same + "\n" + "y".repeat(79) + " \nshort"));
  }

  /**
   * The sender's own words above a wrapped log, in a line longer than the terminal's width, do
   * not hide the width: enough full lines, twice as many as are longer, are the width. Lines of
   * many lengths, a few of them equal, are not.
   */
  @Test
  void aLongerLineOfTheSendersAboveAWrappedLogLeavesItsWidth() {
    assertEquals(80, Paste.wrapWidth(dev.errata.testing.WrappedPastes.NOTE_ABOVE_TERMINAL));
    PreparedLine ptx = Paste.prepare(dev.errata.testing.WrappedPastes.NOTE_ABOVE_TERMINAL, RULES).lines().stream()
        .filter(l -> l.original().contains("PTX")).findFirst().orElseThrow();
    assertTrue(ptx.text().endsWith("with an unsupported toolchain."), ptx.text());
    StringBuilder unwrapped = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      String line = "I1205 02:11:0" + (i % 10) + ".412113 1 server.cc:120] model_" + i + " is ready to serve requests ";
      unwrapped.append(line).append("x".repeat(i % 4 * 7)).append('\n').append(" and so on\n");
    }
    assertEquals(0, Paste.wrapWidth(unwrapped.toString()), "three lines of one length among longer ones");
  }

  @Test
  void aTracebackBodyAfterABlockEndIsStillSkipped() {
    for (int at = 4090; at < 4100; at++) {
      StringBuilder log = filler(at);
      log.append("Traceback (most recent call last):\n");
      log.append("  File \"/opt/model.py\", line 12, in execute\n");
      log.append("    out = numpy.zeros(shape)\n");
      log.append("ValueError: shape mismatch in block test\n");
      Paste paste = Paste.prepare(log.toString(), RULES);
      List<String> texts = texts(paste);
      assertFalse(texts.stream().anyMatch(t -> t.contains("numpy.zeros")), "the frame's source line is skipped, traceback at line " + (at + 1));
      assertTrue(texts.contains("ValueError: shape mismatch in block test"), "the error is kept, traceback at line " + (at + 1));
      assertEquals(at + 5, paste.totalLines());
    }
  }

  @Test
  void theFirstVersionFoundWinsAcrossBlocks() {
    StringBuilder log = filler(5000);
    log.insert(0, "numpy==1.26.4\n");
    log.append("numpy==2.1.0\n");
    Versions versions = new Versions(RULES);
    Paste.prepare(log.toString(), RULES, versions);
    assertEquals("1.26.4", versions.find("numpy").orElseThrow().version());
    assertEquals("paste line 1", versions.find("numpy").orElseThrow().source());
  }

  @Test
  void repeatedLinesFoldInOrderOfFirstAppearance() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 9000; i++) {
      log.append(i % 3 == 0 ? "E1203 10:00:00.1 1 a.cc:1] failed to load model_" + i + "\n" : "I1203 10:00:00.1 1 a.cc:1] heartbeat " + i + "\n");
    }
    Paste paste = Paste.prepare(log.toString(), RULES);
    assertEquals(2, paste.lines().size(), texts(paste).toString());
    assertEquals(1, paste.lines().get(0).number());
    assertEquals(3000, paste.lines().get(0).repeats());
    assertEquals(6000, paste.lines().get(1).repeats());
  }
  /**
   * Typed words or a paste: a paste has several lines, more words than a question in plain
   * words, or a sign that messages have. The site's search box decides with the same rule and
   * the same numbers (search-ui.js), and errata match with this one.
   */
  @Test
  void wordsTypedAreToldFromAPaste() throws java.io.IOException {
    for (String typed : List.of("numpy ensemble", "trtllm oom", "config.pbtxt lists fewer inputs than the onnx model has",
        "Stub process is unhealthy and it will be restarted")) {
      assertFalse(Paste.looksLikePaste(typed), typed);
    }
    for (String pasted : List.of("not enough space: expected 1048576, got 0", "failed to load 'm'", "a\nb", "x=1",
        "one two three four five six seven eight nine ten eleven twelve thirteen", "w ".repeat(5000))) {
      assertTrue(Paste.looksLikePaste(pasted), pasted);
    }
    String ui = java.nio.file.Files.readString(java.nio.file.Path.of("templates/assets/search-ui.js"));
    assertTrue(ui.contains(".filter(Boolean).length > " + Paste.MAX_TYPED_WORDS + " "), "search-ui.js counts words as Paste does");
    assertTrue(ui.contains("MAX_URL_QUERY = " + Paste.MAX_TYPED + ","), "search-ui.js takes a long text as Paste does");
    assertTrue(ui.contains("/[:\\[\\]()'\"=]/"), "search-ui.js knows the same signs");
  }
  /**
   * The order a long log's lines are looked at: an INFO line that says something failed (Triton's
   * Python stub logs its failures at INFO) comes after the warnings and before unmarked lines; an
   * INFO line that only has an error word in it ("timeout", "unable") stays after them.
   */
  @Test
  void anInfoLineThatSaysSomethingFailedIsLookedAtBeforeUnmarkedLines() {
    Paste paste = Paste.prepare("""
        | strict_readiness                 | 1                                                      |
        I1203 10:00:00.000000 1 pb_stub.cc:388] "Failed to initialize Python stub: TypeError: f() got an unexpected argument"
        I1203 10:00:01.000000 1 infer_request.cc:131] "[request id: <id_unknown>] prepared: model: m, priority: 0, timeout (us): 0"
        I1203 10:00:02.000000 1 pb_stub.cc:388] "Failed to initialize Python stub: ModuleNotFoundError: No module named 'x'"
        I1203 10:00:03.000000 1 model.py:12] 模型加载失败
        W1203 10:00:04.000000 1 server.cc:1] low memory
        I1203 10:00:05.000000 1 server.cc:1] model loaded
        """, RULES, new Versions(RULES));
    List<Integer> order = paste.lines().stream().map(PreparedLine::order).toList();
    assertEquals(List.of(PreparedLine.RANK_UNMARKED + 1, PreparedLine.ORDER_INFO_FAILING, PreparedLine.RANK_INFO_ERROR + 1,
        PreparedLine.ORDER_INFO_FAILING, PreparedLine.ORDER_INFO_FAILING, PreparedLine.RANK_WARNING, PreparedLine.RANK_ORDINARY + 1), order);
    assertTrue(PreparedLine.RANK_WARNING < PreparedLine.ORDER_INFO_FAILING && PreparedLine.ORDER_INFO_FAILING < PreparedLine.RANK_UNMARKED + 1);
    assertEquals(PreparedLine.RANK_INFO_ERROR, paste.lines().get(1).rank(), "the line's evidence still counts as an INFO line's");
  }
  /**
   * What a log shipper, a process manager or another logger puts in front of Triton's own lines is
   * stripped and the line keeps its level (as it does in Triton's own ISO 8601 format, where the
   * level is a word after the time): journald and syslog, dmesg, Python's logging, vLLM's
   * logger, Ray's worker prefix, and any prefix not known at all before a glog header (stern's pod
   * and container, RFC 5424, logfmt). Read as unmarked, a journal's INFO lines with an error word
   * ranked with its errors, and a failure buried in 2,000 lines of one was found first in 64% of
   * the shipped cases instead of all.
   */
  @Test
  void aLineKeepsItsLevelBehindTheToolsThatCarriedIt() {
    String glog = "E1206 10:00:00.123456 1 server.cc:1] failed to load 'm'";
    List<String> wrapped = List.of(
        "Dec 06 10:00:00 gpu-node-3 tritonserver[2211]: " + glog,
        "Dec  6 10:00:00 gpu-node-3 docker/abc123[999]: " + glog,
        "Fri 2024-12-06 10:00:00 UTC gpu-node-3 tritonserver[2211]: " + glog,
        "2024-12-06T10:00:00.123456+00:00 gpu-node-3 tritonserver[2211]: " + glog,
        "(ServeReplica:default:Triton pid=1234, ip=10.0.0.3) " + glog,
        "triton-0 tritonserver " + glog,
        "<3>1 2024-12-06T10:00:00Z host triton 1 - - " + glog,
        "time=\"2024-12-06T10:00:00Z\" level=info msg=\"" + glog);
    for (String line : wrapped) {
      PreparedLine l = Paste.prepare(line, RULES).lines().get(0);
      assertEquals("error", l.level(), line);
      assertTrue(l.text().startsWith("failed to load 'm'"), l::text);
    }
    // ONNX Runtime's own logger, as Triton's ONNX backend prints it.
    for (String[] ort : new String[][] {
        {"error", "2024-02-13 01:47:22.518230114 [E:onnxruntime:log, cuda_call.cc:116 CudaCall] CUDA failure 700: an illegal memory access"},
        {"warning", "2024-02-13 01:47:22.5 [W:onnxruntime:, session_state.cc:1166 VerifyEachNodeIsAssignedToAnEp] Some nodes were not assigned"}}) {
      PreparedLine l = Paste.prepare(ort[1], RULES).lines().get(0);
      assertEquals(ort[0], l.level(), ort[1]);
      assertTrue(l.text().startsWith("CUDA failure") || l.text().startsWith("Some nodes"), l::text);
    }
    PreparedLine iso = Paste.prepare("2024-12-06T10:00:00Z W 1 pinned_memory_manager.cc:271] Unable to allocate pinned memory", RULES)
        .lines().get(0);
    assertEquals(List.of("warning", "Unable to allocate pinned memory"), List.of(iso.level(), iso.text()), "--log-format=ISO8601");
    PreparedLine vllm = Paste.prepare("WARNING 12-16 10:12:37 [config.py:216] max_model_len is too large", RULES).lines().get(0);
    assertEquals(List.of("warning", "max_model_len is too large"), List.of(vllm.level(), vllm.text()));
    PreparedLine python = Paste.prepare("2024-12-06 10:00:00,123 - client - ERROR - request failed", RULES).lines().get(0);
    assertEquals(List.of("error", "request failed"), List.of(python.level(), python.text()));
    PreparedLine kernel = Paste.prepare("Dec  6 10:00:00 gpu-node-3 kernel: Out of memory: Killed process 2211 (tritonserver)", RULES)
        .lines().get(0);
    assertTrue(kernel.text().startsWith("Out of memory"), kernel::text);
    PreparedLine dmesg = Paste.prepare("[  123.456789] NVRM: Xid (PCI:0000:3b:00): 79, GPU has fallen off the bus.", RULES).lines().get(0);
    assertTrue(dmesg.text().startsWith("NVRM: Xid"), dmesg::text);
    // A header quoted inside a line that has its own level is the message's, not a prefix.
    PreparedLine quoted = Paste.prepare(glog + " after \"I1206 10:00:00.1 1 x.cc:1] inner\"", RULES).lines().get(0);
    assertTrue(quoted.text().endsWith("x.cc:1] inner\""), quoted::text);
  }
}
