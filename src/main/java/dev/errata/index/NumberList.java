package dev.errata.index;

/**
 * Lists of non-negative numbers as the search index writes them: one string, each number in
 * base 32, its digits most significant first, every digit but its last from {@link #LEADING}
 * and its last from {@link #LAST}, so numbers need no separator. The index's lists are gaps
 * between entry or template numbers and relevance weights: as decimal JSON arrays they took
 * about 13% more gzip bytes in the key parts a paste loads, 11% in word parts and 14% in the
 * facets (bench/NOTES.md). {@code errata-engine.js} reads them back ({@code numbers}).
 */
public final class NumberList {
  /** The digit that ends a number, 0 to 31. */
  static final String LAST = "0123456789abcdefghijklmnopqrstuv";
  /** A digit that more digits follow, 0 to 31: none of them needs escaping in JSON. */
  static final String LEADING = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*";

  /** The characters so far, in an array of their own: the word parts of a large site hold millions of numbers. */
  private char[] chars;
  private int length;

  public NumberList() {
    this(64);
  }

  /** An empty list with room for {@code capacity} characters (at least one per number). */
  public NumberList(int capacity) {
    chars = new char[Math.max(8, capacity)];
  }

  /** Appends one number; throws on a negative one, which the format cannot hold. */
  public NumberList add(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("a number list holds no negative numbers: " + n);
    }
    int shift = 0;
    while (shift + 5 < 32 && (n >>> (shift + 5)) != 0) {
      shift += 5;
    }
    if (length + shift / 5 + 1 > chars.length) {
      chars = java.util.Arrays.copyOf(chars, Math.max(2 * chars.length, length + 8));
    }
    for (; shift > 0; shift -= 5) {
      chars[length++] = LEADING.charAt((n >>> shift) & 31);
    }
    chars[length++] = LAST.charAt(n & 31);
    return this;
  }

  /** Writes the list as one JSON string, straight from its characters. */
  public void write(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
    g.writeString(chars, 0, length);
  }

  @Override
  public String toString() {
    return new String(chars, 0, length);
  }

  /** The numbers a list holds, for tests and tools that read the index from Java. */
  public static int[] decode(String s) {
    int[] out = new int[s.length()];
    int n = 0;
    long value = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int last = LAST.indexOf(c);
      if (last >= 0) {
        out[n++] = (int) (value * 32 + last);
        value = 0;
        continue;
      }
      int leading = LEADING.indexOf(c);
      if (leading < 0) {
        throw new IllegalArgumentException("not a number list: '" + c + "' at " + i);
      }
      value = value * 32 + leading;
    }
    if (value != 0 || (s.length() > 0 && LAST.indexOf(s.charAt(s.length() - 1)) < 0)) {
      throw new IllegalArgumentException("a number list that stops inside a number");
    }
    return java.util.Arrays.copyOf(out, n);
  }
}
