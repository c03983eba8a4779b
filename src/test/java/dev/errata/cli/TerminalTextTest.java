package dev.errata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of terminal control sequence is removed; printable text, tabs and line feeds stay. */
class TerminalTextTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "CSI colour|a\\e[31mred\\e[0m b|ared b",
      "CSI clear screen|a\\e[2J\\e[Hb|ab",
      "CSI private mode|a\\e[?1049hb|ab",
      "OSC title, BEL|a\\e]0;pwned\\ab|ab",
      "OSC title, ST|a\\e]2;pwned\\e\\\\b|ab",
      "OSC 8 hyperlink|\\e]8;;http://evil.example/\\e\\\\click\\e]8;;\\e\\\\ here|click here",
      "OSC 52 clipboard|a\\e]52;c;cm0gLXJmIH4=\\ab|ab",
      "OSC unterminated|a\\e]0;never ends|a",
      "DCS|a\\ePq#0;2;0;0;0\\e\\\\b|ab",
      "APC, PM, SOS|a\\e_x\\e\\\\b\\e^y\\e\\\\c\\eXz\\e\\\\d|abcd",
      "RIS reset|a\\ecb|ab",
      "save cursor, keypad|a\\e7b\\e=c|abc",
      "charset designation|a\\e(0b\\e(Bc|abc",
      "lone ESC at end|ab\\e|ab",
      "8-bit CSI|a\\u009b2Jb|ab",
      "8-bit OSC|a\\u009d0;t\\u009cb|ab",
      "8-bit DCS|a\\u0090q\\u009cb|ab",
      "other C1|a\\u0085b\\u0084c|abc",
      "C0 and DEL|a\\bb\\rc\\u0000d\\u007fe\\u0007f|abcdef",
      "tab and line feed stay|a\\tb\\nc|a\\tb\\nc",
      "text stays|Ошибка 内存分配 — ok ✓|Ошибка 内存分配 — ok ✓"})
  void removes(String name, String input, String expected) {
    assertEquals(unescape(expected), TerminalText.strip(unescape(input)));
  }

  static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'e' -> out.append('\u001b');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'r' -> out.append('\r');
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }
}
