package dev.errata.eval;

import dev.errata.match.Matcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The quality floors over the shipped knowledge base and its evaluation set (held-out pastes
 * included): top-1 at least 0.95, false confident matches at most 0.05; and the same pastes
 * buried in whole logs.
 */
class EvaluationTest {
  private static final Path CASES = Path.of("src/test/resources/eval");

  @Test
  void meetsTheFloorsOnTheShippedKnowledgeBase() {
    assertFloors(measured("errata", Evaluation.load(CASES)), 0.95, 0.05);
  }

  /**
   * The blind set (eval/README.md): for every English entry a whole log and a short copy, written
   * from the entries' titles and public reports without sight of the entries or the matcher.
   * Top-1 at least 0.97, false confident matches at most 0.05.
   */
  @Test
  void meetsTheFloorsOnTheBlindSet() {
    assertFloorsOf("blind", 200);
  }

  /**
   * The near misses (eval/README.md): pastes that resemble an entry's failure but are another, and
   * failures no entry covers, written blind; the second set whole logs, more than half of them
   * JSON records from log collectors. False confident matches at most 0.05; the few that turned
   * out to be an entry's own failure are found first.
   */
  @Test
  void isRarelyConfidentOnNearMisses() {
    assertFloorsOf("nearmiss", 90);
    assertFloorsOf("nearmiss2", 40);
  }

  /**
   * Pastes in the shapes people send besides logs (eval/README.md, "Other shapes"): GitHub issue
   * bodies, chat threads, terminal copies wrapped at their width, kubectl describe with the
   * previous log, CI jobs, docker compose, a client's traceback or HTTP body, journald; written
   * blind. Top-1 at least 0.97, false confident matches at most 0.05.
   */
  @Test
  void meetsTheFloorsOnPastesInOtherShapes() {
    assertFloorsOf("shapes", 110);
  }

  /**
   * The set in {@code folder} of the evaluation pastes, at least {@code atLeast} pastes: top-1 at
   * least 0.97, false confident matches at most 0.05.
   */
  private static void assertFloorsOf(String folder, int atLeast) {
    List<Evaluation.Case> cases = Evaluation.load(CASES.resolve(folder));
    assertTrue(cases.size() >= atLeast, folder + " pastes: " + cases.size());
    assertFloors(measured(folder, cases), 0.97, 0.05);
  }

  /**
   * The set in {@code folder}, at least {@code atLeast} pastes: top-1 at least {@code top1}, at
   * most {@code falseConfident} of its uncovered pastes answered with confidence, and at least
   * {@code confident} of its pastes answered right and confidently.
   */
  private static Evaluation.Figures assertSet(String folder, int atLeast, double top1, double falseConfident, double confident) {
    List<Evaluation.Case> cases = Evaluation.load(CASES.resolve(folder));
    assertTrue(cases.size() >= atLeast, folder + " pastes: " + cases.size());
    Evaluation.Figures f = measured(folder, cases);
    assertFloors(f, top1, falseConfident);
    assertTrue(f.confidentCorrect() >= confident * f.cases(), f.line() + "\n" + String.join("\n", f.misses()));
    return f;
  }

  /**
   * The blind set as a terminal that wraps at 80 and at 100 columns hands it over, each line cut
   * into lines of the width, inside words or not: top-1 at least 0.97, and at least nine in ten
   * of the right answers still confident (read as one line, a wrapped message is matched word
   * for word).
   */
  @Test
  void findsTheBlindSetWrappedByATerminal() {
    assertConfidentFloorsOf("blind", 200, 80, 100);
  }

  /**
   * Whole logs as users send them (eval/README.md, "Long logs"), written blind: 250 to 1,500
   * lines of a real run's noise around one failure, some with colour codes, CRLF line ends,
   * one-line JSON thousands of characters long or the error repeated by retries; as written and
   * wrapped by an 80-column terminal. Top-1 at least 0.97, nine in ten of the right answers
   * confident, false confident matches at most 0.05.
   */
  @Test
  void findsTheFailureInWholeLogs() {
    assertConfidentFloorsOf("long", 120, 0, 80);
  }

  /**
   * Whole logs in the wrappers collectors and chats hand over (eval/README.md, "Fresh logs"),
   * written blind: kubectl with timestamps, stern's interleaved pods, JSON records exported from
   * Loki, Elastic and Azure, issues and chat messages, journald and compose with colour codes,
   * client tracebacks, CI jobs; as written and wrapped by an 80-column terminal. Top-1 at least
   * 0.97 and nine in ten of the right answers confident. At most one of its eleven logs of no
   * entry's failure answered confidently (twelve until an entry covered a GPU's illegal memory
   * access): a sidecar's liveness kill, which Kubernetes words as it words Triton's, matches the
   * probes entry's symptom word for word (the README says why it stays).
   */
  @Test
  void findsTheFailureInLogsAsCollectorsAndChatsHandThemOver() {
    List<Evaluation.Case> all = Evaluation.load(CASES.resolve("fresh"));
    assertTrue(all.size() >= 119, "fresh pastes: " + all.size());
    for (int width : new int[] {0, 80}) {
      List<Evaluation.Case> cases = width == 0 ? all : all.stream()
          .map(c -> new Evaluation.Case(c.expected(), c.file(), wrapped(c.text(), width), c.holdout())).toList();
      Evaluation.Figures f = measured("fresh" + (width == 0 ? "" : " wrapped at " + width), cases);
      assertFloors(f, 0.97, 1.0 / 11);
      assertTrue(f.confidentCorrect() >= 0.9 * f.cases(), f.line() + "\n" + String.join("\n", f.misses()));
    }
  }

  /**
   * What an interactive terminal shows (eval/README.md, "Triton's tables at a terminal's width"),
   * written blind: Triton's tables printed for 80 to 237 columns, a long status cut mid-word over
   * rows or broken by its own line breaks, often the model table alone. Top-1 1.000 and every
   * right answer confident (0.860 and 0.754 when a row was read as a line; 0.965 and 0.965 until
   * a row's {@code UNAVAILABLE: <reason>} was also read as the log's "failed to load" line, which
   * two entries' symptoms are written as).
   * None of its eight logs of a failure no entry names is answered confidently: four were, by
   * the summary "failed to load all models", before a downstream answer after a failure of its
   * own stopped being confident (Matcher.unexplained).
   */
  @Test
  void findsTheFailureInTritonsTablesAsATerminalPrintedThem() {
    assertSet("tables", 65, 0.99, 0, 0.99);
  }

  /**
   * Pastes of people who write in Chinese, Japanese, Korean, Russian, German, Spanish or
   * Portuguese around the log, and of hosts whose locale translated the tools' messages
   * (eval/README.md, "Other languages and locales"), written blind: top-1 at least 0.95, nine in
   * ten of the right answers confident, none of the eleven of no entry's failure confident.
   */
  @Test
  void findsTheFailureAroundOtherLanguages() {
    assertSet("localized", 75, 0.95, 0, 0.9);
  }

  /**
   * What log platforms export and their web tables copy (eval/README.md, "Exports from log
   * platforms"), written blind: CSV with doubled quotes over Triton's own escapes, tab-separated
   * table copies, text downloads, spreadsheets; most newest first. Top-1 at least 0.97, nine in
   * ten confident, none of the ten uncovered confident (0.824 when a newest-first paste showed
   * the server's summary, its last line, first).
   */
  @Test
  void findsTheFailureInExportsOfLogPlatforms() {
    assertSet("exports", 61, 0.97, 0, 0.9);
  }

  /**
   * Kubernetes and operator objects that carry an error (eval/README.md, "Kubernetes and operator
   * objects"), written blind: a pod's termination message in kubectl's YAML and JSON, KServe's
   * status, events tables. Held where it stands (top-1 0.900, confident and right 0.900; 0.767 and
   * 0.733 at first), below the other sets for the reasons the README gives, so that it cannot
   * fall unseen.
   */
  @Test
  void findsTheFailureInKubernetesObjects() {
    assertSet("objects", 35, 0.9, 0, 0.9);
  }

  /**
   * Pastes their senders edited by hand (eval/README.md, "Pastes edited by hand"), written blind:
   * names redacted, parts cut out, the sender's own remarks, forum and Markdown quoting, line
   * numbers, and text read back from screenshots. Every labelled paste right first and none of
   * the ten uncovered confident; nine in ten right answers confident (0.880 while look-alike
   * letters in a screenshot's text, "lnternal", "unab1e", counted as other words).
   */
  @Test
  void findsTheFailureInPastesEditedByHand() {
    assertSet("edited", 60, 1.0, 0, 0.9);
  }

  /**
   * Whole logs as the tools that collect them hand them over (eval/README.md, "Logs as they are
   * collected"), written blind: journald, stern, mpirun's rank tags, a Slurm job's output, Ray,
   * log platforms' exports, several Compose services interleaved, Triton's ISO 8601 format, a
   * client application's own logging. Every labelled log right first, none of the eight
   * uncovered confident, at least 0.95 of the right answers confident.
   */
  @Test
  void findsTheFailureInLogsAsTheyAreCollected() {
    assertSet("collected", 48, 1.0, 0, 0.95);
  }

  /**
   * Crashes and kills (eval/README.md, "Crashes and kills"), written blind after the lines that
   * report a failure wherever they stand were added: a segfault, an abort, an OOM kill, a GPU's
   * Xid or a failed image pull, then probes and clients failing because of it; and titled
   * failures with a SIGTERM or Ctrl-C around them. Every labelled log right first; none of the
   * sixteen uncovered roots answered confidently (five with the jar before those lines, two before
   * an answer that stands only on warnings stopped being confident beside a crash: a CPU-only
   * pod's driver banner, the power limit a dying GPU no longer reports).
   */
  @Test
  void findsTheCrashBeforeWhatFollowsFromIt() {
    assertSet("crashes", 30, 1.0, 0, 0.92);
  }

  /**
   * Verbose logs (eval/README.md, "Verbose logs"), written blind: whole logs at
   * {@code --log-verbose=1} with configuration dumps naming other entries' words, request traces
   * and startup tables, 18 labelled and 10 uncovered. First run: top-1 0.944, no false confident
   * (1/10 with the jar before a known warning beside a crash stopped being confident); the miss was
   * a client's {@code HTTP 500 {"error": ...}} whose traceback is one line of escaped line breaks,
   * read since as its lines ({@code LogRecord.trailing}).
   */
  @Test
  void findsTheFailureInVerboseLogs() {
    assertSet("verbose", 28, 1.0, 0, 0.95);
  }

  /**
   * Forwarded pastes (eval/README.md, "Forwarded pastes"), written blind: logs inside the Slack
   * threads, e-mail replies, tickets, GitHub issues and alerts they reached the sender in, with
   * people's wrong guesses beside them. First run: top-1 0.882, confident and right 0.882, false
   * confident 1/9 (a memory pool's fallback warning beside PyTorch's own out-of-memory error, no
   * longer confident since). The two misses ranked a known warning's entry above the right one;
   * with answers that stand only on warnings listed last, top-1 1.000.
   */
  @Test
  void findsTheFailureInForwardedPastes() {
    assertSet("forwarded", 26, 1.0, 0, 0.95);
  }

  /**
   * Load tests (eval/README.md, "Load tests"), written blind: perf_analyzer, genai-perf,
   * model-analyzer, locust, k6, hey and wrk outputs, metrics and alerts, the error often only in a
   * load tool's own failure table. First run: top-1 0.933, no false confident; the miss is two
   * known warnings in one log (a CPU-only pod's driver banner and DCGM's), the first shown first.
   */
  @Test
  void findsTheFailureInLoadTests() {
    assertSet("loadtests", 24, 0.93, 0, 0.93);
  }

  /**
   * Clients (eval/README.md, "What clients print"), written blind: what a client printed when
   * the server refused it, in notebooks, scripts, services' own logs, Go, Java and Node.js
   * clients, curl and LangChain, the server's message quoted inside the client's exception.
   * First run: top-1 1.000, every labelled paste confident, one uncovered paste confident (the
   * SDK image's driver banner, which the driver entry now explains: moved to it).
   */
  @Test
  void findsTheFailureInWhatClientsPrint() {
    assertSet("clients", 26, 1.0, 0, 0.95);
  }

  /**
   * Managed platforms (eval/README.md, "Managed platforms"), written blind: SageMaker, Vertex AI,
   * KServe, Azure ML, Seldon, Ray Serve, BentoML, NIM and Argo CD around Triton's log. First
   * run: top-1 0.882, false confident 4/7; warnings listed last and a pod the scheduler cannot
   * place counted as a failure: 0.941, 3/7; a cause an entry names (follows_from) listed before
   * what it causes: 1.000. The three false ones left are a known error or warning beside a
   * failure no entry knows, which the lines alone do not tell apart.
   */
  @Test
  void findsTheFailureUnderManagedPlatforms() {
    assertSet("platforms", 24, 1.0, 0.43, 0.95);
  }

  /**
   * Bug reports (eval/README.md, "Bug reports"), written blind: issue templates and tickets
   * filled in, the error among nvidia-smi tables, pip lists, configs and repository trees.
   * First run: top-1 0.941, false confident 2/7 (known warnings in healthy logs of reports that
   * ask about something else).
   */
  @Test
  void findsTheFailureInBugReports() {
    assertSet("reports", 24, 0.94, 0.29, 0.94);
  }

  /**
   * Wrappers (eval/README.md, "Tools that wrap Triton"), written blind: PyTriton, the in-process
   * Python API, the Triton CLI, Model Navigator, TensorRT-LLM's and NeMo's launch scripts, shell
   * traces, pytest and systemd around Triton's lines. First run: top-1 0.941 (an error the sender
   * told of above the log, yesterday's, came first: now listed after the log's own), false
   * confident 1/7 (a missing config.pbtxt after an import that failed for a reason no entry knows).
   */
  @Test
  void findsTheFailureInsideToolsThatWrapTriton() {
    assertSet("wrappers", 24, 1.0, 0.15, 0.95);
  }

  /**
   * Comparisons (eval/README.md, "A working run beside a failing one"), written blind: two runs
   * pasted together, one after the other, as `diff -u`, side by side, in CI or in two pods.
   * First run: top-1 0.941, false confident 3/7 (2/7 once an image for another CPU counts as a
   * container that never started; 2/6 since one of the seven has an entry, 2/5 since the image for
   * another CPU has one too). The miss is `diff -y`'s two columns, the decisive line cut at the
   * column's width.
   */
  @Test
  void findsTheFailureOfAFailingRunBesideAWorkingOne() {
    assertSet("comparisons", 24, 0.94, 0.40, 0.94);
  }

  /**
   * Images (eval/README.md, "Building the image, then running it"), written blind: docker build,
   * BuildKit, Kaniko, conda-pack, CI pipelines and build scripts before the run that fails. First
   * run: top-1 1.000, confident and right 1.000, false confident 2/8 (a container started without
   * GPUs in a healthy smoke test, the power-limit warning in a green CI run).
   */
  @Test
  void findsTheFailureAfterTheImageIsBuilt() {
    assertSet("images", 24, 1.0, 0.25, 0.95);
  }

  /**
   * Hosts (eval/README.md, "What the machine says"), written blind: nvidia-smi, dmesg's Xid lines,
   * the container toolkit, device plugins, MIG layouts and shared memory around a few of Triton's
   * lines. First run: top-1 1.000, confident and right 1.000, false confident 4/7 (a known warning
   * or downstream line beside a hardware fault no entry knows).
   */
  @Test
  void findsTheFailureAmongTheHostsOwnOutput() {
    assertSet("hosts", 24, 1.0, 0.58, 0.95);
  }

  /**
   * Sessions (eval/README.md, "A terminal session with several attempts"), written blind: prompts,
   * commands and their output, an attempt that failed on something else before the one asked
   * about. First run: top-1 0.778 (the earlier attempt's error came first); 1.000 once an error
   * shown before its command runs again, failing otherwise, is listed after the run again's. Every
   * uncovered session is still answered confidently (7/7): the earlier attempt's error, fixed.
   */
  @Test
  void findsTheFailureTheSenderIsStillStuckOn() {
    assertSet("sessions", 24, 1.0, 1.0, 0.95);
  }

  /**
   * Code (eval/README.md, "The sender's code beside the error"), written blind: model.py, client
   * scripts in Python, Go and Java, configs, Dockerfiles, manifests and diffs around the log. First
   * run: top-1 0.889 (a client's connection error before the port's own; a quoted decoupled error
   * in a diff), false confident 1/7 (a retry helper's list of error strings in a code review).
   */
  @Test
  void findsTheFailureBesideTheSendersCode() {
    assertSet("code", 24, 0.88, 0.15, 0.88);
  }

  /**
   * Mangled (eval/README.md, "Pastes damaged on the way"), written blind: lines joined into one,
   * escaped line breaks, HTML entities, quoted-printable, PDF copies, wiki exports, tmux panes that
   * cut lines. First run: top-1 0.833 (pytest's repr of a whole log as one string; read as its
   * lines now: 0.889; 1.000 with lines held apart by {@code <br>} read as lines, and a table's
   * lines a pane cut at its width not joined as if wrapped); confident and right 0.611 (0.778 with
   * quoted-printable read as the text it encodes; 0.889 with those two), false confident 0/7.
   */
  @Test
  void findsTheFailureInPastesDamagedOnTheWay() {
    assertSet("mangled", 24, 0.99, 0.0, 0.88);
  }

  /**
   * Cascades (eval/README.md, "Cascades"), written blind: one root failure and what it causes
   * downstream (an ensemble without its model, the server's summary, a client that cannot
   * connect, a pod restarted), labelled with the root. Top-1 at least 0.95 (0.689 before entries
   * could say that their error follows from others, 0.911 before a sender's question above the
   * log decided between two models' failures); at most two of the ten uncovered roots
   * answered confidently (nine before a downstream answer after a failure of its own stopped
   * being confident, four before a crash or a failed image pull counted wherever it stands, two
   * before a warning's answer beside an out-of-memory kill stopped being confident). The one left
   * is a client's deadline after a model's own error, which may well be a second failure.
   */
  @Test
  void findsTheRootOfACascade() {
    assertSet("cascades", 55, 0.95, 0.1, 0.95);
  }

  /**
   * Support bundles (eval/README.md, "Support bundles"), written blind: nvidia-smi, pip freeze,
   * env, configs, dmesg and the server's log in one paste, as written and as 80- and 100-column
   * terminals wrap them. First run: every answer right and confident as written; wrapped, 0.917
   * and 0.958, a message its program printed over two lines and the terminal cut again not read
   * on from its first line into its second.
   */
  @Test
  void findsTheFailureInSupportBundles() {
    assertSet("bundles", 31, 0.97, 0.0, 0.95);
    assertConfidentFloorsOf("bundles", 31, 80, 100);
  }

  /**
   * Failures during serving (eval/README.md, "Incidents during serving"), written blind: hours of
   * traffic, probes and client logs around a run-time failure, as written and wrapped at 80 and
   * 100 columns. First run: every answer right and confident, none of the seven uncovered ones.
   */
  @Test
  void findsTheFailureInIncidentsDuringServing() {
    assertSet("incidents", 27, 0.97, 0.0, 0.95);
    assertConfidentFloorsOf("incidents", 27, 80, 100);
  }

  /**
   * Text read from screenshots (eval/README.md, "Text read from screenshots"), written blind:
   * terminals, log panels, notebooks and phone photos through Live Text, Snipping Tool, Lens and
   * tesseract, with the letters they confuse, underscores lost and lines broken or interleaved.
   * First run: top-1 0.955, confident and right 0.773 (TensorRT's glued plugin message, which the
   * entry did not list, and short words read alike: "bui1t", "NurnPy"); 1.000 and 0.909 since.
   */
  @Test
  void findsTheFailureInTextReadFromScreenshots() {
    assertSet("ocr", 29, 0.97, 0.0, 0.88);
  }

  /**
   * Sent from a phone (eval/README.md, "Sent from a phone"), written blind: Slack, Teams and Gmail
   * apps, alerts and messages typed again by thumb, with autocorrect, smart punctuation, the apps'
   * own lines and messages broken at spaces into lines of about 40 characters. First run: top-1
   * 1.000, confident and right 0.800; 0.900 once a message is read on past the next line.
   */
  @Test
  void findsTheFailureSentFromAPhone() {
    assertSet("phone", 26, 0.97, 0.0, 0.85);
  }

  /**
   * Held out (eval/README.md, "Held out: screenshots and phones"): 15 pastes in the shapes of the
   * two sets above, written blind after the changes they led to and never tuned on. First run:
   * top-1 0.917, confident and right 0.583 (the jar of the session's start: 0.917 and 0.333).
   */
  @Test
  void findsTheFailureInHeldOutScreenshotsAndPhones() {
    assertSet("heldout-mobile", 15, 0.9, 0.0, 0.55);
  }

  /**
   * Held out (eval/README.md, "Held out: what users send"): 32 pastes of many shapes written blind
   * and never tuned on. First run (c093cbd): every labelled paste right and confident; one of the
   * eight uncovered answered confidently, a DCGM warning the sender asks about beside a failure
   * no entry names.
   */
  @Test
  void findsTheFailureInHeldOutPastesOfManyShapes() {
    assertSet("heldout-mixed", 32, 0.95, 0.15, 0.9);
  }

  /**
   * Logs that users really pasted into GitHub issues (eval/README.md, "Pasted in issues"), copied
   * as they were by helpers who saw only the entries' titles: 182 labelled, 19 that no entry
   * covers. First runs: top-1 0.926 and 1.000 on the first batch's two halves (85 and 29 logs),
   * 1.000 on the second (50), 0.778 on the third (9); the first batch's three misses were
   * messages older releases printed, which the entries now list. Eight uncovered logs became
   * seven new entries' (with 28 more logs for them), so the one false confident answer left, the
   * same paste since the first run, is 1 of 19 (1 of 18 since the next ten entries, whose 39 logs
   * from threads found by a survey include pastes cut by the issue's formatting, so that right
   * and confident is 0.968).
   */
  @Test
  void findsTheFailureInLogsPastedInIssues() {
    assertSet("issues", 210, 0.98, 0.06, 0.96);
  }

  /**
   * The same logs cut by a terminal at 80 and 100 columns. Most are a few lines, and a few lines
   * are often cut inside words only, with no space at any cut to show the width: read as the
   * lines they were once three lines of one length, starting differently, make a third of the
   * paste (137 logs at 80 columns: top-1 0.978 -> 0.985, confident and right 0.927 -> 0.956; of
   * 182 now, 0.984 and 0.951 at 80 columns): top-1 at least 0.975 and 0.94 right and confident.
   */
  @Test
  void findsTheLogsPastedInIssuesWrappedByATerminal() {
    assertWrappedFloorsOf("issues", 180, 0.975, 0.06, 80, 100);
  }

  /**
   * The three logs of that set whose error is inside structured JSON records a few hundred to
   * two thousand characters long (Elastic, Loki, Azure): read whole, the symptom was too small a
   * share of the record to be aligned, and none was found confidently; read as the records'
   * values, each is found first and confident.
   */
  @Test
  void findsTheErrorInsideStructuredRecords() {
    List<Evaluation.Case> cases = Evaluation.load(CASES.resolve("fresh")).stream()
        .filter(c -> List.of("inference-input-datatype-mismatch", "onnxruntime-opset-newer-than-supported",
            "pytorch-torchscript-tensors-on-different-devices").contains(c.expected())).toList();
    assertEquals(3, cases.size());
    Evaluation.Figures f = measured("structured records", cases);
    assertEquals(3, f.confidentCorrect(), f.line() + "\n" + String.join("\n", f.misses()));
  }

  /**
   * The blind set's short pastes typed again by hand, one word of six letters or more with a slip
   * inside it (two letters swapped, one dropped or changed; drawn with a fixed seed): top-1 at
   * least 0.97 and nine in ten of the right answers still confident. Without slips forgiven,
   * 0.557 were (eval/README.md, "Typed again").
   */
  @Test
  void findsTheBlindPastesTypedAgainWithASlip() {
    java.util.Random random = new java.util.Random(11);
    List<Evaluation.Case> cases = Evaluation.load(CASES.resolve("blind")).stream()
        .filter(c -> c.expected().equals("_none") || c.file().getFileName().toString().equals("short.txt"))
        .map(c -> new Evaluation.Case(c.expected(), c.file(), misspelt(c.text(), random), c.holdout())).toList();
    assertTrue(cases.size() >= 110, "short pastes: " + cases.size());
    Evaluation.Figures f = measured("typed again", cases);
    assertFloors(f, 0.97, 0.05);
    assertTrue(f.confidentCorrect() >= 0.9 * f.cases(), f.line() + "\n" + String.join("\n", f.misses()));
  }

  /** The text with one of its words of six letters or more misspelt inside (not at its first or last letter). */
  private static String misspelt(String text, java.util.Random random) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z]{6,}").matcher(text);
    List<int[]> words = new java.util.ArrayList<>();
    while (m.find()) {
      words.add(new int[] {m.start(), m.end()});
    }
    if (words.isEmpty()) {
      return text;
    }
    int[] w = words.get(random.nextInt(words.size()));
    String word = text.substring(w[0], w[1]);
    int i = 1 + random.nextInt(word.length() - 3);
    String slip = switch (random.nextInt(3)) {
      case 0 -> word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
      case 1 -> word.substring(0, i) + word.substring(i + 1);
      default -> word.substring(0, i) + (char) ('a' + random.nextInt(26)) + word.substring(i + 1);
    };
    return text.substring(0, w[0]) + slip + text.substring(w[1]);
  }

  /**
   * The set in {@code folder}, at least {@code atLeast} pastes, as written (width 0) or with each
   * line cut at each of {@code widths}: top-1 at least 0.97, at least nine in ten of the right
   * answers confident, false confident matches at most 0.05.
   */
  private static void assertConfidentFloorsOf(String folder, int atLeast, int... widths) {
    assertWrappedFloorsOf(folder, atLeast, 0.985, 0.05, widths);
  }

  /** As {@link #assertConfidentFloorsOf}, with top-1 at least {@code top1}. */
  private static void assertWrappedFloorsOf(String folder, int atLeast, double top1, double falseConfident, int... widths) {
    List<Evaluation.Case> all = Evaluation.load(CASES.resolve(folder));
    assertTrue(all.size() >= atLeast, folder + " pastes: " + all.size());
    for (int width : widths) {
      List<Evaluation.Case> cases = width == 0 ? all : all.stream()
          .map(c -> new Evaluation.Case(c.expected(), c.file(), wrapped(c.text(), width), c.holdout())).toList();
      Evaluation.Figures f = measured(folder + (width == 0 ? "" : " wrapped at " + width), cases);
      assertFloors(f, top1, falseConfident);
      assertTrue(f.confidentCorrect() >= 0.94 * f.cases(), f.line() + "\n" + String.join("\n", f.misses()));
    }
  }

  /**
   * The blind set and the long logs wrapped at 80 columns under the sender's question typed in a
   * chat, a line longer than the terminal's width: top-1 at least 0.985 and 0.94 of the answers
   * right and confident (blind 0.991 and 0.948, long logs 1.000 and 0.991). Before a width other
   * than the longest lines' was taken: blind 0.981 and 0.906, long logs 0.981 and 0.916.
   */
  @Test
  void findsWrappedLogsUnderTheSendersLongerLine() {
    String note = "hey, this started after we moved the deployment to the new node pool last night and I cannot figure out "
        + "what changed, the same image works on the old nodes. copying the log from my terminal below, sorry it's long:\n\n";
    for (String folder : List.of("blind", "long")) {
      List<Evaluation.Case> cases = Evaluation.load(CASES.resolve(folder)).stream()
          .map(c -> new Evaluation.Case(c.expected(), c.file(), note + wrapped(c.text(), 80), c.holdout())).toList();
      Evaluation.Figures f = measured(folder + " wrapped at 80 under a note", cases);
      assertFloors(f, 0.985, 0.05);
      assertTrue(f.confidentCorrect() >= 0.94 * f.cases(), f.line() + "\n" + String.join("\n", f.misses()));
    }
  }

  /**
   * The blind set and the long logs wrapped at 80 columns by a copy that dropped each line's
   * trailing spaces (a web or serial console, text read from a screenshot): top-1 at least 0.98 and
   * 0.96 of the answers right and confident (blind 0.991 and 0.967, long logs 1.000 and 0.991).
   * Before a line one short of the width was read on: blind 0.986 and 0.915, long logs 1.000 and
   * 0.981; before a line was read back into the one before: blind 0.986 and 0.939.
   */
  @Test
  void findsWrappedLogsThatLostTheirTrailingSpaces() {
    for (String folder : List.of("blind", "long")) {
      List<Evaluation.Case> cases = Evaluation.load(CASES.resolve(folder)).stream()
          .map(c -> new Evaluation.Case(c.expected(), c.file(), wrapped(c.text(), 80).lines().map(String::stripTrailing)
              .collect(java.util.stream.Collectors.joining("\n")), c.holdout())).toList();
      Evaluation.Figures f = measured(folder + " wrapped at 80 without trailing spaces", cases);
      assertFloors(f, 0.98, 0.05);
      assertTrue(f.confidentCorrect() >= 0.96 * f.cases(), f.line() + "\n" + String.join("\n", f.misses()));
    }
  }

  /** The text with each line cut into lines of {@code width} characters, as a terminal shows it. */
  private static String wrapped(String text, int width) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      for (int i = width; i < line.length(); i += width) {
        out.append(line, i - width, i).append('\n');
      }
      out.append(line.substring(Math.max(0, ((Math.max(0, line.length() - 1)) / width) * width)));
    }
    return out.toString();
  }

  /**
   * Words typed into the search box (eval/README.md, "Typed words"), written blind: two per
   * entry, a short and a longer one, and twelve about failures no entry covers. Answered as the
   * search box answers them, the right entry first at least 0.73 of the time and among the first
   * three at least 0.90 (0.741 and 0.896 before {@code matching.yml} had synonyms; 0.769 before
   * six entries about neighbouring failures came, which took the first place of four queries,
   * and whose own twelve queries were first in seven: 0.746; 0.748 -> 0.732 when ten entries came
   * on 2026-12-08, which took the first place of nine older queries, several of them fairly: "plan
   * built for batch 1 but config uses 16" finds the entry for an engine's optimization profile,
   * and whose own twenty queries were first in seventeen).
   */
  @Test
  void answersTypedWordsAsTheSearchBoxDoes() {
    assertTyped("typed/queries.tsv", 240, 0.73, 0.90);
  }

  /**
   * The titles of GitHub issues about the failures the entries name (eval/README.md, "Issue
   * titles"): what people really typed about them, vague ones included ("run tritonserver
   * failed"). First run: top-1 0.646, recall@3 0.783, against plain BM25's 0.621 and 0.758.
   */
  @Test
  void answersIssueTitlesAsTheSearchBoxDoes() {
    assertTyped("typed/issue-titles.tsv", 185, 0.64, 0.77);
  }

  /** The queries of {@code file}, answered as the search box answers typed words: top-1 and recall@3 at least as given. */
  private static void assertTyped(String file, int atLeast, double top1, double recall3) {
    var workspace = Workspace.of(Path.of("content"), null);
    Matcher matcher = workspace.matcher();
    var kb = workspace.knowledgeBase();
    var rules = dev.errata.text.Rules.forContent(kb.matching());
    var box = Evaluation.searchBox(t -> matcher.match(t, Matcher.Options.defaults()),
        workspace.words(dev.errata.search.WordIndex.Weights.SEARCH), dev.errata.match.MatchIndex.infos(kb), rules);
    List<Evaluation.Case> typed = Evaluation.loadQueries(CASES.resolve(file));
    assertTrue(typed.size() >= atLeast, file + " queries: " + typed.size());
    Evaluation.Figures f = Evaluation.measure(file, typed, box);
    String why = f.line() + "\n" + String.join("\n", f.misses());
    assertTrue(f.top1() >= top1, why);
    assertTrue(f.recall3() >= recall3, why);
    assertTrue(f.falseConfidentRate() <= 0.05, why);
  }

  /** The pastes matched over the shipped content. */
  private static Evaluation.Figures measured(String name, List<Evaluation.Case> cases) {
    Matcher matcher = Workspace.of(Path.of("content"), null).matcher();
    return Evaluation.measure(name, cases, t -> matcher.match(t, Matcher.Options.defaults()));
  }

  /** Top-1 at least {@code top1}, and at most {@code falseConfident} of the no-entry pastes answered with confidence. */
  private static void assertFloors(Evaluation.Figures f, double top1, double falseConfident) {
    String why = f.line() + "\n" + String.join("\n", f.misses());
    assertTrue(f.top1() >= top1, why);
    assertTrue(f.falseConfidentRate() <= falseConfident, why);
  }

  /**
   * The same pastes buried in generated Triton logs of 200, 2,000 and 20,000 lines: top-1 at
   * least 0.97 and within 0.015 of the plain pastes' at every length, no more than 0.02 false
   * confident matches, and both failures of a two-failure log in the first three at least 0.95.
   * The generated logs come in every frame TritonLog knows, journald's and Triton's ISO 8601
   * format among them, so losing the prefix rules for those fails here (0.911 and 0.942 at
   * 20,000 lines). All pastes are found at every length now (eval/README.md, "INFO-level
   * failures and service managers' logs"); the margin of 0.015 dates from when four were not.
   */
  @Test
  void findsBuriedPastesAsWellAsPlainOnes() {
    var workspace = Workspace.of(Path.of("content"), null);
    Matcher matcher = workspace.matcher();
    List<Evaluation.Case> cases = Evaluation.load(CASES);
    java.util.function.Function<String, dev.errata.match.MatchReport> rank = t -> matcher.match(t, Matcher.Options.defaults());
    double plain = Evaluation.measure("plain", cases, rank).top1();
    Burial burial = new Burial(Burial.SEED, Burial.releasesOf(workspace.knowledgeBase()));
    for (int lines : Burial.LENGTHS) {
      Evaluation.Figures f = Evaluation.measure(lines + " lines", Evaluation.asCases(burial.bury(cases, lines)), rank);
      String why = f.line() + " (plain " + plain + ")\n" + String.join("\n", f.misses());
      assertTrue(f.top1() >= 0.97 && f.top1() >= plain - 0.015, why);
      assertTrue(f.falseConfidentRate() <= 0.02, why);
    }
    List<String> misses = new java.util.ArrayList<>();
    double both = Evaluation.bothInTopThree(burial.pairs(cases, Burial.PAIR_LENGTH, Burial.PAIRS), rank, misses);
    assertTrue(both >= 0.95, both + "\n" + String.join("\n", misses));
  }

  @Test
  void theLogGeneratorKnowsAtLeastFortyLineShapes() {
    assertTrue(TritonLog.shapeCount() >= 40, "shapes: " + TritonLog.shapeCount());
  }

  @Test
  void theSetHasThreePastesPerEntryAndTwentyWithoutOne() {
    var kb = dev.errata.site.SiteBuilder.check(Path.of("content"), false).knowledgeBase();
    Map<String, Integer> perEntry = new TreeMap<>();
    for (Evaluation.Case c : Evaluation.load(CASES)) {
      perEntry.merge(c.expected(), 1, Integer::sum);
    }
    assertTrue(perEntry.getOrDefault(Evaluation.NONE, 0) >= 20, "no-entry pastes: " + perEntry.get(Evaluation.NONE));
    for (var e : kb.entries()) {
      if (e.translationOf() == null) {
        assertTrue(perEntry.getOrDefault(e.id(), 0) >= 3, "pastes for " + e.id() + ": " + perEntry.get(e.id()));
      }
    }
    for (String id : perEntry.keySet()) {
      assertTrue(id.equals(Evaluation.NONE) || kb.find(id).isPresent(), "eval folder names no entry: " + id);
    }
    assertEquals(0, perEntry.keySet().stream().filter(String::isBlank).count());
  }
}
