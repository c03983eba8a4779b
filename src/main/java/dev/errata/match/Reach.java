package dev.errata.match;

/**
 * How far one paste's answers reached into the index: what another entry would have needed to
 * take part in them. Recorded with the answers of an example, so that after an edit {@link
 * EditReach} can tell whether the edited entries could have changed them.
 *
 * @param worst the score of the last of the {@link Matcher#RANKED} best entries; NaN when fewer
 *     were ranked (then any entry that shares a word with the paste takes part)
 * @param lines for each line aligned, in the order aligned ({@link Matcher#mostTellingFirst}),
 *     the least weight a template had to share with it to be a candidate; lines past the last
 *     were left out by the alignment budget
 */
public record Reach(double worst, double[] lines) {
  public Reach {
    lines = lines.clone();
  }

  @Override
  public double[] lines() {
    return lines.clone();
  }

  double line(int i) {
    return lines[i];
  }

  int lineCount() {
    return lines.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reach r && Double.compare(worst, r.worst) == 0 && java.util.Arrays.equals(lines, r.lines);
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(worst) + java.util.Arrays.hashCode(lines);
  }

  @Override
  public String toString() {
    return "Reach[worst=" + worst + ", lines=" + java.util.Arrays.toString(lines) + "]";
  }
}
