package dev.errata.model;

import java.util.Map;
import java.util.Objects;

/**
 * Where an entry came from, for messages: the path as shown to the user, the file line on which
 * the Markdown body starts, and the file line of each front-matter key by JSON pointer ({@code
 * /related/2}), so that rules running long after parsing can still name the line.
 */
public record Source(String path, int bodyLine, Map<String, Integer> lines) {
  public Source {
    Objects.requireNonNull(path, "path");
    lines = Map.copyOf(lines);
  }

  /** The line of {@code pointer}, else of its nearest ancestor, else 0 (the whole file). */
  public int line(String pointer) {
    String p = pointer;
    while (!p.isEmpty()) {
      Integer l = lines.get(p);
      if (l != null) {
        return l;
      }
      p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
    }
    return 0;
  }
}
