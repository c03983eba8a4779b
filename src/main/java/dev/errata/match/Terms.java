package dev.errata.match;

import java.util.ArrayList;
import java.util.List;

/**
 * The words relevance ranking counts: word tokens (whole, and the parts of a dotted or
 * underscored name, so {@code tritonclient.utils.InferenceServerException} also finds {@code
 * InferenceServerException}), dotted numbers (versions), CJK text as overlapping character pairs;
 * no plain integers, no paths, no stopwords. Index and query use this same function.
 */
public final class Terms {
  private Terms() {}

  public static List<String> of(List<Token> tokens, Rules rules) {
    List<String> out = new ArrayList<>();
    Token prevCjk = null;
    boolean cjkRunHadPair = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == Token.Kind.CJK) {
        if (prevCjk != null && prevCjk.end() == t.start()) {
          out.add(prevCjk.text() + t.text());
          cjkRunHadPair = true;
        } else {
          if (prevCjk != null && !cjkRunHadPair) {
            out.add(prevCjk.text());
          }
          cjkRunHadPair = false;
        }
        prevCjk = t;
        continue;
      }
      if (prevCjk != null && !cjkRunHadPair) {
        out.add(prevCjk.text());
      }
      prevCjk = null;
      cjkRunHadPair = false;
      if (t.kind() == Token.Kind.NUMBER && t.text().indexOf('.') > 0 && t.text().length() <= 16) {
        // A dotted number is usually a version (driver 545.23.08, CUDA 12.6): worth finding; plain integers are not.
        out.add(t.text());
        continue;
      }
      if (t.kind() != Token.Kind.WORD || rules.isStopword(t.text()) || t.text().length() < 2) {
        continue;
      }
      out.add(t.text());
      if (isCompound(t.text())) {
        for (String part : split(t.text(), "._-+")) {
          if (part.length() >= 3 && !rules.isStopword(part) && !Character.isDigit(part.charAt(0))) {
            out.add(part);
          }
        }
      }
    }
    if (prevCjk != null && !cjkRunHadPair) {
      out.add(prevCjk.text());
    }
    return out;
  }

  /**
   * Splits on any of {@code separators}, dropping empty parts. Hand-written rather than a
   * regular expression because it runs over pasted text: one pass, nothing to backtrack.
   */
  static List<String> split(String s, String separators) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || separators.indexOf(s.charAt(i)) >= 0) {
        if (i > start) {
          out.add(s.substring(start, i));
        }
        start = i + 1;
      }
    }
    return out;
  }

  private static boolean isCompound(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.' || c == '_' || c == '-' || c == '+') {
        return true;
      }
    }
    return false;
  }
}
