package dev.errata.content;

import java.util.Optional;

/**
 * A file split into its YAML front matter and Markdown body, with the file lines they start on,
 * so that every later message can name the line in the file, not in the fragment.
 *
 * @param yamlLine the file line of the first YAML line (2 when the file starts with {@code ---})
 * @param bodyLine the file line of the first body line
 */
record FrontMatter(String yaml, int yamlLine, String body, int bodyLine) {

  /** Splits {@code text}, or says why it cannot: the message is fit for a diagnostic. */
  static Optional<FrontMatter> split(String text, StringBuilder problem) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    int firstEnd = lineEnd(t, 0);
    if (!t.substring(0, firstEnd).strip().equals("---")) {
      problem.append("the file does not start with a '---' line; an entry begins with YAML front"
          + " matter between two '---' lines");
      return Optional.empty();
    }
    int pos = next(t, firstEnd);
    int line = 2;
    while (pos < t.length()) {
      int end = lineEnd(t, pos);
      String l = t.substring(pos, end);
      if (l.strip().equals("---") && (l.startsWith("---"))) {
        String yaml = t.substring(next(t, firstEnd), pos);
        int bodyStart = next(t, end);
        return Optional.of(new FrontMatter(yaml, 2, t.substring(Math.min(bodyStart, t.length())), line + 1));
      }
      pos = next(t, end);
      line++;
    }
    problem.append("the front matter is not closed: add a '---' line after the last YAML line");
    return Optional.empty();
  }

  private static int lineEnd(String t, int from) {
    int n = t.indexOf('\n', from);
    int end = n < 0 ? t.length() : n;
    return end > from && t.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  private static int next(String t, int lineEnd) {
    if (lineEnd < t.length() && t.charAt(lineEnd) == '\r') {
      lineEnd++;
    }
    return lineEnd < t.length() ? lineEnd + 1 : t.length();
  }
}
