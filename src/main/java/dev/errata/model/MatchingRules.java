package dev.errata.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A knowledge base's own matching rules ({@code matching.yml}): the other names its components
 * go by in pastes, the patterns that find their versions, tables that translate one numbering
 * of a component's versions into the one its entries use, and the words its readers use for
 * the same thing.
 *
 * @param aliases component to its other names; a component listed here is also found by its own name
 * @param extractors in the order they are tried: the first version found for a component wins
 * @param versionMaps table name (a component) to found version to the version entries use
 * @param synonyms groups of words and phrases that mean the same to a reader ({@code oom}, {@code
 *     out of memory}), in lower case: word search finds an entry that says one of a group by any other
 * @param failureLines patterns of lines that report a failure of their own wherever they stand in a
 *     paste (a crash of the knowledge base's own software), tried before the tool's generic ones
 */
public record MatchingRules(Map<String, List<String>> aliases, List<Extractor> extractors,
    Map<String, Map<String, String>> versionMaps, List<List<String>> synonyms, List<FailureLine> failureLines) {

  /**
   * A line that reports a failure of its own: {@code pattern} finds it (anywhere in the line, as
   * RE2/J's {@code find} and JavaScript's {@code test} do).
   *
   * @param ends the line means the process is gone (a crash, a kill), not only that something failed
   * @param example a line the pattern must find ({@code errata check} runs it)
   */
  public record FailureLine(String pattern, boolean ignoreCase, boolean ends, String example) {}

  /**
   * A version pattern: group 1 of {@code pattern} holds the version of {@code component}.
   *
   * @param hints lower-case words a line must contain for the pattern to run on it (none: every line)
   * @param versionMap the table in {@link #versionMaps} the found version is read through, or ""
   * @param example a line the pattern must find {@code expect} in ({@code errata check} runs it)
   */
  public record Extractor(String component, String pattern, boolean ignoreCase, List<String> hints,
      String versionMap, String example, String expect) {
    public Extractor {
      hints = List.copyOf(hints);
    }
  }

  public MatchingRules {
    Map<String, List<String>> a = new LinkedHashMap<>();
    aliases.forEach((k, v) -> a.put(k, List.copyOf(v)));
    aliases = java.util.Collections.unmodifiableMap(a);
    extractors = List.copyOf(extractors);
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    versionMaps.forEach((k, v) -> m.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    versionMaps = java.util.Collections.unmodifiableMap(m);
    synonyms = synonyms.stream().map(List::copyOf).toList();
    failureLines = List.copyOf(failureLines);
  }

  /** The same rules with other version patterns (those whose example failed left out). */
  public MatchingRules withExtractors(List<Extractor> kept) {
    return new MatchingRules(aliases, kept, versionMaps, synonyms, failureLines);
  }

  /** No rules of the knowledge base's own: only the tool's generic ones apply. */
  public static MatchingRules none() {
    return new MatchingRules(Map.of(), List.of(), Map.of(), List.of(), List.of());
  }
}
