package dev.errata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented exit codes, through the real command line. */
class ExitCodeTest {
  static final String FIXTURE = "src/test/resources/fixture/content";

  @Test
  void helpListsTheExitCodes() {
    CliRun r = CliRun.of("--help");
    assertEquals(0, r.code());
    for (String line : new String[] {" 0   success", " 1   no confident match", " 2   usage error", " 3   invalid content", " 4   a file",
        "70   internal error"}) {
      assertTrue(r.out().contains(line), line + " in\n" + r.out());
    }
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, CliRun.of("build", "--no-such-option").code());
    assertEquals(2, CliRun.of().code());
  }

  @Test
  void invalidContentIsThree() {
    assertEquals(3, CliRun.of("check", "--content", "src/test/resources/check/broken").code());
  }

  @Test
  void missingContentFolderIsAnIoErrorWithoutStackTrace() {
    CliRun r = CliRun.of("check", "--content", "no/such/folder");
    assertEquals(4, r.code());
    assertTrue(r.err().contains("no/such/folder does not exist"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
  }

  @Test
  void showPrintsAnEntryAndSuggestsOnTypos() {
    CliRun ok = CliRun.of("show", "port-in-use", "--content", FIXTURE, "--color", "never");
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("Triton fails to start because the gRPC port is in use"));
    assertTrue(ok.out().contains("$ tritonserver --model-repository=/models --grpc-port=9001"));
    assertFalse(ok.out().contains("\u001b["), "no colour when asked not to");
    CliRun typo = CliRun.of("show", "port-in-uze", "--content", FIXTURE);
    assertEquals(1, typo.code());
    assertTrue(typo.err().contains("did you mean 'port-in-use'?"), typo.err());
  }

  @Test
  void showNamesTheEntriesWhoseFailureAnErrorCanFollowFrom() {
    CliRun gpuId = CliRun.of("show", "instance-group-invalid-gpu-id", "--content", "content", "--color", "never");
    assertEquals(0, gpuId.code(), gpuId.err());
    assertTrue(gpuId.out().contains("Can follow from  container-nvidia-driver-not-detected, container-requires-newer-driver"),
        gpuId.out());
    assertFalse(CliRun.of("show", "port-already-in-use", "--content", "content", "--color", "never").out().contains("Can follow from"));
  }

  @Test
  void errorsThatAreNoExceptionsMapToSeventyWithOneLine() {
    for (Throwable t : List.of(new OutOfMemoryError("Java heap space"), new StackOverflowError(), new AssertionError("x\ny"),
        new IllegalStateException("line one\nline two"))) {
      StringWriter err = new StringWriter();
      assertEquals(70, Cli.report(t, false, new PrintWriter(err, true)), t.toString());
      assertEquals(1, err.toString().lines().count(), err.toString());
      assertTrue(err.toString().startsWith("errata: internal error: "), err.toString());
    }
    StringWriter err = new StringWriter();
    Cli.report(new OutOfMemoryError("Java heap space"), false, new PrintWriter(err, true));
    assertTrue(err.toString().contains("ERRATA_JAVA_OPTS=-Xmx"), "says what to try: " + err);
  }

  @Test
  void versionPrintsTheProjectVersion() {
    CliRun r = CliRun.of("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("errata "), r.out());
  }
}
