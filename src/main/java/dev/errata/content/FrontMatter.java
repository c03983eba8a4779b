package dev.errata.content;

import java.util.Optional;

/**
 * A file split into its YAML front matter and Markdown body, with the file lines they start on,
 * so that every later message can name the line in the file, not in the fragment.
 *
 * @param yamlLine the file line of the first YAML line (2 when the file starts with {@code ---})
 * @param bodyLine the file line of the first body line
 * @param yamlStart where the YAML starts in the text given (a byte order mark before it counted)
 */
record FrontMatter(String yaml, int yamlLine, String body, int bodyLine, int yamlStart) {

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
      if (t.startsWith("---", pos) && blank(t, pos + 3, end)) {
        int yamlStart = next(t, firstEnd);
        int bodyStart = next(t, end);
        return Optional.of(new FrontMatter(t.substring(yamlStart, pos), 2, t.substring(Math.min(bodyStart, t.length())), line + 1,
            yamlStart + text.length() - t.length()));
      }
      pos = next(t, end);
      line++;
    }
    problem.append("the front matter is not closed: add a '---' line after the last YAML line");
    return Optional.empty();
  }

  /** Whether {@code t} holds only white space from {@code from} to {@code to} (what {@link String#strip} removes). */
  private static boolean blank(String t, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(t.charAt(i))) {
        return false;
      }
    }
    return true;
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
