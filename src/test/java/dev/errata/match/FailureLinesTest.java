package dev.errata.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.testing.ShippedRules;
import dev.errata.text.Paste;
import dev.errata.text.PreparedLine;
import dev.errata.text.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which lines report a failure of their own, and which tell one failure together. */
class FailureLinesTest {
  private static final Rules RULES = ShippedRules.get();

  private static List<PreparedLine> lines(String text) {
    return Paste.prepare(text, RULES).lines();
  }

  private static boolean own(String line) {
    PreparedLine first = lines(line).get(0);
    return FailureLines.anywhere(first, RULES) || FailureLines.saysItFailed(first, RULES);
  }

  @Test
  void aFailureOfItsOwnIsMarkedOrNamesAnErrorAsAnExceptionIsPrinted() {
    assertTrue(own("E1205 00:58:20.041182 1 model_lifecycle.cc:642] failed to load 'embed' version 2: Internal: bad widget"));
    assertTrue(own("I1205 00:58:20.041182 1 pb_stub.cc:402] Failed to initialize Python stub: bad widget"), "an INFO line that says it failed");
    assertTrue(own("RuntimeError: CUDA out of memory"));
    assertTrue(own("| tok | 1 | UNAVAILABLE: Internal: SyntaxError: invalid syntax (model.py, line 58) |"), "a status table's row");
    assertFalse(own("E1205 00:58:20.041182 1 metrics.cc:1] Unable to get power limit for GPU 0"), "off, not failed");
    assertFalse(own("W1205 00:58:20.041182 1 server.cc:1] failed to read something"), "a warning");
    assertFalse(own("      Reason:       Error"), "a field of kubectl describe");
    assertFalse(own("    raise get_error_grpc(rpc_error) from None"), "a traceback's code");
    assertFalse(own("anyone up? every request from the scorer pods fails"), "the sender's words");
  }

  private static boolean anywhere(String line) {
    return FailureLines.anywhere(lines(line).get(0), RULES);
  }

  @Test
  void aCrashAnOutOfMemoryKillOrAFailedPullIsAFailureWhereverItStands() {
    assertTrue(anywhere("Signal (11) received."), "Triton's handler after a segfault");
    assertTrue(anywhere("triton-1  | Signal (6) received."), "an abort, behind docker compose's prefix");
    assertTrue(anywhere("Segmentation fault (core dumped)"));
    assertTrue(anywhere("Aborted"));
    assertTrue(anywhere("bash: line 1:   412 Bus error               (core dumped) tritonserver --model-repository=/models"),
        "a shell's report of its job");
    assertTrue(anywhere("terminate called after throwing an instance of 'std::runtime_error'"));
    assertTrue(anywhere("Fatal Python error: Segmentation fault"));
    assertTrue(anywhere("*** SIGSEGV (@0x0) received by PID 1 (TID 0x7f5e4b7fe640) from PID 0; stack trace: ***"));
    assertTrue(anywhere("[812334.118020] Out of memory: Killed process 30177 (tritonserver) total-vm:81234560kB"));
    assertTrue(anywhere("      Reason:       OOMKilled"));
    assertTrue(anywhere("                        \"reason\": \"OOMKilled\","), "a pod's JSON");
    assertTrue(anywhere("running restarts=4 OOMKilled=true exit=137"), "docker inspect");
    assertTrue(anywhere("triton-0   0/1     OOMKilled   3 (40s ago)   12m"), "kubectl get pods");
    assertTrue(anywhere("[ 2412.1] NVRM: Xid (PCI:0000:3b:00): 79, pid=30177, GPU has fallen off the bus."));
    assertTrue(anywhere("  Warning  Failed  9m (x4 over 11m)  kubelet  Failed to pull image \"registry.example/triton:24.11-py3\": "
        + "rpc error: code = Unknown desc = pull access denied"));
    assertTrue(anywhere("  Warning  FailedScheduling  41m  default-scheduler  0/7 nodes are available: 2 Insufficient nvidia.com/gpu, "
        + "5 node(s) didn't match Pod's node affinity/selector."), "a pod the scheduler cannot place never starts");
    assertTrue(FailureLines.ends(lines("0/3 nodes are available: 3 Insufficient nvidia.com/gpu.").get(0), RULES));
    assertTrue(anywhere("exec /opt/nvidia/nvidia_entrypoint.sh: exec format error"), "an image for another CPU never starts");
    assertTrue(anywhere("standard_init_linux.go:228: exec user process caused: exec format error"), "runc's older wording");
    assertTrue(anywhere("panic: runtime error: invalid memory address or nil pointer dereference"), "Go");
    assertTrue(anywhere("fatal error: all goroutines are asleep - deadlock!"), "Go's runtime");
    assertTrue(anywhere("thread 'tokio-runtime-worker' panicked at src/batcher.rs:88:14:"), "Rust");
    assertTrue(anywhere("# A fatal error has been detected by the Java Runtime Environment:"), "the JVM");
    assertTrue(own("Signal (11) received."), "a failure of its own before a record, too");

    assertFalse(anywhere("Signal (15) received."), "a stop that was asked for: a liveness probe's restart, docker stop");
    assertFalse(anywhere("Signal (2) received."), "Ctrl-C");
    assertFalse(anywhere("Aborted request 12 after 30 s"), "the word, not a shell's report");
    assertFalse(anywhere("the server dies with a Segmentation fault when the batch is full"), "the sender's words");
    assertFalse(anywhere("      Reason:       Error"), "kubectl describe's field says no more than that");
    assertFalse(anywhere("all 7 nodes are available again after the drain"), "the sender's words");
    assertFalse(anywhere("we thought it was an exec format error but the image is amd64"), "the sender's words");
    assertFalse(anywhere("docker inspect says OOMKilled=false so I didn't think it was memory"), "the sender's words, and no kill");
  }

  @Test
  void aLoggersLineAndTheUnmarkedLinesAfterItAreOneRecord() {
    List<PreparedLine> client = lines("2025-03-02 14:22:17,904 ERROR worker.infer: triton request failed\n"
        + "Traceback (most recent call last):\n  File \"w.py\", line 3, in run\n"
        + "tritonclient.utils.InferenceServerException: [StatusCode.UNAVAILABLE] failed to connect to all addresses");
    assertEquals(1, FailureLines.recordStart(client, 4));
    List<PreparedLine> server = lines("E1205 00:58:20.041182 1 model_lifecycle.cc:642] failed to load 'embed'\n"
        + "I1205 00:58:21.275292 1 server.cc:347] Timeout 29: Found 0 live models\n"
        + "error: creating server: Internal - failed to load all models");
    assertEquals(2, FailureLines.recordStart(server, 3), "an INFO line starts the summary's record, not the error before it");
    assertEquals(2, FailureLines.recordStart(lines("RuntimeError: x\nerror: creating server: Internal - failed to load all models"), 2),
        "no logger's line: each line its own");
  }
}
