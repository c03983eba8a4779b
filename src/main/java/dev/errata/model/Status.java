package dev.errata.model;

import java.util.Locale;
import java.util.Optional;

/** Where an entry stands; written in lower case in front matter. */
public enum Status {
  INVESTIGATING("Investigating", "cause not yet known"),
  CONFIRMED("Confirmed", "cause known, no fix or workaround yet"),
  WORKAROUND("Workaround", "a workaround exists, no fixed release"),
  FIXED("Fixed", "a release fixes it"),
  WONTFIX("Won't fix", "will not be fixed upstream");

  private final String label;
  private final String meaning;

  Status(String label, String meaning) {
    this.label = label;
    this.meaning = meaning;
  }

  /** The word used in front matter, such as {@code workaround}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public String meaning() {
    return meaning;
  }

  public static Optional<Status> find(String key) {
    for (Status s : values()) {
      if (s.key().equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
