package dev.errata.model;

import java.util.Objects;

/**
 * Where an entry came from, for messages: the path as shown to the user, the file line on which
 * the Markdown body starts, and the file line of each front-matter key by JSON pointer ({@code
 * /related/2}), so that rules running long after parsing can still name the line.
 *
 * @param contentPath the path relative to the content folder, with forward slashes, such as
 *     {@code server/port-in-use.md}: what an "edit this page" link is built from
 */
public record Source(String path, int bodyLine, Lines lines, String contentPath) {
  /**
   * File lines of front-matter keys. Working them out costs a second pass over the YAML, so the
   * content reader does it only when a message first asks for a line.
   */
  @FunctionalInterface
  public interface Lines {
    /** The file line of exactly {@code pointer}, or 0 when the front matter has no such key. */
    int exact(String pointer);
  }

  public Source {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(lines, "lines");
    contentPath = contentPath == null ? path : contentPath;
  }

  /** A source whose path relative to the content folder is not known apart from {@code path}. */
  public Source(String path, int bodyLine, Lines lines) {
    this(path, bodyLine, lines, path);
  }

  /** The line of {@code pointer}, else of its nearest ancestor, else 0 (the whole file). */
  public int line(String pointer) {
    return nearest(lines, pointer);
  }

  /** The line {@code lines} has for {@code pointer} or its nearest ancestor, else 0. */
  public static int nearest(Lines lines, String pointer) {
    String p = pointer;
    while (!p.isEmpty()) {
      int l = lines.exact(p);
      if (l > 0) {
        return l;
      }
      p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
    }
    return 0;
  }
}
