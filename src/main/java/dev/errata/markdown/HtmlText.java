package dev.errata.markdown;

/**
 * What our HTML writer ({@link DirectHtml}) and the as-written fallback must do as Flexmark does:
 * its text escaping, its line ends between blocks, and the code languages it writes as a plain
 * class name.
 */
final class HtmlText {
  private HtmlText() {}

  /**
   * Flexmark's text escaping, {@code & < > "}, of {@code s[from, to)}, looking at the characters
   * in {@code a} (the same text as {@code s}) and copying the runs between from {@code s}: under
   * the C1 compiler a String's charAt costs several times an array read, and a builder copies a
   * String's run in bulk but an array's a character at a time.
   */
  static void escape(StringBuilder out, char[] a, String s, int from, int to) {
    int run = from;
    for (int i = from; i < to; i++) {
      char c = a[i];
      if (c > '>' || (c != '&' && c != '<' && c != '>' && c != '"')) {
        continue;
      }
      out.append(s, run, i);
      out.append(entity(c));
      run = i + 1;
    }
    out.append(s, run, to);
  }

  /** The entity that escapes one of {@code & < > "}. */
  static String entity(char c) {
    return c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : "&quot;";
  }

  static void escape(StringBuilder out, String s) {
    escape(out, s.toCharArray(), s, 0, s.length());
  }

  /** Ends the current line unless at the start of one. */
  static void endLine(StringBuilder out) {
    int n = out.length();
    if (n > 0 && out.charAt(n - 1) != '\n') {
      out.append('\n');
    }
  }

  /** An info string that is one plain word: anything else (spaces, escapes, entities) goes to Flexmark. */
  static boolean plainLanguage(CharSequence info) {
    for (int i = 0; i < info.length(); i++) {
      char c = info.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '+' || c == '.' || c == '#')) {
        return false;
      }
    }
    return true;
  }
}
