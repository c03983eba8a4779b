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
    return FailureLines.ownFailure(lines(line).get(0), RULES);
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
