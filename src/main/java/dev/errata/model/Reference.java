package dev.errata.model;

import java.util.Objects;

/** A source for an entry: a report, a fix, documentation, a discussion or release notes. */
public record Reference(String type, String url, String title) {
  public static final java.util.List<String> TYPES =
      java.util.List.of("report", "fix", "docs", "discussion", "release-notes");

  public Reference {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(url, "url");
    title = title == null ? "" : title;
  }

  /** The title, or the address when the entry gave none. */
  public String label() {
    return title.isEmpty() ? url : title;
  }
}
