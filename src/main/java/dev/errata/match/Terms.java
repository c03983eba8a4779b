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
    Scanner scanner = new Scanner(rules, out::add);
    for (Token t : tokens) {
      scanner.token(t.text(), t.kind(), t.start(), t.end());
    }
    scanner.finish();
    return out;
  }

  /** The terms of {@code text}, handed to {@code out} as they are found: {@link #of} without lists. */
  static void scan(String text, Rules rules, java.util.function.Consumer<String> out) {
    Scanner scanner = new Scanner(rules, out);
    Tokenizer.scan(text, scanner);
    scanner.finish();
  }

  /** Turns a stream of tokens into terms; CJK characters need the one before them. */
  private static final class Scanner implements Tokenizer.Sink {
    private final Rules rules;
    private final java.util.function.Consumer<String> out;
    private String prevCjk;
    private int prevCjkEnd;
    private boolean cjkRunHadPair;

    Scanner(Rules rules, java.util.function.Consumer<String> out) {
      this.rules = rules;
      this.out = out;
    }

    @Override
    public void token(String text, Token.Kind kind, int start, int end) {
      if (kind == Token.Kind.CJK) {
        if (prevCjk != null && prevCjkEnd == start) {
          out.accept(prevCjk + text);
          cjkRunHadPair = true;
        } else {
          if (prevCjk != null && !cjkRunHadPair) {
            out.accept(prevCjk);
          }
          cjkRunHadPair = false;
        }
        prevCjk = text;
        prevCjkEnd = end;
        return;
      }
      if (prevCjk != null && !cjkRunHadPair) {
        out.accept(prevCjk);
      }
      prevCjk = null;
      cjkRunHadPair = false;
      if (kind == Token.Kind.NUMBER && text.indexOf('.') > 0 && text.length() <= 16) {
        // A dotted number is usually a version (driver 545.23.08, CUDA 12.6): worth finding; plain integers are not.
        out.accept(text);
        return;
      }
      if (kind != Token.Kind.WORD || text.length() < 2 || rules.isStopword(text)) {
        return;
      }
      out.accept(text);
      if (isCompound(text)) {
        for (String part : split(text, "._-+")) {
          if (part.length() >= 3 && !rules.isStopword(part) && !Character.isDigit(part.charAt(0))) {
            out.accept(part);
          }
        }
      }
    }

    void finish() {
      if (prevCjk != null && !cjkRunHadPair) {
        out.accept(prevCjk);
      }
    }
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
