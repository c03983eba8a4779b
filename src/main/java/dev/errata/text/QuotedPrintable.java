package dev.errata.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An e-mail forwarded as it was sent, in quoted-printable: lines of at most 76 characters, a
 * line that goes on in the next ending in a soft break ({@code =}), and {@code =3D}, {@code =20}
 * or {@code =E2=80=99} for a character. Read as the text it encodes, each message under the
 * number of its first line ({@link Paste#prepare}). The browser's port is {@code quotedPrintable}
 * and {@code qpDecode} in errata-text.js.
 */
final class QuotedPrintable {
  private QuotedPrintable() {}

  /**
   * Whether the text is quoted-printable: at least {@link Paste#QP_SOFT_BREAKS} of its lines are
   * as long as an encoder makes them ({@link Paste#QP_MIN_LINE} to {@link Paste#QP_MAX_LINE}
   * characters) and end in a soft break. A log line seldom ends in {@code =}, and never at that
   * width three times.
   */
  static boolean is(String text) {
    int soft = 0;
    int n = text.length();
    for (int start = 0; start <= n && soft < Paste.QP_SOFT_BREAKS; ) {
      int end = Paste.lineEnd(text, start);
      int length = end - start;
      if (length >= Paste.QP_MIN_LINE && length <= Paste.QP_MAX_LINE && text.charAt(end - 1) == '=') {
        soft++;
      }
      if (end >= n) {
        break;
      }
      start = Paste.nextLine(text, end);
    }
    return soft >= Paste.QP_SOFT_BREAKS;
  }

  /** The line with its {@code =XX} escapes decoded, the bytes of each run of them as UTF-8 (a byte that is not UTF-8 becomes U+FFFD). */
  static String decode(String line) {
    if (line.indexOf('=') < 0) {
      return line;
    }
    StringBuilder out = new StringBuilder(line.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < line.length()) {
      int hi = i + 2 < line.length() && line.charAt(i) == '=' ? hex(line.charAt(i + 1)) : -1;
      int lo = hi >= 0 ? hex(line.charAt(i + 2)) : -1;
      if (lo >= 0) {
        bytes.write(hi * 16 + lo);
        i += 3;
        continue;
      }
      if (bytes.size() > 0) {
        out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        bytes.reset();
      }
      out.append(line.charAt(i++));
    }
    if (bytes.size() > 0) {
      out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  /** An encoder's hexadecimal digit (upper case), or -1. */
  private static int hex(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }
}
