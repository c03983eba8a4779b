package dev.errata.render;

import java.util.Objects;

/** One output file: its path inside the site (with {@code /}) and its text. */
public record Page(String path, String content) {
  public Page {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    if (path.startsWith("/") || path.contains("..")) {
      throw new IllegalArgumentException("page path must stay inside the site: " + path);
    }
  }
}
