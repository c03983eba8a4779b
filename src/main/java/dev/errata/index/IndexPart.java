package dev.errata.index;

import java.util.Objects;

/** One file of the search index: its path inside the site and its text. */
public record IndexPart(String path, String content) {
  public IndexPart {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
  }
}
