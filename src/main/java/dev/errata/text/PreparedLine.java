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
 * @param failing whether it says outright that something failed (a failure word, an error's name),
 *     not only that something is off ("unknown", "not found")
 * @param repeats how many lines of the paste had this same shape
 * @param part which of the lines read from line {@code number} it is, from 0: a structured record's
 *     values, a table row's cells and a member's escaped lines are several lines under one number
 * @param lastNumber the number of the paste's last line of this same shape ({@code number} when it
 *     has no repeats): where the failure it tells was last shown
 * @param span how many lines of the paste it was read from: more than one for a message a terminal
 *     wrapped at its width or a quoted-printable line with soft breaks, read as the one line it was;
 *     the paste's next line is line {@code number + span}
 */
public record PreparedLine(int number, String original, String text, String level, boolean errorish,
    boolean failing, List<Token> tokens, int repeats, int part, int lastNumber, int span) {
  public PreparedLine {
    tokens = List.copyOf(tokens);
  }

  /** The line with one more line of its shape, line {@code at} of the paste. */
  PreparedLine repeatedAt(int at) {
    return new PreparedLine(number, original, text, level, errorish, failing, tokens, repeats + 1, part, Math.max(lastNumber, at), span);
  }

  /** The line as the {@code k}th (from 0) of the lines read from one line of the paste (a record's, a table row's cells). */
  PreparedLine withPart(int k) {
    return new PreparedLine(number, original, text, level, errorish, failing, tokens, repeats, k, lastNumber, span);
  }

  /** What a line that carries an error counts in relevance, and what any other line counts; read by the browser's port too. */
  public static final double ERROR_WEIGHT = 1.0;
  public static final double OTHER_WEIGHT = 0.35;

  /** How much this line counts in relevance: errors fully, other lines less. */
  public double weight() {
    return errorish ? ERROR_WEIGHT : OTHER_WEIGHT;
  }

  /** A line a logger marked as INFO or DEBUG, with no error word in it: what a healthy server prints. */
  public boolean ordinary() {
    return !errorish && level.equals("info");
  }

  /**
   * The order in which a long paste's lines are looked at, most telling first: lines a logger
   * marked as errors or that carry an error word without any mark (tracebacks, exceptions, a
   * client's message); warnings; other unmarked lines; INFO lines with an error word; ordinary
   * lines.
   */
  public int rank() {
    if (level.equals("error") || (level.isEmpty() && errorish)) {
      return RANK_ERROR;
    }
    if (level.equals("warning")) {
      return RANK_WARNING;
    }
    if (level.isEmpty()) {
      return RANK_UNMARKED;
    }
    return errorish ? RANK_INFO_ERROR : RANK_ORDINARY;
  }

  /**
   * Where the line comes in the order a long paste's lines are looked at, and so whether its words
   * are among those the matcher looks up: by {@link #rank()}, except that an INFO line saying
   * outright that something failed comes right after the warnings. Triton's Python stub and HTTP
   * server log their failures at INFO ("Failed to initialize Python stub: ...", "Infer failed:
   * ..."); ranked with the other INFO lines, a long log's banner, tables and metrics spent the
   * words looked up before them. Only the order moves: what the line's evidence counts stays its
   * rank's.
   */
  public int order() {
    int rank = rank();
    if (rank == RANK_INFO_ERROR && failing) {
      return ORDER_INFO_FAILING;
    }
    return rank < RANK_UNMARKED ? rank : rank + 1;
  }

  // The ranks, read by the browser's port too (through the search manifest).
  public static final int RANK_ERROR = 0;
  public static final int RANK_WARNING = 1;
  public static final int RANK_UNMARKED = 2;
  public static final int RANK_INFO_ERROR = 3;
  public static final int RANK_ORDINARY = 4;
  /** The place of a failing INFO line in {@link #order()}: after warnings, before unmarked lines. */
  public static final int ORDER_INFO_FAILING = RANK_UNMARKED;
}
