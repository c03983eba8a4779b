package dev.errata.render;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One output file: its path inside the site (with {@code /}) and its bytes, UTF-8 text. */
public record Page(String path, byte[] bytes) {
  public Page {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(bytes, "bytes");
    if (path.startsWith("/") || path.contains("..")) {
      throw new IllegalArgumentException("page path must stay inside the site: " + path);
    }
  }

  /** The page as text. */
  public String content() {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
