package dev.errata.match;

import dev.errata.text.FoundVersion;
import java.util.List;

/**
 * The answer to one paste: ranked matches (possibly none), the versions used and where they came
 * from, and how much of the paste was read.
 *
 * @param lines how many lines of the paste were read
 * @param preparedLines how many distinct lines were kept for matching
 * @param truncated whether the paste went on past the line limit, unread
 * @param skipped ordinary lines of new shapes read but not kept, past the limit of distinct lines
 * @param unexplained the failure the paste shows before answers that all follow from others, which
 *     no entry answered with confidence (those answers are then only possible); null when none
 */
public record MatchReport(List<Match> matches, List<FoundVersion> versions, int lines, int preparedLines, boolean truncated,
    int skipped, Match.MatchedLine unexplained) {
  public MatchReport {
    matches = List.copyOf(matches);
    versions = List.copyOf(versions);
  }

  public MatchReport(List<Match> matches, List<FoundVersion> versions, int lines, int preparedLines, boolean truncated, int skipped) {
    this(matches, versions, lines, preparedLines, truncated, skipped, null);
  }

  /** The first match when it is confident. */
  public boolean confident() {
    return !matches.isEmpty() && matches.get(0).confidence().confident();
  }
}
