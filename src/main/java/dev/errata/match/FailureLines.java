package dev.errata.match;

import dev.errata.text.PreparedLine;
import dev.errata.text.Rules;
import dev.errata.text.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a paste's lines say about failures beyond the words they share with entries: whether a line
 * reports a failure of its own, and which lines tell one failure together. The matcher asks them
 * when every confident answer follows from another failure or stands only on warnings ({@code
 * Matcher.unexplained}); the browser's port has the same ({@code recordStart}, {@code
 * saysItFailed}, {@code anywhere}, {@code ends} in errata-match.js).
 */
final class FailureLines {
  private FailureLines() {}

  /**
   * The first line of the log record that line {@code n} belongs to: when {@code n} has no mark
   * and follows a line a logger marked, with only unmarked lines between, that line ({@code ERROR
   * worker: request failed} over the traceback and exception a client's logger prints after it,
   * one failure told over several lines); else {@code n}. Lines the paste's preparation left out
   * between them (a traceback's frames, blank lines) count as unmarked.
   */
  static int recordStart(List<PreparedLine> lines, int n) {
    Map<Integer, String> levels = new HashMap<>();
    for (PreparedLine l : lines) {
      if (l.part() == 0) {
        levels.put(l.number(), l.level());
      }
    }
    if (!levels.containsKey(n) || !levels.get(n).isEmpty()) {
      return n;
    }
    for (int k = n - 1; k >= 1; k--) {
      String level = levels.get(k);
      if (level != null && !level.isEmpty()) {
        return k;
      }
    }
    return n;
  }

  /**
   * Whether a line says it failed the way a failure of its own is told: a logger marked it as an
   * error, or it is an INFO line, and it says outright that something failed; or, without a mark,
   * it names an error the way an exception is printed ({@code RuntimeError: ...}, a status
   * table's {@code UNAVAILABLE: Internal: SyntaxError: ...}). Other unmarked lines with a failure
   * word are too often no failure at all: a field of {@code kubectl describe} ({@code Reason:
   * Error}, {@code #failure=3}), a line of a traceback's code, the sender's own words. A logger's
   * wrapper may tell another line's failure this way, so it counts only outside that line's record.
   */
  static boolean saysItFailed(PreparedLine line, Rules rules) {
    if (!line.failing()) {
      return false;
    }
    // An INFO line that says it failed is the one PreparedLine.order() moves up for the same reason.
    if (line.level().equals("error") || line.order() == PreparedLine.ORDER_INFO_FAILING) {
      return true;
    }
    if (!line.level().isEmpty()) {
      return false;
    }
    String text = line.text();
    for (Token t : line.tokens()) {
      if (t.kind() == Token.Kind.WORD && t.end() < text.length() && text.charAt(t.end()) == ':' && rules.namesAnError(t.text())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a line reports a failure of its own wherever it stands, inside another line's record
   * too: {@code Signal (11) received.} after the last INFO line of a server that crashed, a
   * kubelet's {@code Failed to pull image} among the events above a client's error ({@link
   * Rules#reportsFailure}). No logger's wrapper retells another error in those words.
   */
  static boolean anywhere(PreparedLine line, Rules rules) {
    return rules.reportsFailure(line.text());
  }

  /**
   * Whether a line says the process is gone ({@link Rules#reportsEnd}): a crash, a kill. A known
   * warning beside it is seldom why: see {@code Matcher.unexplained}.
   */
  static boolean ends(PreparedLine line, Rules rules) {
    return rules.reportsEnd(line.text());
  }
}
