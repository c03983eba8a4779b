package dev.errata.match;

import java.util.List;

/**
 * One ranked result with its explanation.
 *
 * @param line the pasted line that matched best, or null when only relevance found the entry
 * @param symptom the entry's symptom that line matched, or "" 
 * @param tokens the words that carried the score, most telling first
 * @param versions the verdict for each component version known from the paste or the options
 * @param reasons sentences saying why, for people
 * @param occurrences how many lines of the paste show this failure (0 when no line aligns soundly)
 * @param firstLine the line where it first appears, when {@code occurrences} is not 0
 */
public record Match(EntryInfo entry, Confidence confidence, double score, MatchedLine line, String symptom,
    List<String> tokens, List<VersionVerdict> versions, List<String> reasons, int occurrences, int firstLine) {

  public Match {
    tokens = List.copyOf(tokens);
    versions = List.copyOf(versions);
    reasons = List.copyOf(reasons);
  }

  /** A pasted line, with the character ranges that matched the symptom's words. */
  public record MatchedLine(int number, String text, List<int[]> highlights) {}

  /** How a known version stands against the entry's ranges. */
  public record VersionVerdict(String component, String version, String source, String verdict, String ranges) {}

  /** True when a known version falls outside every affected range of the entry. */
  public boolean excludedByVersions() {
    return !versions.isEmpty() && versions.stream().noneMatch(v -> v.verdict().equals("affected"));
  }
}
