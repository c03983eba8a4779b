package dev.errata.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The limits a Markdown text must keep, checked in one pass over it before any parser sees it.
 * Flexmark parses and renders recursively and some of its paths take time that grows faster than
 * the input: deep enough quotes on one line overflow the stack, and deeply nested lists take
 * minutes before they do. Within these limits every input parses in bounded time and stack.
 *
 * <ul>
 *   <li>Lists and quotes nest at most {@link #MAX_NESTING} levels. Each level of a line needs its
 *       {@code >}, its list marker or two columns of indentation in front of the text, so counting
 *       those bounds the depth from above without parsing (lines in fenced code are not counted).
 *   <li>A line outside fenced code holds at most {@link #MAX_LINE_CHARS} characters, and a
 *       paragraph (lines without a blank one between them: a table, reference definitions) at
 *       most {@link #MAX_PARAGRAPH_CHARS}; inline parsing, the part with superlinear cases, works
 *       a paragraph at a time.
 * </ul>
 *
 * <p>Inline nesting (emphasis, links) cannot be bounded this way without refusing ordinary text:
 * its depth is at most the number of emphasis and bracket characters in the paragraph. A text
 * with more of them than {@link #SAFE_DELIMITERS} in one paragraph, or with a line that starts
 * with a long run of {@code * - _} (a thematic break, which Java's regular expressions match
 * recursively), is {@linkplain Scan#risky() risky}: it is parsed on a thread with a large stack,
 * and its real depth is checked on the tree.
 */
public final class MarkdownLimits {
  /** Levels of lists, quotes, emphasis and links inside each other. */
  public static final int MAX_NESTING = 16;
  /** Characters in a line outside fenced code. */
  public static final int MAX_LINE_CHARS = 4_096;
  /** Characters in a paragraph outside fenced code. */
  public static final int MAX_PARAGRAPH_CHARS = 65_536;
  /** Emphasis and bracket characters in a paragraph below which parsing recurses only shallowly. */
  static final int SAFE_DELIMITERS = 512;
  /** A line may start with this many {@code * - _}, spaces and tabs before it is parsed on a large stack. */
  static final int SAFE_RUN = 256;

  private MarkdownLimits() {}

  /**
   * A problem on a line of the text (1-based), with what to do about it. An error keeps the
   * text from being rendered as written; a warning says what was rendered otherwise (a refused
   * link shown as text).
   */
  public record Problem(int line, String message, String hint, boolean error) {}

  /** What a scan found: problems that stop the text from being parsed, and whether parsing needs a large stack. */
  record Scan(List<Problem> problems, boolean risky) {}

  static Scan scan(CharSequence text) {
    String t = text.toString();
    char[] chars = BUFFER.get();
    if (chars.length < t.length()) {
      chars = new char[Math.max(t.length(), 2 * chars.length)];
      BUFFER.set(chars);
    }
    t.getChars(0, t.length(), chars, 0);
    return new Scanner(chars, t.length()).run();
  }

  /** The thread's array the texts are scanned from: a build scans every body, a new array each was a tenth of a rebuild. */
  private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[1 << 14]);

  /**
   * Reads the text from a char array: on the quick compiler each {@code charAt} of a
   * CharSequence is a call, and a build scans every body.
   */
  private static final class Scanner {
    private final char[] s;
    private final int length;
    private final List<Problem> problems = new ArrayList<>();
    private boolean nestingReported;
    private boolean lineReported;
    private boolean paragraphReported;
    private boolean risky;
    private char fence;
    private int fenceLength;
    private int paragraphLine;
    private int paragraphChars;
    private int paragraphDelimiters;

    Scanner(char[] s, int length) {
      this.s = s;
      this.length = length;
    }

    Scan run() {
      int line = 0;
      for (int start = 0; start <= length; ) {
        int end = start;
        while (end < length && s[end] != '\n') {
          end++;
        }
        line++;
        line(line, start, end > start && s[end - 1] == '\r' ? end - 1 : end);
        start = end + 1;
      }
      return new Scan(List.copyOf(problems), risky);
    }

    private void line(int number, int start, int end) {
      // The container prefix: indentation, '>' and list markers, as many as there are.
      int i = start;
      int columns = 0;
      int containers = 0;
      while (i < end) {
        char c = s[i];
        if (c == ' ' || c == '\t') {
          columns += c == '\t' ? 4 : 1;
          i++;
        } else if (c == '>') {
          containers++;
          i++;
        } else if ((c == '-' || c == '+' || c == '*') && (i + 1 == end || s[i + 1] == ' ' || s[i + 1] == '\t')) {
          containers++;
          i++;
        } else {
          int j = i;
          while (j < end && j - i < 9 && s[j] >= '0' && s[j] <= '9') {
            j++;
          }
          if (j > i && j < end && (s[j] == '.' || s[j] == ')')
              && (j + 1 == end || s[j + 1] == ' ' || s[j + 1] == '\t')) {
            containers++;
            i = j + 1;
          } else {
            break;
          }
        }
      }
      if (fence != 0) {
        if (closesFence(i, end)) {
          fence = 0;
        }
        return;
      }
      if (opensFence(i, end)) {
        endParagraph();
        return;
      }
      int depth = containers + columns / 2;
      if (containers > 0 && depth > MAX_NESTING && !nestingReported) {
        nestingReported = true;
        problems.add(new Problem(number, String.format(Locale.ROOT,
            "lists and quotes nested up to %,d levels deep; errata renders at most %d", depth, MAX_NESTING),
            "flatten the lists and quotes; deep indentation of a list item counts as nesting too", true));
      }
      if (end - start > MAX_LINE_CHARS && !lineReported) {
        lineReported = true;
        problems.add(new Problem(number, String.format(Locale.ROOT,
            "a line of %,d characters; outside fenced code a line may have at most %,d", end - start, MAX_LINE_CHARS),
            "break it into shorter lines, or put long output in a fenced code block (```)", true));
      }
      if (isBlank(i, end)) {
        endParagraph();
        return;
      }
      if (paragraphChars == 0) {
        paragraphLine = number;
      }
      paragraphChars += end - start + 1;
      if (paragraphChars > MAX_PARAGRAPH_CHARS && !paragraphReported) {
        paragraphReported = true;
        problems.add(new Problem(paragraphLine, String.format(Locale.ROOT,
            "a paragraph (lines without a blank line between them) of more than %,d characters", MAX_PARAGRAPH_CHARS),
            "split it with blank lines", true));
      }
      int run = start;
      while (run < end && "*-_ \t".indexOf(s[run]) >= 0) {
        run++;
      }
      risky |= run - start > SAFE_RUN;
      paragraphDelimiters += delimiters(i, end);
      risky |= paragraphDelimiters > SAFE_DELIMITERS;
    }

    /** Characters that may open emphasis, strikethrough or a link: each level of inline nesting takes one. */
    private int delimiters(int from, int end) {
      int n = 0;
      for (int i = from; i < end; i++) {
        char c = s[i];
        if (c == '*' || c == '~' || c == '[') {
          n++;
        } else if (c == '_' && !(i > from && i + 1 < end && Character.isLetterOrDigit(s[i - 1])
            && Character.isLetterOrDigit(s[i + 1]))) {
          n++; // an underscore inside a word opens nothing
        }
      }
      return n;
    }

    private void endParagraph() {
      paragraphChars = 0;
      paragraphDelimiters = 0;
    }

    private boolean isBlank(int from, int end) {
      for (int i = from; i < end; i++) {
        if (s[i] != ' ' && s[i] != '\t') {
          return false;
        }
      }
      return true;
    }

    private boolean opensFence(int from, int end) {
      int n = run(from, end);
      if (n < 3) {
        return false;
      }
      char c = s[from];
      if (c == '`') {
        for (int i = from + n; i < end; i++) {
          if (s[i] == '`') {
            return false; // a backtick in the info string: inline code, not a fence
          }
        }
      }
      fence = c;
      fenceLength = n;
      return true;
    }

    private boolean closesFence(int from, int end) {
      int n = run(from, end);
      return n >= fenceLength && s[from] == fence && isBlank(from + n, end);
    }

    /** The length of the run of backticks or tildes at {@code from}, else 0. */
    private int run(int from, int end) {
      if (from >= end || (s[from] != '`' && s[from] != '~')) {
        return 0;
      }
      int i = from;
      while (i < end && s[i] == s[from]) {
        i++;
      }
      return i - from;
    }
  }
}
