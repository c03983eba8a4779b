package dev.errata.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Quoted YAML strings folded over lines, read as YAML reads them (go-yaml's output, as kubectl prints it). */
class FoldedScalarTest {
  private static String value(String text) {
    Joined read = FoldedScalar.read(text, 0, Paste.lineEnd(text, 0), 1000);
    return read == null ? null : read.line();
  }

  /** A pod's termination message: line breaks escaped, blanks at the fold kept by {@code \ }, each of its lines a line. */
  @Test
  void aDoubleQuotedMessageIsReadAsItsLines() {
    String text = """
            message: "*** Measurement Settings ***\\n  Batch size: 1\\n  Service Kind: TRITON\\n
              \\ Using \\"time_windows\\" mode for stabilization\\n\\nRequest concurrency: 64\\n
              \\ Pass [1] throughput: 1893.45 infer/sec. \\nFailed to obtain stable measurement within 10 measurement windows for
              concurrency 64. Please try to increase the --measurement-interval.\\n"
            reason: Error
        """;
    Joined read = FoldedScalar.read(text, 0, Paste.lineEnd(text, 0), 1000);
    assertEquals(List.of("*** Measurement Settings ***", "  Batch size: 1", "  Service Kind: TRITON",
        "  Using \"time_windows\" mode for stabilization", "Request concurrency: 64", "  Pass [1] throughput: 1893.45 infer/sec. ",
        "Failed to obtain stable measurement within 10 measurement windows for concurrency 64. Please try to increase the"
            + " --measurement-interval."), List.of(read.line().split("\n")));
    assertEquals(3, read.lines(), "the lines after the member's");
    assertEquals("    reason: Error", text.substring(read.next(), Paste.lineEnd(text, read.next())));
  }

  /** A condition's message in single quotes, folded at a blank: one line again, {@code ''} a quote. */
  @Test
  void aSingleQuotedMessageIsJoinedAtItsFolds() {
    assertEquals("0/3 nodes are available: 3 Insufficient nvidia.com/gpu. preemption: 0/3 nodes are available: the 'x' node.",
        value("""
              - message: '0/3 nodes are available: 3 Insufficient nvidia.com/gpu. preemption:
                  0/3 nodes are available: the ''x''
                  node.'
            """));
  }

  /** An escaped line end joins with nothing between; blank lines are line breaks; YAML's escapes are decoded, others kept. */
  @Test
  void foldsAndEscapesAreReadAsYamlReadsThem() {
    assertEquals("abc\nd\n eA\u00e9\uD83D\uDE00 \\q \\xZZ\u001b[31m", value("""
        k: "a\\
          bc

          d\\n   \s
          e\\x41\\u00e9\\U0001F600\\ \\q \\xZZ\\e[31m"
        """));
  }

  /** What is no folded string is read as written. */
  @Test
  void anythingElseIsLeftAsWritten() {
    assertNull(value("message: \"closed on its line\"\n  more\n"), "closed on its own line");
    assertNull(value("  message: \"never closed\n    more\n"), "never closed");
    assertNull(value("  message: \"a\n  b\"\n"), "a line not indented under the key");
    assertNull(value("  message: \"a\n    b\" and more\n"), "text after the closing quote");
    assertNull(value("message:\"a\n  b\"\n"), "no blank after the colon");
    assertNull(value("an error: \"x\n  y\"\n"), "a key with a blank in it");
    assertNull(value("k: \"\\n\\\n  \\n\"\n"), "no text at all");
    assertNull(FoldedScalar.read("k: \"a\n  b\n  c\"\n", 0, 7, 1), "past the lines it may read");
  }
}
