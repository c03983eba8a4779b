package dev.errata.markdown;

import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one allow-list of URL schemes for every link and image of every Markdown field: http,
 * https, mailto, and relative addresses (no scheme at all). Anything else, javascript:, data:,
 * vbscript: and the rest, is refused, however it is written.
 *
 * <p>A URL is judged as a browser will read it and, to be safe, as some reader might after
 * further cleaning: character references are decoded ({@code &#106;avascript:}), case is folded
 * ({@code JaVaScRiPt:}), and controls and white space are dropped wherever they are ({@code
 * &#x20;javascript:}, {@code java\tscript:}) as browsers drop them around and inside URLs. If any
 * of these readings has a scheme, it must be on the list. Flexmark's own suppressed-links option
 * matches the URL as written, case-sensitively, which none of these forms do.
 */
public final class LinkPolicy {
  static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

  private LinkPolicy() {}

  /** Whether a link or image may point at {@code url} (the URL as it will be written in the page). */
  public static boolean allows(String url) {
    return refusedScheme(url).isEmpty();
  }

  /** The scheme that makes {@code url} refused, in lower case; empty when it is allowed. */
  static Optional<String> refusedScheme(String url) {
    String decoded = url;
    // Character references decoded until none is left: a double encoding is decoded twice.
    for (int i = 0; i < 4 && decoded.indexOf('&') >= 0; i++) {
      String next = decodeReferences(decoded);
      if (next.equals(decoded)) {
        break;
      }
      decoded = next;
    }
    for (String reading : new String[] {url, decoded}) {
      Optional<String> scheme = scheme(withoutInvisibles(reading));
      if (scheme.isPresent() && !SCHEMES.contains(scheme.get())) {
        return scheme;
      }
    }
    return Optional.empty();
  }

  /**
   * Decodes character references: numeric ones with or without their semicolon, as browsers
   * decode them in attribute values, and named ones ({@code &colon;}, {@code &Tab;}) as
   * CommonMark does, with Flexmark's table of HTML5 names.
   */
  static String decodeReferences(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '&' && i + 2 < s.length() && s.charAt(i + 1) == '#') {
        boolean hex = s.charAt(i + 2) == 'x' || s.charAt(i + 2) == 'X';
        int j = i + (hex ? 3 : 2);
        int start = j;
        long value = 0;
        while (j < s.length() && j - start < 8 && Character.digit(s.charAt(j), hex ? 16 : 10) >= 0) {
          value = value * (hex ? 16 : 10) + Character.digit(s.charAt(j), hex ? 16 : 10);
          j++;
        }
        if (j > start) {
          out.appendCodePoint(value > 0 && value <= Character.MAX_CODE_POINT ? (int) value : 0xFFFD);
          i = j < s.length() && s.charAt(j) == ';' ? j + 1 : j;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return Escaping.unescapeHtml(out);
  }

  /** Drops C0 and C1 controls, white space and invisible format characters, wherever they are. */
  static String withoutInvisibles(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c <= 0x20 || Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
          || Character.getType(c) == Character.FORMAT) {
        continue;
      }
      out.appendCodePoint(c);
    }
    return out.toString();
  }

  /** The scheme of a URL as the WHATWG URL parser finds it (a letter, then letters, digits, + - ., then ':'), lower-cased. */
  static Optional<String> scheme(String url) {
    if (url.isEmpty() || !isAsciiLetter(url.charAt(0))) {
      return Optional.empty();
    }
    for (int i = 1; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == ':') {
        return Optional.of(url.substring(0, i).toLowerCase(Locale.ROOT));
      }
      if (!isSchemeChar(c)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** A character a scheme may hold after its first letter. */
  static boolean isSchemeChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
