package dev.errata.search;

/**
 * One term's entries (ascending) and, for each, BM25's term-frequency factor already normalized
 * by the entry's length, in ten-thousandths. Quantized so that the browser, which reads the same
 * integers, adds exactly the same numbers as Java.
 */
public record Posting(int[] entries, int[] weight) {
  public static final double K1 = 1.2;
  public static final double B = 0.75;
  /** Fixed-point scale of posting weights. */
  public static final double SCALE = 10000.0;
}
