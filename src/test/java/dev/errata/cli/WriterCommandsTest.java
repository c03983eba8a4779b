package dev.errata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The writer's loop: init, new, new --from-error, completion and suggestions, run as users run them. */
class WriterCommandsTest {
  @TempDir Path tmp;

  private Path init() {
    Path kb = tmp.resolve("kb");
    CliRun r = CliRun.of("init", kb.toString());
    assertEquals(0, r.code(), r.err());
    return kb.resolve("content");
  }

  private static CliRun check(Path content) {
    return CliRun.of("check", "--content", content.toString());
  }

  @Test
  void initWritesAKnowledgeBaseThatChecksAndBuildsCleanly() {
    Path content = init();
    Path kb = content.getParent();
    for (String f : List.of("content/site.yml", "content/vocabulary.yml", ".gitignore", ".github/workflows/errata.yml")) {
      assertTrue(Files.isRegularFile(kb.resolve(f)), f);
    }
    CliRun checked = check(content);
    assertEquals(0, checked.code(), checked.out() + checked.err());
    assertTrue(checked.out().contains("Checked 1 entry: 0 errors, 0 warnings."), checked.out());
    CliRun built = CliRun.of("build", "--content", content.toString(), "--templates", kb.resolve("templates").toString(),
        "--out", kb.resolve("site").toString());
    assertEquals(0, built.code(), built.out() + built.err());
    assertTrue(Files.isRegularFile(kb.resolve("site/entries/server-port-already-in-use.html")));
  }

  @Test
  void initWritesAGitlabJobWhoseCommandsExistOrNoneAtAll() throws IOException {
    Path kb = tmp.resolve("gl");
    CliRun r = CliRun.of("init", "--ci", "gitlab", kb.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(Files.isRegularFile(kb.resolve(".gitlab-ci.yml")));
    assertTrue(!Files.exists(kb.resolve(".github")), "one CI, the one asked for");
    String job = Files.readString(kb.resolve(".gitlab-ci.yml"));
    assertTrue(job.contains("codequality: gl-code-quality-report.json"), job);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("java -jar errata\\.jar ([a-z][^>|;)]*?)\\s*(?:>|\\|\\||;|\\)|$)",
        java.util.regex.Pattern.MULTILINE).matcher(job);
    List<String> runs = new java.util.ArrayList<>();
    while (m.find()) {
      runs.add(m.group(1).strip());
    }
    assertEquals(List.of("check --format gitlab", "check", "build"), runs);
    for (String run : runs) {
      List<String> args = new java.util.ArrayList<>(List.of(run.split(" ")));
      args.addAll(List.of("--content", kb.resolve("content").toString(), "--out", kb.resolve("site").toString()));
      CliRun ran = CliRun.of(args.toArray(String[]::new));
      assertEquals(0, ran.code(), run + ": " + ran.out() + ran.err());
    }
    Path none = tmp.resolve("none");
    assertEquals(0, CliRun.of("init", "--ci", "none", none.toString()).code());
    assertTrue(!Files.exists(none.resolve(".github")) && !Files.exists(none.resolve(".gitlab-ci.yml")));
    assertEquals(2, CliRun.of("init", "--ci", "jenkins", tmp.resolve("j").toString()).code());
  }

  @Test
  void theWorkflowInitWritesRunsCommandsThatExist() throws IOException {
    Path content = init();
    Path kb = content.getParent();
    List<String> runs = Files.readAllLines(kb.resolve(".github/workflows/errata.yml")).stream()
        .map(String::strip).filter(l -> l.startsWith("- run: java -jar errata.jar "))
        .map(l -> l.substring("- run: java -jar errata.jar ".length())).toList();
    assertEquals(List.of("check --format github", "build"), runs);
    for (String run : runs) {
      List<String> args = new java.util.ArrayList<>(List.of(run.split(" ")));
      args.addAll(List.of("--content", content.toString(), "--out", kb.resolve("site").toString()));
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertEquals(0, r.code(), run + ": " + r.out() + r.err());
    }
  }

  @Test
  void initRefusesAFolderThatIsNotEmpty() throws IOException {
    Files.writeString(tmp.resolve("notes.txt"), "mine");
    CliRun r = CliRun.of("init", tmp.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("is not empty"), r.err());
    assertEquals("mine", Files.readString(tmp.resolve("notes.txt")));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(1, s.count());
    }
  }

  @Test
  void newWritesASkeletonWithTodaysDatesInTheComponentFolderAndRefusesAnExistingId() throws IOException {
    Path content = init();
    CliRun r = CliRun.of("new", "gpu-not-visible", "--component", "python", "--content", content.toString());
    assertEquals(0, r.code(), r.err());
    Path file = content.resolve("python/gpu-not-visible.md");
    String text = Files.readString(file);
    assertTrue(text.contains("id: gpu-not-visible\n"), text);
    assertTrue(text.contains("published: " + LocalDate.now() + "\n"), text);
    assertTrue(text.contains("modified: " + LocalDate.now() + "\n"), text);
    for (String key : List.of("title:", "summary:", "lang:", "status:", "tags:", "components:", "symptoms:", "causes:", "fixes:")) {
      assertTrue(text.contains("\n" + key), key);
    }
    CliRun checked = check(content);
    assertEquals(0, checked.code(), checked.out());
    assertFalse(checked.out().contains("error:"), checked.out());

    CliRun again = CliRun.of("new", "gpu-not-visible", "--content", content.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("entry 'gpu-not-visible' exists"), again.err());
    CliRun sample = CliRun.of("new", "server-port-already-in-use", "--content", content.toString());
    assertEquals(2, sample.code(), "an id in another folder exists too");
    assertEquals(2, CliRun.of("new", "Not_Kebab", "--content", content.toString()).code());
  }

  /** Real-looking pastes: each draft, unedited, passes check and its example finds it first. */
  @ParameterizedTest
  @ValueSource(strings = {"triton-log.txt", "python-traceback.txt", "cuda-oom.txt", "kubectl-event.txt"})
  void aDraftFromAnErrorPassesCheckAndItsExampleFindsItFirst(String paste) throws IOException {
    Path content = init();
    Path file = Path.of("src/test/resources/drafts", paste);
    CliRun r = CliRun.of("new", "--from-error", "--file", file.toString(), "--content", content.toString(), "--site",
        tmp.resolve("no-site").toString());
    assertEquals(0, r.code(), r.err());
    assertFalse(r.err().contains("already matches"), r.err());
    Matcher written = Pattern.compile("wrote (\\S+)").matcher(r.out());
    assertTrue(written.find(), r.out());
    Path draft = Path.of(written.group(1));
    String id = draft.getFileName().toString().replace(".md", "");
    String text = Files.readString(draft);
    String pasted = Files.readString(file, StandardCharsets.UTF_8);
    String firstPasteLine = pasted.lines().findFirst().orElseThrow().strip();
    int examples = text.indexOf("examples:\n  match:\n    - ");
    assertTrue(examples > 0 && text.indexOf(firstPasteLine.replace("\"", "\\\"")) > examples, "the paste is the first example:\n" + text);
    assertTrue(Pattern.compile("\\{n\\}|\\{path\\}|\\{name\\}").matcher(text.substring(text.indexOf("symptoms:"))).find(),
        "varying parts became placeholders:\n" + text);

    CliRun checked = check(content);
    assertEquals(0, checked.code(), checked.out());
    assertFalse(checked.out().contains("error:"), checked.out());
    CliRun matched = CliRun.of("match", "--json", "--file", file.toString(), "--content", content.toString(), "--site",
        tmp.resolve("no-site").toString());
    assertEquals(0, matched.code(), matched.out());
    Matcher firstId = Pattern.compile("\"id\" : \"([^\"]+)\"").matcher(matched.out());
    assertTrue(firstId.find(), matched.out());
    assertEquals(id, firstId.group(1), matched.out());
  }

  @Test
  void aDraftChoosesTheErrorLineAndDropsItsLogPrefix() throws IOException {
    Path content = init();
    CliRun r = CliRun.of("new", "--from-error", "--file", "src/test/resources/drafts/triton-log.txt", "--content", content.toString(),
        "--site", tmp.resolve("no-site").toString());
    assertTrue(r.out().contains("symptom: failed to load '{name}' version {n}: Invalid argument: model '{name}', tensor '{name}':"),
        r.out());
  }

  /**
   * When errata match names the failure no entry explains (a downstream answer after it), the
   * draft is for that failure, not for the first line that reads as an error (the sender's).
   */
  @Test
  void aDraftIsForTheFailureTheMatchNamed() throws IOException {
    Path kb = tmp.resolve("payments");
    try (var files = Files.walk(Path.of(PaymentsKnowledgeBaseTest.KB))) {
      for (Path from : files.toList()) {
        Path to = kb.resolve(Path.of(PaymentsKnowledgeBaseTest.KB).relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    String paste = "the gateway answers 503 since the deploy, connection refused everywhere\n"
        + "2026-12-01T10:00:00Z ledger: refusing to serve: journal checksum mismatch at block 7\n"
        + "2026-12-01T10:00:01Z gateway: upstream ledger unavailable: dial tcp 10.0.0.4:8443: connect: connection refused\n";
    CliRun r = CliRun.withInput(paste, "new", "--from-error", "-", "--content", kb.toString(), "--site", tmp.resolve("no-site").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("symptom: ledger: refusing to serve: journal checksum mismatch at block {n}"), r.out());
  }

  @Test
  void aDraftWarnsWhenAnEntryAlreadyMatchesThePaste() {
    Path content = init();
    CliRun r = CliRun.withInput("OSError: [Errno 98] Address already in use\n", "new", "--from-error", "-", "--content", content.toString(),
        "--site", tmp.resolve("no-site").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("'server-port-already-in-use' already matches this paste (exact)"), r.err());
  }

  @Test
  void unknownCommandsGetDidYouMean() {
    CliRun r = CliRun.of("nwe");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Did you mean: errata new?"), r.err());
    assertFalse(r.err().contains("Usage:"), "one line, not the whole help: " + r.err());
    assertTrue(CliRun.of("inti").err().contains("errata init"));
    assertTrue(CliRun.of("complet").err().contains("errata completion"));
  }

  @Test
  void theBashCompletionSourcesAndCompletesACommand() throws Exception {
    CliRun r = CliRun.of("completion", "bash");
    assertEquals(0, r.code(), r.err());
    Path script = tmp.resolve("errata.bash");
    Files.writeString(script, r.out());
    assertEquals("check", bash(script, "errata ch"));
    assertEquals("bash zsh", bash(script, "errata completion "));
    assertEquals("--from-error", bash(script, "errata new --from"));
    assertTrue(CliRun.of("completion", "zsh").out().contains("bashcompinit"));
    assertEquals(2, CliRun.of("completion", "fish").code());
  }

  /** What bash completes for {@code line}, from the sourced script, with COMPREPLY joined by spaces. */
  private static String bash(Path script, String line) throws Exception {
    String program = "source \"$1\"; read -r -a COMP_WORDS <<< \"$2\"; if [[ \"$2\" == *' ' ]]; then COMP_WORDS+=(''); fi;"
        + " COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE}; _complete_errata;"
        + " echo \"${COMPREPLY[*]}\"";
    Process p = new ProcessBuilder("bash", "-c", program, "bash", script.toString(), line)
        // compopt complains outside a real completion (it only sets options), and carries on.
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
