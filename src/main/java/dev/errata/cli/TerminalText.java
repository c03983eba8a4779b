package dev.errata.cli;

/**
 * Removes every terminal control sequence from text that came from a paste or an entry before it
 * is printed: a pasted log can carry sequences that retitle the window, plant hyperlinks, reset or
 * reprogram the terminal, and a colour code only is the least of them. Removed: CSI sequences,
 * OSC, DCS, SOS, PM and APC strings (up to their terminator, or to the end when there is none),
 * escape sequences of one character after any intermediates, their 8-bit (C1) forms and every
 * other C1 control, and C0 controls and DEL. Tab and line feed stay. What is left is only
 * printable, so text cut anywhere stays harmless.
 */
final class TerminalText {
  private static final char ESC = '\u001b';
  private static final char BEL = '\u0007';
  private static final char ST = '\u009c';

  private TerminalText() {}

  static String strip(String s) {
    if (s == null || clean(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == ESC) {
        i = afterEscape(s, i + 1);
      } else if (c == '\u009b') {
        i = afterCsi(s, i + 1);
      } else if (c == '\u009d' || c == '\u0090' || c == '\u0098' || c == '\u009e' || c == '\u009f') {
        i = afterString(s, i + 1);
      } else {
        if (!isControl(c)) {
          out.append(c);
        }
        i++;
      }
    }
    return out.toString();
  }

  /** Whether {@code s} holds no control at all, the usual case, which needs no copy. */
  private static boolean clean(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isControl(c) || c == ESC) {
        return false;
      }
    }
    return true;
  }

  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f);
  }

  /** Where the sequence that an ESC at {@code i - 1} starts ends. */
  private static int afterEscape(String s, int i) {
    if (i >= s.length()) {
      return i;
    }
    char c = s.charAt(i);
    switch (c) {
      case '[':
        return afterCsi(s, i + 1);
      case ']', 'P', 'X', '^', '_':
        return afterString(s, i + 1);
      default:
        // nF sequences such as ESC ( B: intermediates, then one final character.
        while (i < s.length() && s.charAt(i) >= 0x20 && s.charAt(i) <= 0x2f) {
          i++;
        }
        return i < s.length() && s.charAt(i) >= 0x30 && s.charAt(i) <= 0x7e ? i + 1 : i;
    }
  }

  /** Parameters and intermediates, then one final character in {@code @} to {@code ~}. */
  private static int afterCsi(String s, int i) {
    while (i < s.length() && s.charAt(i) >= 0x20 && s.charAt(i) <= 0x3f) {
      i++;
    }
    return i < s.length() && s.charAt(i) >= 0x40 && s.charAt(i) <= 0x7e ? i + 1 : i;
  }

  /** A control string: everything up to BEL, ST or ESC \, which are removed with it. */
  private static int afterString(String s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == BEL || c == ST) {
        return i + 1;
      }
      if (c == ESC) {
        return i + 1 < s.length() && s.charAt(i + 1) == '\\' ? i + 2 : i;
      }
      i++;
    }
    return i;
  }
}
