package dev.errata.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A quoted YAML string that its printer folded over lines. kubectl, Helm and other tools built on
 * go-yaml write a string longer than about 80 columns over several lines, each line after the
 * first indented under its key, and an error message (it has {@code ": "} in it) is always
 * quoted: in single quotes, or in double quotes with escapes when it holds line breaks or
 * blanks at line ends. A pod's termination message in {@code kubectl get pod -o yaml} (the last
 * lines the container wrote) is such a string: read as printed, each of its lines is a part of
 * several log lines, cut at a blank and glued to the next at {@code \n}, and the error in it is
 * no line's message. It is read as YAML reads it, the folds undone and the escapes decoded, and
 * then as its own lines under the number of the member's line. The browser's port reads it the
 * same way ({@code foldedRead} in errata-text.js).
 *
 * <p>A member is {@code [- ]key: "} or {@code [- ]key: '} with the string not closed on that line;
 * every line after it up to the one the string closes on is blank or indented deeper than the
 * key, and nothing but blanks follows the closing quote. Anything else is read as written.
 */
final class FoldedScalar {
  private FoldedScalar() {}

  /**
   * The string that opens on {@code text[start, end)} and closes on a later line, at most {@code
   * maxMore} lines on, as its lines (empty ones left out); null when the line opens none, the
   * string does not close, or it has no text.
   */
  static Joined read(String text, int start, int end, int maxMore) {
    int open = opening(text, start, end);
    if (open < 0) {
      return null;
    }
    char quote = text.charAt(open);
    int indent = LogRecord.blanks(text, start, end) - start;
    List<String> raw = new ArrayList<>();
    raw.add(text.substring(open + 1, end));
    int chars = end - start;
    int n = text.length();
    int next = Paste.nextLine(text, end);
    for (int lines = 1; lines <= maxMore && next < n; lines++) {
      int contEnd = Paste.lineEnd(text, next);
      chars += contEnd - next;
      int k = LogRecord.blanks(text, next, contEnd);
      if (chars > Paste.MAX_FOLDED_CHARS || (k < contEnd && k - next <= indent)) {
        return null;
      }
      int close = LogRecord.closing(text, k, contEnd, quote);
      if (close >= 0) {
        if (LogRecord.blanks(text, close + 1, contEnd) != contEnd) {
          return null;
        }
        raw.add(text.substring(k, close));
        String value = decode(raw, quote);
        StringBuilder out = new StringBuilder();
        for (String line : LogRecord.BREAK.split(value, -1)) {
          if (!line.isEmpty()) {
            out.append(out.length() == 0 ? "" : "\n").append(line);
          }
        }
        return out.length() == 0 ? null : new Joined(out.toString(), lines, contEnd, Paste.nextLine(text, contEnd));
      }
      raw.add(text.substring(k, contEnd));
      next = Paste.nextLine(text, contEnd);
    }
    return null;
  }

  /** Where the quote that opens a member's string is on {@code text[start, end)}, when the string does not close there; -1 otherwise. */
  static int opening(String text, int start, int end) {
    int colon = LogRecord.keyEnd(text, LogRecord.memberStart(text, start, end), end);
    if (colon < 0 || colon + 2 >= end || text.charAt(colon + 1) != ' ') {
      return -1;
    }
    int open = LogRecord.blanks(text, colon + 1, end);
    if (open >= end || (text.charAt(open) != '"' && text.charAt(open) != '\'')) {
      return -1;
    }
    return LogRecord.closing(text, open + 1, end, text.charAt(open)) < 0 ? open : -1;
  }

  /**
   * The string's value from its lines as written (the first from after the opening quote, the
   * others from their first non-blank, the last up to the closing quote): a line break folds into
   * a space, blank lines into as many line breaks, blanks around a break are dropped, and in
   * double quotes a {@code \} at a line's end joins it to the next with nothing between.
   */
  static String decode(List<String> raw, char quote) {
    StringBuilder out = new StringBuilder();
    int last = raw.size() - 1;
    for (int i = 0; i <= last; ) {
      String line = raw.get(i);
      if (i == last) {
        out.append(line);
        break;
      }
      int to = line.length();
      while (to > 0 && (line.charAt(to - 1) == ' ' || line.charAt(to - 1) == '\t')) {
        to--;
      }
      boolean joined = false;
      if (quote == '"') {
        int slashes = 0;
        while (slashes < to && line.charAt(to - 1 - slashes) == '\\') {
          slashes++;
        }
        if (slashes % 2 == 1) {
          if (to < line.length()) {
            to++; // the blank after the backslash is escaped: it stays
          } else {
            to--;
            joined = true;
          }
        }
      }
      out.append(line, 0, to);
      int empty = 0;
      i++;
      while (i < last && raw.get(i).isEmpty()) {
        empty++;
        i++;
      }
      if (!joined) {
        out.append(empty == 0 ? " " : "\n".repeat(empty));
      }
    }
    return quote == '"' ? unescape(out) : out.toString().replace("''", "'");
  }

  /** YAML's escapes decoded; an escape YAML does not have is kept as written. */
  static String unescape(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= n) {
        out.append(c);
        continue;
      }
      char e = s.charAt(i + 1);
      int hex = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
      if (hex > 0) {
        int code = hexAt(s, i + 2, hex);
        if (code >= 0 && code <= Character.MAX_CODE_POINT) {
          out.appendCodePoint(code);
          i += 1 + hex;
        } else {
          out.append(c);
        }
        continue;
      }
      int at = ESCAPED.indexOf(e);
      if (at < 0) {
        out.append(c);
        continue;
      }
      out.append(MEANING.charAt(at));
      i++;
    }
    return out.toString();
  }

  private static final String ESCAPED = "0abt\tnvfre \"/\\N_LP";
  private static final String MEANING = "\0\u0007\b\t\t\n\u000b\f\r\u001b \"/\\\u0085\u00a0\u2028\u2029";

  /** The number written in {@code digits} hexadecimal digits at {@code from}, or -1. */
  private static int hexAt(CharSequence s, int from, int digits) {
    if (from + digits > s.length()) {
      return -1;
    }
    long code = 0;
    for (int k = from; k < from + digits; k++) {
      int d = Character.digit(s.charAt(k), 16);
      if (d < 0 || s.charAt(k) > 'f') {
        return -1;
      }
      code = code * 16 + d;
    }
    return code > Integer.MAX_VALUE ? -1 : (int) code;
  }
}
