package dev.errata.draft;

import java.time.LocalDate;
import java.util.List;

/**
 * The Markdown of a new entry: front matter with every required key, in the order of
 * docs/authoring.md, and body sections that do not repeat the ones the page renders. Values are
 * written so that YAML reads them back as written: in double quotes with escapes, or a pasted
 * log as a literal block.
 */
public final class EntryText {
  private EntryText() {}

  /** What goes into a new entry; {@code referenceUrl} may be null (no references yet). */
  public record Fields(String id, String title, String summary, String status, LocalDate date, List<String> tags,
      String component, List<String> symptoms, String cause, String fixTitle, String fixDetail,
      List<String> match, List<String> noMatch, String referenceUrl, String body) {
    public Fields {
      tags = List.copyOf(tags);
      symptoms = List.copyOf(symptoms);
      match = List.copyOf(match);
      noMatch = List.copyOf(noMatch);
    }
  }

  public static String write(Fields f) {
    StringBuilder b = new StringBuilder("---\n");
    b.append("id: ").append(f.id()).append('\n');
    b.append("title: ").append(quote(f.title())).append('\n');
    b.append("summary: ").append(quote(f.summary())).append('\n');
    b.append("lang: en\n");
    b.append("status: ").append(f.status()).append('\n');
    b.append("published: ").append(f.date()).append('\n');
    b.append("modified: ").append(f.date()).append('\n');
    b.append("tags: [").append(String.join(", ", f.tags().stream().map(EntryText::quote).toList())).append("]\n");
    b.append("components:\n  - name: ").append(quote(f.component())).append("\n    affected: [\"*\"]\n");
    b.append("symptoms:\n");
    f.symptoms().forEach(s -> b.append("  - ").append(quote(s)).append('\n'));
    b.append("causes:\n  - ").append(quote(f.cause())).append('\n');
    b.append("fixes:\n  - title: ").append(quote(f.fixTitle())).append("\n    detail: ").append(quote(f.fixDetail())).append('\n');
    if (!f.match().isEmpty() || !f.noMatch().isEmpty()) {
      b.append("examples:\n");
    }
    if (!f.match().isEmpty()) {
      b.append("  match:\n");
      f.match().forEach(m -> b.append("    - ").append(block(m, 6)).append('\n'));
    }
    if (!f.noMatch().isEmpty()) {
      b.append("  no_match:\n");
      f.noMatch().forEach(m -> b.append("    - ").append(block(m, 6)).append('\n'));
    }
    if (f.referenceUrl() != null) {
      b.append("references:\n  - type: report\n    url: ").append(f.referenceUrl()).append('\n');
    }
    b.append("---\n\n").append(f.body().strip()).append('\n');
    return b.toString();
  }

  /** A YAML double-quoted scalar: backslashes, quotes and control characters escaped. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\ufeff' || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /**
   * A paste of several lines as a literal block ({@code |-}) indented by {@code indent} spaces,
   * which keeps it readable; anything a literal block cannot hold as written (control
   * characters, trailing spaces, which editors drop) is quoted instead.
   */
  static String block(String text, int indent) {
    String t = text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("^(?:[ \t]*\n)+", "").stripTrailing();
    // A first line that starts with a space would set the block's indentation: quoted instead.
    if (t.indexOf('\n') < 0 || t.startsWith(" ") || t.startsWith("\t") || !blockSafe(t)) {
      return quote(t);
    }
    StringBuilder b = new StringBuilder("|-");
    for (String line : t.split("\n", -1)) {
      b.append('\n');
      if (!line.isEmpty()) {
        b.append(" ".repeat(indent)).append(line);
      }
    }
    return b.toString();
  }

  private static boolean blockSafe(String t) {
    for (String line : t.split("\n", -1)) {
      if (!line.equals(line.stripTrailing())) {
        return false;
      }
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\ufeff' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }
}
