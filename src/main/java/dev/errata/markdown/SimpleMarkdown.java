package dev.errata.markdown;

import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.Escaping;

/**
 * Parses and writes, in one pass and without a syntax tree, the Markdown nearly every entry body
 * is made of: paragraphs, ATX headings, fenced code, pipe tables and inline code. Building
 * Flexmark's tree is the costly part of Markdown in a large build. Anything outside that subset, or
 * anything whose reading depends on CommonMark's finer rules (emphasis, links, escapes,
 * entities, raw HTML, lists, quotes, indentation, trailing spaces), and any text outside code
 * the autolink extension might link, makes it decline, returning null, so that Flexmark reads the whole
 * body. {@code MarkdownTest} holds what it accepts to the same HTML as Flexmark's, and to the
 * same words for search.
 *
 * <p>Code goes to the search text's code part, as {@link Markdown.Rendered} explains.
 */
final class SimpleMarkdown {
  private final String src;
  /** The text as characters: scanned where it lies, and copied out in runs. */
  private final char[] a;
  private final DataHolder options;
  private final StringBuilder html;
  private final Chars text;
  private final Chars code = new Chars(256);
  private HeaderIdGenerator ids;

  private SimpleMarkdown(String src, DataHolder options) {
    this.src = src;
    this.a = src.toCharArray();
    this.options = options;
    this.html = new StringBuilder(a.length + a.length / 4);
    this.text = new Chars(a.length);
  }

  /**
   * The body as HTML and as text and code for search (as {@link Markdown#render} gives them), or
   * null when it holds anything this reader leaves to Flexmark.
   */
  static Markdown.Rendered render(String markdown, DataHolder options) {
    SimpleMarkdown m = new SimpleMarkdown(markdown, options);
    try {
      m.blocks();
    } catch (Declined e) {
      return null;
    }
    return new Markdown.Rendered(m.html.toString(), m.text.done(), m.code.done());
  }

  private static Declined decline() {
    return Declined.INSTANCE;
  }

  // ---- blocks: the text is read line by line; pos is always the start of a line.

  private int pos;

  /** Where the lines end, found by the first pass of {@link #blocks}. */
  private int[] newlines = new int[64];
  private int lines;

  private int lineEnd(int start) {
    int k = java.util.Arrays.binarySearch(newlines, 0, lines, start);
    if (k < 0) {
      k = -k - 1;
    }
    return k < lines ? newlines[k] : a.length;
  }

  private int next(int end) {
    return end < a.length ? end + 1 : end;
  }

  private void blocks() {
    for (int i = 0; i < a.length; i++) {
      char c = a[i];
      if (c < ' ') {
        if (c == '\n') {
          if (lines == newlines.length) {
            newlines = java.util.Arrays.copyOf(newlines, lines * 2);
          }
          newlines[lines++] = i;
        } else if (c != '\t') {
          throw decline(); // carriage returns and other controls
        }
      }
    }
    while (pos < a.length) {
      int end = lineEnd(pos);
      if (blank(pos, end)) {
        pos = next(end);
      } else if (src.startsWith("```", pos)) {
        fence(end);
      } else if (a[pos] == '#') {
        heading(end);
      } else if (a[pos] == '|') {
        table();
      } else {
        paragraph();
      }
    }
  }

  private boolean blank(int start, int end) {
    for (int i = start; i < end; i++) {
      if (a[i] != ' ') {
        return false;
      }
    }
    return true;
  }

  private void fence(int end) {
    noTab(pos, end);
    int ticks = run(pos, end, '`');
    String info = src.substring(pos + ticks, end).strip();
    if (!HtmlText.plainLanguage(info)) {
      throw decline();
    }
    int contentStart = next(end);
    int line = contentStart;
    while (true) {
      if (line >= a.length) {
        throw decline(); // unclosed: CommonMark's end-of-document rules are left to Flexmark
      }
      int lineEnd = lineEnd(line);
      if (closes(line, lineEnd, ticks)) {
        line();
        html.append("<pre><code");
        if (!info.isEmpty()) {
          html.append(" class=\"language-");
          escape(info);
          html.append('"');
        }
        html.append('>');
        HtmlText.escape(html, a, src, contentStart, line);
        html.append("</code></pre>");
        line();
        code.append(a, contentStart, line).append('\n');
        pos = next(lineEnd);
        return;
      }
      line = next(lineEnd);
    }
  }

  /**
   * A closing fence: up to three spaces, at least as many backticks as opened it, spaces or tabs.
   * (Tabs are taken as they are only in code; before a fence they would be indentation.)
   */
  private boolean closes(int start, int end, int ticks) {
    int i = start;
    while (i < end && i - start < 3 && a[i] == ' ') {
      i++;
    }
    int n = run(i, end, '`');
    if (n < ticks) {
      return false;
    }
    for (int k = i + n; k < end; k++) {
      if (a[k] != ' ' && a[k] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Tabs count as columns up to a tab stop: outside code they are left to Flexmark. */
  private void noTab(int start, int end) {
    for (int i = start; i < end; i++) {
      if (a[i] == '\t') {
        throw decline();
      }
    }
  }

  private int run(int start, int end, char c) {
    int i = start;
    while (i < end && a[i] == c) {
      i++;
    }
    return i - start;
  }

  /** A heading line: one to six {@code #}, a space, plain words (no closing {@code #}s). */
  private boolean isHeading(int start, int end) {
    int level = run(start, end, '#');
    return level <= 6 && start + level < end && a[start + level] == ' ';
  }

  private void heading(int end) {
    noTab(pos, end);
    if (!isHeading(pos, end)) {
      throw decline();
    }
    int level = run(pos, end, '#');
    int from = pos + level;
    int to = end;
    while (from < to && a[from] == ' ') {
      from++;
    }
    while (to > from && a[to - 1] == ' ') {
      to--;
    }
    String content = new String(a, from, to - from);
    // A heading's id is made from its text, which code spans and tags would change.
    if (content.isEmpty() || content.endsWith("#") || content.indexOf('`') >= 0 || hasTag(a, from, to)) {
      throw decline();
    }
    if (ids == null) {
      ids = new HeaderIdGenerator(options);
    }
    String id = ids.getId(content);
    line();
    html.append("<h").append(level);
    if (id != null && !id.isEmpty()) {
      html.append(" id=\"");
      escape(id);
      html.append('"');
    }
    html.append('>');
    text.append('\n');
    inline(a, src, from, to);
    html.append("</h").append(level).append('>');
    line();
    pos = next(end);
  }

  private void paragraph() {
    int start = pos;
    int end = lineEnd(pos);
    int last;
    while (true) {
      checkParagraphLine(pos, end);
      last = end;
      pos = next(end);
      if (pos >= a.length) {
        break;
      }
      end = lineEnd(pos);
      if (blank(pos, end) || src.startsWith("```", pos) || (a[pos] == '#' && isHeading(pos, end))) {
        break;
      }
    }
    line();
    html.append("<p>");
    text.append('\n');
    inline(a, src, start, last);
    html.append("</p>");
    line();
  }

  /**
   * A line Flexmark would read as plain paragraph text whatever precedes it: it starts with a
   * letter, a digit that does not open a numbered list, a backtick, an opening quote or
   * parenthesis, underscores before a word or a "!" that opens no image, and has no trailing
   * space (a hard break).
   */
  private void checkParagraphLine(int start, int end) {
    noTab(start, end);
    char c = a[start];
    if (Character.isDigit(c)) {
      int i = start;
      while (i < end && Character.isDigit(a[i])) {
        i++;
      }
      boolean marker = i < end && (a[i] == '.' || a[i] == ')');
      if (marker && (i + 1 == end || a[i + 1] == ' ')) {
        throw decline();
      }
    } else if (!(Character.isLetter(c) || c == '`' || c == '(' || c == '"' || c == '\''
        || c == '_' && wordAfter(start, end, '_') || c == '!' && start + 1 < end && a[start + 1] != '[')) {
      throw decline();
    }
    if (a[end - 1] == ' ') {
      throw decline();
    }
  }

  /** Whether the run of {@code c} at {@code start} is followed by a letter or digit: no rule or break. */
  private boolean wordAfter(int start, int end, char c) {
    int i = start + run(start, end, c);
    return i < end && Character.isLetterOrDigit(a[i]);
  }

  private void table() {
    java.util.List<String[]> rows = new java.util.ArrayList<>();
    while (pos < a.length) {
      int end = lineEnd(pos);
      if (blank(pos, end)) {
        break;
      }
      noTab(pos, end);
      if (a[pos] != '|' || end - pos < 2 || a[end - 1] != '|') {
        throw decline();
      }
      rows.add(cells(pos + 1, end - 1));
      pos = next(end);
    }
    if (rows.size() < 3) {
      throw decline();
    }
    int columns = rows.get(0).length;
    for (String[] row : rows) {
      if (row.length != columns) {
        throw decline();
      }
    }
    for (String cell : rows.get(1)) {
      if (cell.length() < 3 || run(cell) != cell.length()) {
        throw decline();
      }
    }
    line();
    html.append("<table class=\"table\">");
    line();
    html.append("<thead>");
    row(rows.get(0), "th");
    html.append("</thead>");
    line();
    for (String cell : rows.get(1)) {
      text.append(cell.toCharArray(), 0, cell.length()).append(' ');
    }
    html.append("<tbody>");
    for (int r = 2; r < rows.size(); r++) {
      row(rows.get(r), "td");
    }
    html.append("</tbody>");
    line();
    html.append("</table>");
    line();
  }

  private static int run(String cell) {
    int i = 0;
    while (i < cell.length() && cell.charAt(i) == '-') {
      i++;
    }
    return i;
  }

  /** The cells between a row's outer pipes, trimmed; a pipe inside inline code is left to Flexmark. */
  private String[] cells(int start, int end) {
    java.util.List<String> cells = new java.util.ArrayList<>();
    int from = start;
    int ticks = 0;
    for (int i = start; i <= end; i++) {
      if (i == end || a[i] == '|') {
        if (ticks % 2 != 0) {
          throw decline();
        }
        String cell = src.substring(from, i).strip();
        if (cell.isEmpty()) {
          throw decline();
        }
        cells.add(cell);
        from = i + 1;
      } else if (a[i] == '`') {
        ticks++;
      }
    }
    return cells.toArray(new String[0]);
  }

  private void row(String[] cells, String tag) {
    line();
    html.append("<tr>");
    for (String cell : cells) {
      char[] chars = cell.toCharArray();
      if (hasTag(chars, 0, chars.length)) {
        throw decline(); // Flexmark's text of a cell splits around a tag otherwise than a paragraph's
      }
      html.append('<').append(tag).append('>');
      inline(chars, cell, 0, cell.length());
      html.append("</").append(tag).append('>');
    }
    html.append("</tr>");
    line();
  }

  // ---- inline: text and code spans; anything else declines.

  private static boolean hasTag(char[] s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s[i] == '<' && bareTag(s, i, to) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where a tag with no attributes ({@code <init>}, {@code </b>}, {@code <br/>}) that starts at
   * {@code i} ends, or -1 for anything else at a "<": those are left to Flexmark.
   */
  private static int bareTag(char[] s, int i, int n) {
    int j = i + 1;
    if (j < n && s[j] == '/') {
      j++;
    }
    if (j >= n || !(s[j] < 128 && Character.isLetter(s[j]))) {
      return -1;
    }
    while (j < n && s[j] < 128 && (Character.isLetterOrDigit(s[j]) || s[j] == '-')) {
      j++;
    }
    if (j < n && s[j] == '/' && s[i + 1] != '/') {
      j++;
    }
    return j < n && s[j] == '>' ? j + 1 : -1;
  }

  /**
   * The characters {@link #inline} stops at, and those {@link #plain} stops at: a table read
   * per character, where comparisons let spaces, capitals and digits through to the switch.
   */
  private static final boolean[] INLINE = marks("`_*&<]\\~");
  private static final boolean[] PLAIN = marks("w@:&<>\"\n");

  private static boolean[] marks(String chars) {
    boolean[] out = new boolean[128];
    for (char c : chars.toCharArray()) {
      out[c] = true;
    }
    return out;
  }

  private void inline(char[] s, String str, int start, int n) {
    int openers = 0;
    int from = start;
    int i = start;
    while (i < n) {
      char c = s[i];
      if (c >= 128 || !INLINE[c]) {
        i++; // most text: nothing to look at
        continue;
      }
      switch (c) {
        case '`' -> {
          int ticks = 1;
          while (i + ticks < n && s[i + ticks] == '`') {
            ticks++;
          }
          int close = closingTicks(s, i + ticks, n, ticks);
          if (close < 0) {
            i += ticks; // no run of the same length closes it: the backticks are text
            continue;
          }
          plain(s, str, from, i);
          String inner = str.substring(i + ticks, close);
          html.append("<code>");
          escape(Escaping.collapseWhitespace(inner, true));
          html.append("</code>");
          code.append(s, i + ticks, close).append(' ');
          i = close + ticks;
          from = i;
        }
        case '_', '*' -> {
          int end = i;
          while (end < n && s[end] == c) {
            end++;
          }
          int run = delimiterRun(s, start, n, i, end);
          // Emphasis needs a run that may open and a later one of the same character that may
          // close; without such a pair every run is literal text, whatever else is around it.
          int opened = c == '_' ? 1 : 2;
          if ((run & CLOSES) != 0 && (openers & opened) != 0) {
            throw decline();
          }
          if ((run & OPENS) != 0) {
            openers |= opened;
          }
          i = end;
        }
        case '&' -> {
          // An entity needs a name or a number after the ampersand: "&&" and "& " are text.
          if (i + 1 < n && (Character.isLetterOrDigit(s[i + 1]) || s[i + 1] == '#')) {
            throw decline();
          }
          i++;
        }
        case '<' -> {
          // A tag, a comment or an autolink starts with a letter, "/", "!" or "?"; "<2" and "< " are text.
          if (i + 1 < n && (Character.isLetter(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!' || s[i + 1] == '?')) {
            int close = bareTag(s, i, n);
            if (close < 0) {
              throw decline();
            }
            // A bare tag such as <init> (Java's constructors in stack traces): raw HTML, which
            // is escaped into the page and, not being text, left out of the searchable text.
            plain(s, str, from, i);
            HtmlText.escape(html, s, str, i, close);
            i = close;
            from = i;
          } else {
            i++;
          }
        }
        case ']' -> {
          // With no reference definitions (a line starting with "[" declines), only "](" makes a link.
          if (i + 1 < n && s[i + 1] == '(') {
            throw decline();
          }
          i++;
        }
        case '\\', '~' -> throw decline();
        default -> i++;
      }
    }
    plain(s, str, from, n);
  }

  private static final int OPENS = 1;
  private static final int CLOSES = 2;

  /**
   * Whether the run of {@code *} or {@code _} at {@code s[i, end)} may open or close emphasis, by
   * CommonMark's flanking rules, the edges of the text counting as white space. Those rules read
   * Unicode white space and punctuation, where versions of the spec differ: a run next to a
   * character beyond ASCII declines.
   */
  private static int delimiterRun(char[] s, int start, int n, int i, int end) {
    char before = i == start ? ' ' : s[i - 1];
    char after = end == n ? ' ' : s[end];
    if (before >= 128 || after >= 128) {
      throw decline();
    }
    boolean spaceBefore = before == ' ' || before == '\n';
    boolean spaceAfter = after == ' ' || after == '\n';
    boolean punctBefore = isPunctuation(before);
    boolean punctAfter = isPunctuation(after);
    boolean left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
    boolean right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
    boolean opens = s[i] == '*' ? left : left && (!right || punctBefore);
    boolean closes = s[i] == '*' ? right : right && (!left || punctAfter);
    return (opens ? OPENS : 0) | (closes ? CLOSES : 0);
  }

  private static boolean isPunctuation(char c) {
    return c > ' ' && c < 127 && !Character.isLetterOrDigit(c);
  }

  /** Where a run of exactly {@code ticks} backticks starts in {@code s[from, to)}, or -1. */
  private static int closingTicks(char[] s, int from, int to, int ticks) {
    int i = from;
    while (i < to) {
      if (s[i] != '`') {
        i++;
        continue;
      }
      int start = i;
      while (i < to && s[i] == '`') {
        i++;
      }
      if (i - start == ticks) {
        return start;
      }
    }
    return -1;
  }

  /**
   * Text between code spans: escaped into the HTML, and its lines into the plain text (each line
   * a text node of its own, as Flexmark's), in one pass rather than several, and without a call
   * per character to ask about links. A link found part way declines the whole body,
   * so what was written before it does not matter.
   */
  private void plain(char[] s, String str, int from, int to) {
    if (from >= to) {
      return;
    }
    int run = from;
    int line = from;
    for (int i = from; i < to; i++) {
      char c = s[i];
      if (c >= 128 || !PLAIN[c]) {
        continue;
      }
      switch (c) {
        // The autolink extension looks only at text, never into code, so only text can make a
        // link: a "www.", a "://" or an "@".
        case 'w', '@', ':' -> {
          if (Markdown.mayLinkAt(s, i)) {
            throw decline();
          }
        }
        case '&', '<', '>', '"' -> {
          html.append(str, run, i).append(HtmlText.entity(c));
          run = i + 1;
        }
        case '\n' -> {
          if (i > line) {
            text.append(s, line, i).append(' ');
          }
          line = i + 1;
        }
        default -> {}
      }
    }
    html.append(str, run, to);
    if (to > line) {
      text.append(s, line, to).append(' ');
    }
  }

  private void escape(String s) {
    HtmlText.escape(html, s);
  }

  private void line() {
    HtmlText.endLine(html);
  }

  /**
   * The text and code for word search, kept as characters: they are tokenized as a char array,
   * and a StringBuilder's String had to be copied into one again, a copy of every body.
   */
  private static final class Chars {
    private char[] chars;
    private int length;

    Chars(int capacity) {
      chars = new char[Math.max(16, capacity)];
    }

    Chars append(char[] from, int start, int end) {
      int n = end - start;
      room(n);
      System.arraycopy(from, start, chars, length, n);
      length += n;
      return this;
    }

    Chars append(char c) {
      room(1);
      chars[length++] = c;
      return this;
    }

    private void room(int n) {
      if (length + n > chars.length) {
        chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + n));
      }
    }

    /** The characters as a buffer over an array of exactly their length (see Tokenizer.scan). */
    java.nio.CharBuffer done() {
      return java.nio.CharBuffer.wrap(length == chars.length ? chars : java.util.Arrays.copyOf(chars, length));
    }
  }
}
