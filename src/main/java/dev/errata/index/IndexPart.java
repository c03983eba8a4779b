package dev.errata.index;

import java.util.Objects;

/** One file of the search index: its path inside the site and its bytes, UTF-8 text. */
public record IndexPart(String path, byte[] bytes) {
  public IndexPart {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(bytes, "bytes");
  }
}
