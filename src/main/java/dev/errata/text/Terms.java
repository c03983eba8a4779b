package dev.errata.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The words relevance ranking counts: word tokens (whole, and the parts of a dotted or
 * underscored name, so {@code tritonclient.utils.InferenceServerException} also finds {@code
 * InferenceServerException}), dotted numbers (versions), CJK text as overlapping character pairs;
 * no plain integers, no paths, no stopwords. Index and query use this same function.
 */
public final class Terms {
  private static final String SEPARATORS = "._-+";
  // The public constants are read by the browser's port too, from the search manifest.
  /** The longest dotted number kept as a term (a version); longer ones are ids and addresses. */
  public static final int MAX_VERSION = 16;
  /** The shortest word kept as a term, and the shortest part of a compound name. */
  public static final int MIN_WORD = 2;
  public static final int MIN_PART = 3;

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

  /**
   * Hands the id of each term of {@code text} in {@code table} to {@code out}: the terms {@link
   * #of} lists, found without a String per token, for the index build. {@code TermsTest} holds the
   * two equal.
   */
  public static void scan(CharSequence text, TermTable table, java.util.function.IntConsumer out) {
    Ids ids = new Ids(table, out);
    Tokenizer.scan(text, ids);
    ids.scanner.finish();
  }

  /**
   * {@link Scanner} over places in the text: plain ASCII words and numbers, nearly all of any
   * text, are looked up where they lie; anything else becomes its String and goes through {@link
   * Scanner} itself, so the two cannot disagree there.
   */
  private static final class Ids implements Tokenizer.Sink {
    private final TermTable table;
    private final java.util.function.IntConsumer out;
    private final Scanner scanner;
    /** The phrases of the table's synonyms being followed; null when it has none. */
    private final Synonyms.Run run;

    Ids(TermTable table, java.util.function.IntConsumer out) {
      this.table = table;
      this.out = out;
      this.scanner = new Scanner(table.rules(), term -> out.accept(table.id(term)));
      this.run = table.synonyms() == null ? null : table.synonyms().run(out);
    }

    @Override
    public void token(char[] s, int start, int stop, Token.Kind kind, int end, int traits) {
      if (kind == Token.Kind.CJK || scanner.prevCjk != null
          || ((traits & Tokenizer.BEYOND_ASCII) != 0 && !ascii(s, start, stop))) {
        String lowered = Tokenizer.lower(s, start, stop);
        if (run != null) {
          if (kind == Token.Kind.WORD || kind == Token.Kind.CJK) {
            run.word(s, table.id(lowered), start, stop);
          } else {
            run.other();
          }
        }
        scanner.token(lowered, kind, start, end);
        return;
      }
      int n = stop - start;
      if (kind != Token.Kind.WORD) {
        if (run != null) {
          run.other();
        }
        if (kind == Token.Kind.NUMBER && n <= MAX_VERSION && indexOf(s, start, stop, '.') > start) {
          out.accept(table.id(s, start, stop));
        }
        return;
      }
      if (n < MIN_WORD) {
        if (run != null) {
          run.word(s, table.id(s, start, stop), start, stop);
        }
        return;
      }
      int id = table.lookup(s, start, stop);
      if (run != null) {
        run.word(s, id & TermTable.ID, start, stop);
      }
      if (id < 0) {
        return; // a stopword
      }
      out.accept(id);
      if ((traits & Tokenizer.JOINED) == 0 || !isCompound(s, start, stop)) {
        return;
      }
      int from = start;
      for (int i = start; i <= stop; i++) {
        if (i == stop || isSeparator(s[i])) {
          if (i - from >= MIN_PART && !(s[from] >= '0' && s[from] <= '9')) {
            int part = table.lookup(s, from, i);
            if (part >= 0) {
              out.accept(part);
            }
          }
          from = i + 1;
        }
      }
    }

    private static boolean ascii(char[] s, int start, int stop) {
      for (int i = start; i < stop; i++) {
        if (s[i] >= 128) {
          return false;
        }
      }
      return true;
    }

    private static int indexOf(char[] s, int start, int stop, char c) {
      for (int i = start; i < stop; i++) {
        if (s[i] == c) {
          return i;
        }
      }
      return -1;
    }

    private static boolean isCompound(char[] s, int start, int stop) {
      for (int i = start; i < stop; i++) {
        if (isSeparator(s[i])) {
          return true;
        }
      }
      return false;
    }
  }

  /** Turns a stream of tokens into terms; CJK characters need the one before them. */
  private static final class Scanner {
    private final Rules rules;
    private final java.util.function.Consumer<String> out;
    private String prevCjk;
    private int prevCjkEnd;
    private boolean cjkRunHadPair;

    Scanner(Rules rules, java.util.function.Consumer<String> out) {
      this.rules = rules;
      this.out = out;
    }

    void token(String text, Token.Kind kind, int start, int end) {
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
      if (kind == Token.Kind.NUMBER && text.indexOf('.') > 0 && text.length() <= MAX_VERSION) {
        // A dotted number is usually a version (driver 545.23.08, CUDA 12.6): worth finding; plain integers are not.
        out.accept(text);
        return;
      }
      if (kind != Token.Kind.WORD || text.length() < MIN_WORD || rules.isStopword(text)) {
        return;
      }
      out.accept(text);
      if (isCompound(text)) {
        for (String part : split(text, SEPARATORS)) {
          if (part.length() >= MIN_PART && !rules.isStopword(part) && !Character.isDigit(part.charAt(0))) {
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
  public static List<String> split(String s, String separators) {
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
      if (isSeparator(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** What splits a compound name into parts: {@code "._-+"}. */
  private static boolean isSeparator(char c) {
    return c == '.' || c == '_' || c == '-' || c == '+';
  }
}
