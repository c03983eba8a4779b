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

  /** How much this line counts in relevance: errors fully, other lines less. */
  public double weight() {
    return errorish ? 1.0 : 0.35;
  }

  /** A line a logger marked as INFO or DEBUG, with no error word in it: what a healthy server prints. */
  public boolean ordinary() {
    return !errorish && level.equals("info");
  }

  /**
   * The order in which a long paste's lines are looked at, most telling first: 0 for lines a
   * logger marked as errors or that carry an error word without any mark (tracebacks,
   * exceptions, a client's message), 1 for warnings, 2 for other unmarked lines, 3 for INFO lines
   * with an error word, 4 for ordinary lines.
   */
  public int rank() {
    if (level.equals("error") || (level.isEmpty() && errorish)) {
      return 0;
    }
    if (level.equals("warning")) {
      return 1;
    }
    if (level.isEmpty()) {
      return 2;
    }
    return errorish ? 3 : 4;
  }
}
