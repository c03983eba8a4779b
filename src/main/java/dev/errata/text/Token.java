package dev.errata.text;

/**
 * One token of a prepared line: its text as compared (lower case), its kind, and where it stood
 * in the line, so that explanations can highlight the original characters.
 */
public record Token(String text, Kind kind, int start, int end) {

  /** What a token looks like; placeholders accept some kinds only. */
  public enum Kind {
    /** Letters, possibly with digits, underscores, inner dots and hyphens: {@code gpt-4o}. */
    WORD,
    /** A number, hex value, version, address or id: {@code 1048576}, {@code 0x7f3a}, {@code 2.49.0}. */
    NUMBER,
    /** A file system path or URL: {@code /models/x/1/model.onnx}. */
    PATH,
    /** One CJK character; searched as bigrams. */
    CJK
  }
}
