package dev.errata.model;

import java.nio.charset.StandardCharsets;

/**
 * Fills {@code site.yml}'s {@code new_entry_url} for a paste that matched nothing, exactly as the
 * search page's script does (search-ui.js, {@code newEntryLink}): {@value SiteInfo#TITLE} is the
 * paste's first non-empty line cut to {@link SiteInfo#MAX_TITLE} characters, {@value
 * SiteInfo#PASTE} the paste cut so that the address stays within {@link SiteInfo#MAX_URL}
 * characters; both are encoded as JavaScript's {@code encodeURIComponent} does.
 */
public final class NewEntryLink {
  /** Ends a cut paste, so that the reader of the new issue knows there was more. */
  static final String CUT = "\u2026";
  private static final String UNRESERVED = "-_.!~*'()";

  private NewEntryLink() {}

  /** The filled address, or empty when {@code template} is empty. */
  public static String fill(String template, String paste) {
    if (template.isEmpty()) {
      return "";
    }
    String url = template.replace(SiteInfo.TITLE, encode(title(paste)));
    if (!url.contains(SiteInfo.PASTE)) {
      return url;
    }
    int budget = SiteInfo.MAX_URL - (url.length() - SiteInfo.PASTE.length() * count(url, SiteInfo.PASTE));
    return url.replace(SiteInfo.PASTE, cut(paste, budget / Math.max(1, count(url, SiteInfo.PASTE))));
  }

  /** The first line not empty once trimmed of spaces and tabs, at most {@link SiteInfo#MAX_TITLE} characters (whole code points). */
  public static String title(String paste) {
    for (String line : paste.split("\r?\n|\r", -1)) {
      String t = trim(line);
      if (!t.isEmpty()) {
        return prefix(t, SiteInfo.MAX_TITLE);
      }
    }
    return "";
  }

  /** The encoded paste, or its longest encoded start that, with an encoded ellipsis, fits in {@code budget}. */
  static String cut(String paste, int budget) {
    String whole = encode(paste);
    if (whole.length() <= budget) {
      return whole;
    }
    String tail = encode(CUT);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < paste.length(); ) {
      int cp = paste.codePointAt(i);
      String one = encode(new String(Character.toChars(cp)));
      if (out.length() + one.length() + tail.length() > budget) {
        break;
      }
      out.append(one);
      i += Character.charCount(cp);
    }
    return out.length() + tail.length() <= budget ? out + tail : "";
  }

  /** {@code encodeURIComponent}: UTF-8, every byte but ASCII letters, digits and {@code -_.!~*'()} as {@code %XX}. */
  public static String encode(String s) {
    StringBuilder out = new StringBuilder(s.length());
    // A lone surrogate, which encodeURIComponent refuses, is taken as U+FFFD on both sides.
    for (byte b : s.replaceAll("[\\x{D800}-\\x{DFFF}]", "\uFFFD").getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || UNRESERVED.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }

  /** Spaces, tabs, form and line tabulations off both ends: what the script trims too, whatever Unicode calls a space. */
  private static String trim(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && " \t\f\u000B".indexOf(s.charAt(a)) >= 0) {
      a++;
    }
    while (b > a && " \t\f\u000B".indexOf(s.charAt(b - 1)) >= 0) {
      b--;
    }
    return s.substring(a, b);
  }

  private static String prefix(String s, int codePoints) {
    return s.codePointCount(0, s.length()) <= codePoints ? s : s.substring(0, s.offsetByCodePoints(0, codePoints));
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
