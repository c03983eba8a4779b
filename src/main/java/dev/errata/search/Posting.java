package dev.errata.search;

/**
 * One term's entries (ascending) and, for each, BM25's term-frequency factor already normalized
 * by the entry's length, in ten-thousandths. Quantized so that the browser, which reads the same
 * integers, adds exactly the same numbers as Java.
 */
public record Posting(int[] entries, int[] weight) {
  // The public constants are read by the browser's port too, from the search manifest.
  public static final double K1 = 1.2;
  public static final double B = 0.75;
  /** Fixed-point scale of posting weights. */
  public static final double SCALE = 10000.0;
  /** What BM25's inverse document frequency adds to the counts of entries with and without a term. */
  public static final double IDF_SMOOTHING = 0.5;

  /** BM25's inverse document frequency of a term {@code df} of {@code entries} entries have; never negative. */
  public static double idf(int entries, int df) {
    return StrictMath.log(1 + (entries - df + IDF_SMOOTHING) / (df + IDF_SMOOTHING));
  }
}
