package dev.errata.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A log's lines held apart by HTML line breaks ({@code <br>}, {@code <br/>}, {@code <br />}, in
 * any case) on one line: how a Markdown table keeps a log in a cell, and how a wiki page's or a
 * forum post's source keeps it. Each piece is read as the line it was. The browser's port is
 * {@code htmlBreaks} in errata-text.js.
 */
final class HtmlBreaks {
  private HtmlBreaks() {}

  /** The lines, each cut at its HTML breaks; {@code lines} itself when none has one. */
  static String[] split(String[] lines) {
    List<String> out = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int at = next(line, 0);
      if (at < 0 && out == null) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(List.of(lines).subList(0, i));
      }
      int from = 0;
      while (at >= 0) {
        out.add(line.substring(from, at));
        from = after(line, at);
        at = next(line, from);
      }
      out.add(line.substring(from));
    }
    return out == null ? lines : out.toArray(String[]::new);
  }

  /** Where the first break at or after {@code from} starts, or -1. */
  static int next(String line, int from) {
    for (int at = line.indexOf('<', from); at >= 0; at = line.indexOf('<', at + 1)) {
      if (after(line, at) > at) {
        return at;
      }
    }
    return -1;
  }

  /** Where the break that starts at {@code at} ends, or {@code at} when none starts there. */
  private static int after(String line, int at) {
    if (!line.regionMatches(true, at, "<br", 0, 3)) {
      return at;
    }
    int i = skipBlanks(line, at + 3);
    if (i < line.length() && line.charAt(i) == '/') {
      i = skipBlanks(line, i + 1);
    }
    return i < line.length() && line.charAt(i) == '>' ? i + 1 : at;
  }

  private static int skipBlanks(String line, int i) {
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
