package dev.errata.match;

import java.util.List;

/**
 * What the matcher knows of an entry and shows with a result: enough to answer without the
 * Markdown, so a match from a prebuilt index never reads the content.
 */
public record EntryInfo(String id, String title, String summary, String status, String lang, String translationOf,
    String url, List<ComponentRanges> components, List<String> firstFixCommands, String firstFixTitle, List<String> followsFrom) {

  /** A component's affected windows and fixing versions, as written. */
  public record ComponentRanges(String name, List<String> affected, List<String> fixed) {
    public ComponentRanges {
      affected = List.copyOf(affected);
      fixed = List.copyOf(fixed);
    }
  }

  public EntryInfo {
    components = List.copyOf(components);
    firstFixCommands = List.copyOf(firstFixCommands);
    followsFrom = List.copyOf(followsFrom);
    translationOf = translationOf == null ? "" : translationOf;
  }

  /** Whether this entry's error can follow from {@code cause}'s failure ({@code follows_from}, by its id or its original's). */
  public boolean followsFrom(EntryInfo cause) {
    return followsFrom.contains(cause.id()) || followsFrom.contains(cause.family());
  }

  /** The id of the entry this one translates, or its own id: results group by this. */
  public String family() {
    return translationOf.isEmpty() ? id : translationOf;
  }
}
