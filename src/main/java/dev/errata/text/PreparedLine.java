package dev.errata.text;

import java.util.List;

/**
 * One line of a paste after preparation.
 *
 * @param number 1-based line number in the paste
 * @param original the line as pasted (colour codes removed), for display
 * @param text the line without log prefixes: what tokens point into
 * @param level "error", "warning", "info" or "" when the line said nothing
 * @param errorish whether the line looks like it carries an error
 * @param repeats how many lines of the paste had this same shape
 */
public record PreparedLine(int number, String original, String text, String level, boolean errorish,
    List<Token> tokens, int repeats) {
  public PreparedLine {
    tokens = List.copyOf(tokens);
  }

  PreparedLine withRepeats(int n) {
    return new PreparedLine(number, original, text, level, errorish, tokens, n);
  }

  /** What a line that carries an error counts in relevance, and what any other line counts; read by the browser's port too. */
  public static final double ERROR_WEIGHT = 1.0;
  public static final double OTHER_WEIGHT = 0.35;

  /** How much this line counts in relevance: errors fully, other lines less. */
  public double weight() {
    return errorish ? ERROR_WEIGHT : OTHER_WEIGHT;
  }
}
