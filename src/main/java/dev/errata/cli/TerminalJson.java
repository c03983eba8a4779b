package dev.errata.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** JSON the commands print ({@code match --json}, {@code check --format json}): pretty, and safe to show in a terminal. */
final class TerminalJson {
  private TerminalJson() {}

  /**
   * JSON escapes C0 controls already; C1 controls (U+0080 to U+009F, among them the 8-bit CSI
   * and OSC) and DEL would reach a terminal that shows the JSON as they were pasted.
   */
  private static final CharacterEscapes C1_ESCAPED = new CharacterEscapes() {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    {
      ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch >= 0x80 && ch <= 0x9f ? new SerializedString(String.format(java.util.Locale.ROOT, "\\u%04x", ch)) : null;
    }
  };

  /** What writes one document with a generator. */
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** The document {@code body} writes, pretty and terminal-safe, without a final line break. */
  static String write(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().setCharacterEscapes(C1_ESCAPED).createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
