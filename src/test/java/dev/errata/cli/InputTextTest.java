package dev.errata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The paste reader stops at its limits, and reads all of what is within them. */
class InputTextTest {
  private static InputText.Input read(String text, int maxLines, int maxBytes) throws IOException {
    return new InputText(maxLines, maxBytes).read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A stream that never ends, as {@code /dev/zero} or {@code yes}. */
  static InputStream endless(byte b) {
    return new InputStream() {
      long served;

      @Override
      public int read() {
        served++;
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) {
        java.util.Arrays.fill(buf, off, off + len, b);
        served += len;
        return len;
      }
    };
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a\\nb\\nc|3|a\\nb\\nc|",
      "a\\nb\\nc\\n|3|a\\nb\\nc|",
      "a\\nb\\nc\\nd|3|a\\nb\\nc|3 lines",
      "a\\r\\nb\\r\\nc\\r\\nd|3|a\\r\\nb\\r\\nc|3 lines",
      "a\\r\\nb\\r\\nc\\r\\n|3|a\\r\\nb\\r\\nc|",
      "a\\rb\\rc\\rd|3|a\\rb\\rc|3 lines",
      "a\\rb\\rc\\r|3|a\\rb\\rc|",
      "a\\n\\nb|2|a\\n|2 lines"})
  void stopsAfterTheLastLineItKeeps(String input, int maxLines, String kept, String limit) throws IOException {
    InputText.Input in = read(unescape(input), maxLines, 1000);
    assertEquals(unescape(kept), in.text());
    assertEquals(Optional.ofNullable(limit), in.limit());
  }

  @Test
  void stopsAtTheByteLimitWithoutCuttingACharacter() throws IOException {
    assertEquals(new InputText.Input("abc", Optional.empty()), read("abc", 10, 3));
    assertEquals(new InputText.Input("ab", Optional.of("2 bytes")), read("abc", 10, 2));
    // "é" is two bytes: the limit falls inside it, so it is left out whole.
    assertEquals(new InputText.Input("ab", Optional.of("3 bytes")), read("abé", 10, 3));
    assertEquals(new InputText.Input("ab€", Optional.of("5 bytes")), read("ab€d", 10, 5));
    assertEquals(new InputText.Input("ab", Optional.of("4 bytes")), read("ab€d", 10, 4));
  }

  @Test
  void endlessInputIsReadUpToALimit() throws IOException {
    InputText reader = new InputText(200_000, 1 << 20);
    InputText.Input zeros = reader.read(endless((byte) 0));
    assertEquals(1 << 20, zeros.text().length());
    assertEquals(Optional.of("1 MiB"), zeros.limit());
    InputText.Input lines = reader.read(endless((byte) '\n'));
    assertEquals(199_999, lines.text().length(), "the line ends between 200,000 empty lines");
    assertEquals(Optional.of("200,000 lines"), lines.limit());
  }

  private static String unescape(String s) {
    return s == null ? "" : s.replace("\\r", "\r").replace("\\n", "\n");
  }
}
