package dev.errata.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Body headings that repeat a section the entry page renders from the front matter: a second
 * "Fix" under the rendered one reads as a duplicate, and {@code ## Symptoms} gets the anchor
 * {@code id="symptoms"} that the page's own section already has. The sections are those of
 * {@code templates/entry.ftlh}, under their titles in each shipped message bundle (a test holds them
 * equal).
 */
final class SectionHeadings {
  private SectionHeadings() {}

  /** Each rendered section's id and title, and other names for it that people write as headings. */
  static final Map<String, List<String>> SECTIONS = Map.of(
      "symptoms", List.of("Error messages", "Symptoms", "Symptom", "Error message", "报错信息"),
      "versions", List.of("Versions", "版本"),
      "causes", List.of("Cause", "Causes", "原因"),
      "fixes", List.of("Fix", "Fixes", "解决方法", "解决办法", "修复"),
      "related", List.of("Related", "相关条目"),
      "references", List.of("References", "参考资料"));

  // Compiled once: String.replaceAll compiles its pattern on every call, and every heading of every body comes here.
  private static final java.util.regex.Pattern CLOSING_HASHES = java.util.regex.Pattern.compile("\\s+#+$");
  private static final java.util.regex.Pattern ONLY_HASHES = java.util.regex.Pattern.compile("^#+$");
  private static final java.util.regex.Pattern EMPHASIS = java.util.regex.Pattern.compile("[*_`]");
  private static final java.util.regex.Pattern TRAILING_STOPS = java.util.regex.Pattern.compile("[:.]+$");

  /** A heading that repeats a section: its 1-based line in the body and its text. */
  record Repeat(int line, String heading, String section) {}

  static List<Repeat> find(String body) {
    List<Repeat> out = new ArrayList<>();
    String fence = null;
    int number = 0;
    for (int start = 0; start <= body.length(); ) {
      int end = body.indexOf('\n', start);
      if (end < 0) {
        end = body.length();
      }
      number++;
      int from = start;
      start = end + 1;
      // Only a line that starts, after at most three spaces, with a heading's or a fence's mark is
      // looked at further: a build reads every body, and most lines are neither.
      int first = from;
      while (first < end && Character.isWhitespace(body.charAt(first))) {
        first++;
      }
      if (first == end || "#`~".indexOf(body.charAt(first)) < 0) {
        continue;
      }
      String line = body.substring(from, end);
      String t = line.stripLeading();
      if (line.length() - t.length() > 3) {
        continue;
      }
      if (fence != null) {
        char mark = fence.charAt(0);
        if (t.startsWith(fence) && t.strip().chars().allMatch(c -> c == mark)) {
          fence = null;
        }
        continue;
      }
      if (t.startsWith("```") || t.startsWith("~~~")) {
        int n = 0;
        while (n < t.length() && t.charAt(n) == t.charAt(0)) {
          n++;
        }
        fence = t.substring(0, n);
        continue;
      }
      int level = 0;
      while (level < t.length() && t.charAt(level) == '#') {
        level++;
      }
      if (level == 0 || level > 6 || (level < t.length() && t.charAt(level) != ' ' && t.charAt(level) != '\t')) {
        continue;
      }
      String text = ONLY_HASHES.matcher(CLOSING_HASHES.matcher(t.substring(level).strip()).replaceAll("")).replaceAll("").strip();
      String section = sectionOf(text);
      if (section != null) {
        out.add(new Repeat(number, text, section));
      }
    }
    return out;
  }

  /** The rendered section a heading repeats, by its title or by the anchor it would get; else null. */
  private static String sectionOf(String heading) {
    String plain = TRAILING_STOPS.matcher(EMPHASIS.matcher(heading).replaceAll("")).replaceAll("").strip();
    String anchor = plain.toLowerCase(Locale.ROOT).replace(' ', '-');
    for (Map.Entry<String, List<String>> s : SECTIONS.entrySet()) {
      if (anchor.equals(s.getKey()) || s.getValue().stream().anyMatch(plain::equalsIgnoreCase)) {
        return s.getValue().get(0);
      }
    }
    return null;
  }
}
