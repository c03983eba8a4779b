package dev.errata.text;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares pasted text for matching: splits lines (cutting very long ones), removes colour codes
 * and log prefixes, drops traceback frames, marks lines that carry errors, and folds lines of the
 * same shape (the same error repeated with other numbers) into one. Time and memory are bounded
 * by the limits in {@link Rules}: past them the rest of the paste is counted, not kept, and lines
 * that carry errors are kept before ordinary ones.
 */
public final class Paste {
  /** How many times log prefixes are stripped from one line (a prefix may follow another); read by the browser's port too. */
  public static final int PREFIX_ROUNDS = 4;
  /**
   * The narrowest width a terminal is taken to have wrapped a paste at ({@link #wrapWidth}); read
   * by the matcher and the browser's port too.
   */
  public static final int MIN_WRAPPED_LINE = 60;
  /**
   * A width other than the longest lines' ({@link #wrapWidth}): at most this wide, and had by at
   * least this many lines. Read by the browser's port too.
   */
  public static final int MAX_TERMINAL_WIDTH = 1024;
  public static final int FULL_LINES = 3;

  /**
   * The most text a quoted YAML string is read across ({@link FoldedScalar}): a pod's termination
   * message is at most 4 KB; a longer one is read as written. Read by the browser's port too.
   */
  public static final int MAX_FOLDED_CHARS = 1 << 16;

  /**
   * How much of the shorter of two commands their common characters must cover for the later to
   * run the earlier again ({@link Attempts#similar}), and how much of a command is compared. Read
   * by the browser's port too.
   */
  public static final double RERUN_SIMILARITY = 0.85;
  public static final int MAX_COMMAND_CHARS = 200;
  /**
   * Bounds on that comparison, whatever is pasted: the prompts read (a session has tens), and the
   * earlier commands of the same program each one is compared with, the latest first.
   */
  public static final int MAX_PROMPTS = 500;
  public static final int MAX_COMPARED_COMMANDS = 8;

  /**
   * What tells an e-mail in quoted-printable ({@link QuotedPrintable#is}): this many soft breaks,
   * on lines as long as an encoder makes them. Read by the browser's port too.
   */
  public static final int QP_SOFT_BREAKS = 3;
  public static final int QP_MIN_LINE = 70;
  public static final int QP_MAX_LINE = 76;

  private final List<PreparedLine> lines;
  private final int totalLines;
  private final boolean truncated;
  private final int skipped;
  private final boolean newestFirst;
  private final int[] prompts;
  private final int[] again;
  private final int width;

  private Paste(List<PreparedLine> lines, int totalLines, boolean truncated, int skipped, boolean newestFirst, Attempts attempts,
      int width) {
    this.lines = List.copyOf(lines);
    this.totalLines = totalLines;
    this.truncated = truncated;
    this.skipped = skipped;
    this.newestFirst = newestFirst;
    this.prompts = attempts.lines();
    this.again = attempts.again();
    this.width = width;
  }

  /** The lines of the session's prompts, and where each one's command runs again ({@link Attempts#again}). */
  int[] promptLines() {
    return prompts.clone();
  }

  int[] runsAgain() {
    return again.clone();
  }

  /**
   * Whether the paste's terminal session runs again, after line {@code shown} and at or before
   * line {@code later}, the command behind line {@code shown} ({@link Attempts}): an error shown
   * there, when the run again fails otherwise, is of an attempt the sender moved on from.
   */
  public boolean runAgainBetween(int shown, int later) {
    int at = Attempts.runAgain(prompts, again, shown);
    return at > shown && at <= later;
  }

  /** Whether the paste runs newest first, as log platforms show logs ({@link TimeOrder}). */
  public boolean newestFirst() {
    return newestFirst;
  }

  /** The width a terminal wrapped the paste at ({@link #wrapWidth}), or 0 when it does not look wrapped. */
  public int width() {
    return width;
  }

  public List<PreparedLine> lines() {
    return lines;
  }

  public int totalLines() {
    return totalLines;
  }

  /** True when the paste had more lines than {@link Rules#maxLines} and only its first part was read. */
  public boolean truncated() {
    return truncated;
  }

  /**
   * How many lines were read but not kept: ordinary lines (INFO, DEBUG, no error word) of new
   * shapes past {@link Rules#maxPreparedLines} of them. Lines that carry errors or warnings have
   * a budget of their own, so that a long healthy log cannot push its error out.
   */
  public int skipped() {
    return skipped;
  }

  /** Longer than this, text is a paste whatever it looks like (the site's search keeps it out of its address). */
  public static final int MAX_TYPED = 8192;
  /**
   * More words than this, on one line, are a paste rather than words typed into a search box: a
   * question in plain words runs to nine or ten ("config.pbtxt lists fewer inputs than the onnx
   * model has"), and an error line nearly always has one of the signs below anyway.
   */
  public static final int MAX_TYPED_WORDS = 12;

  /**
   * Whether text looks pasted rather than typed as a few words: several lines, more than {@link
   * #MAX_TYPED_WORDS} words, or a sign that messages have and typed words do not ({@code : [ ] (
   * ) ' " =}). What is typed is answered by word search when nothing matches it confidently, in
   * the site's search box ({@code looksLikePaste} in search-ui.js, the same rule) and in {@code
   * errata match}.
   */
  public static boolean looksLikePaste(String text) {
    if (text.length() > MAX_TYPED || text.indexOf('\n') >= 0) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      if (":[]()'\"=".indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return java.util.Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).count() > MAX_TYPED_WORDS;
  }

  public static Paste prepare(String text, Rules rules) {
    return prepare(text, rules, null);
  }

  /** Prepares the paste and, when {@code versions} is given, collects the versions it names. */
  public static Paste prepare(String text, Rules rules, Versions versions) {
    Fold fold = new Fold(rules, versions);
    // Grown as needed: most pastes are a few lines, and a check prepares thousands of them.
    List<Piece> block = new ArrayList<>();
    int number = 0;
    int start = 0;
    int n = text.length();
    // An e-mail in quoted-printable has lines of one width too: its soft breaks join them.
    boolean qp = QuotedPrintable.is(text);
    int width = qp ? 0 : wrapWidth(text);
    // A paste that lost its trailing spaces: a line cut at a space ends one before the width. One
    // that lost its leading spaces too (text read from a screenshot) may have lost the space a cut
    // left at the start of the next line: whether a line of the full width goes on inside a word
    // is then left to the matcher, which reads a line on both ways.
    // Only a line one short of the width followed by a word shows such a cut: a paste whose every cut
    // fell inside a word has no trailing space to lose.
    boolean stripped = width > 0 && noTrailingSpace(text) && shortCut(text, width);
    boolean fullCuts = !stripped || !noLeadingSpace(text);
    // The columns of the table whose rows are being read, from its last divider; null outside one.
    int[] table = null;
    // Lines read so far, each a line of its own although a table's record may be several under one number.
    int lineCount = 0;
    TimeOrder order = new TimeOrder();
    Attempts attempts = new Attempts(rules);
    while (start <= n) {
      int end = lineEnd(text, start);
      int next = nextLine(text, end);
      number++;
      if (number > rules.maxLines) {
        fold.truncated = true;
        break;
      }
      int first = number;
      String line = text.substring(start, end);
      order.line(line);
      attempts.line(number, line);
      // A table's row, and the rows after that go on with it, are read as its cells, each a line
      // under the number of its first row: a status is then matched as the message it is.
      // A quoted YAML string folded over lines is read as its own lines the same way.
      boolean tableRow = table != null && TableRows.isRow(line, table);
      Joined record = tableRow
          ? TableRows.read(text, start, end, table, rules.maxLines - number)
          : FoldedScalar.read(text, start, end, rules.maxLines - number);
      if (!tableRow) {
        table = record == null ? TableRows.corners(line) : null;
      }
      boolean joined = record != null;
      if (joined) {
        line = record.line();
        number += record.lines();
        end = record.end();
        next = record.next();
      }
      // A quoted-printable line that ends in a soft break goes on in the next: read as one line,
      // under the number of its first, its escapes decoded.
      if (!joined && qp) {
        if (line.endsWith("=")) {
          StringBuilder whole = new StringBuilder(line.substring(0, line.length() - 1));
          while (next < n && number < rules.maxLines && whole.length() < rules.maxLineChars) {
            int contEnd = lineEnd(text, next);
            String cont = text.substring(next, contEnd);
            number++;
            end = contEnd;
            next = nextLine(text, end);
            boolean soft = cont.endsWith("=");
            whole.append(soft ? cont.substring(0, cont.length() - 1) : cont);
            if (!soft) {
              break;
            }
          }
          line = whole.toString();
        }
        line = QuotedPrintable.decode(line);
      }
      // A message a terminal wrapped at its width goes on in the lines after: it is read as the
      // one line it was, under the number of its first, up to a piece's length (a paste of
      // nothing but full lines would otherwise become one line of all of it).
      int last = end - start;
      if (!joined && width > 0 && (last == width && fullCuts || stripped && last == width - 1)) {
        StringBuilder whole = new StringBuilder(line);
        while ((last == width && fullCuts || stripped && last == width - 1) && next < n && number < rules.maxLines
            && whole.length() < rules.maxLineChars) {
          int contEnd = lineEnd(text, next);
          String cont = text.substring(next, contEnd);
          if (!continues(whole, cont, rules)) {
            break;
          }
          number++;
          // The space the terminal cut at, which the copy dropped.
          whole.append(last == width ? "" : " ").append(cont);
          last = contEnd - next;
          end = contEnd;
          next = nextLine(text, end);
        }
        line = whole.toString();
      }
      // A very long line is matched in pieces: nobody's error needs more than a few thousand
      // characters. A table's record is its cells' lines. A long line that holds escaped line
      // breaks (a message quoted with its traceback, as Triton logs them since 24.05; a whole log
      // captured as one string: pytest's repr of a process's output, a JSON value) is read as the
      // lines it escapes: whole, its traceback would outweigh the message, and a short symptom
      // would never be a candidate on it (escapesLines).
      // Lines that HTML breaks (<br>: a Markdown table's cell, a wiki's or a forum's source) are
      // read as the lines they were.
      String[] ones = joined ? line.split("\n", -1)
          : escapesLines(line, rules) ? line.split("\\\\n", -1) : new String[] {line};
      String[] read = HtmlBreaks.split(ones);
      // A table's or a folded string's record goes on through its parts; a line joined otherwise
      // (a terminal's wrap, a soft break) goes on in the paste's line after its last piece.
      int span = joined ? 1 : number - first + 1;
      // What the line also says in another form (a row of Triton's model table as the log's
      // "failed to load" line) is read beside it, under its number.
      List<String> restated = rules.restate(line);
      if (!restated.isEmpty()) {
        read = java.util.stream.Stream.concat(java.util.Arrays.stream(read), restated.stream()).toArray(String[]::new);
      }
      for (String one : read) {
        lineCount++;
        int length = one.length();
        boolean whole = length <= rules.maxLineChars;
        for (int piece = 0; piece < length || piece == 0; piece += rules.maxLineChars) {
          block.add(new Piece(first, span, lineCount, piece == 0, whole, one.substring(piece, Math.min(length, piece + rules.maxLineChars))));
        }
      }
      if (block.size() >= BLOCK) {
        fold.add(block);
        block.clear();
      }
      start = next;
      if (end >= n) {
        break;
      }
    }
    fold.add(block);
    return new Paste(new ArrayList<>(fold.byShape.values()), number, fold.truncated, fold.skipped, order.newestFirst(), attempts,
        width);
  }

  static int lineEnd(String text, int start) {
    int end = start;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return end;
  }

  static int nextLine(String text, int end) {
    return end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
  }

  /**
   * The width a terminal wrapped the paste at, or 0 when it does not look wrapped by one: the
   * length of its longest lines, when that is at least MIN_WRAPPED_LINE, at least two different
   * lines have it (a wrapped log fills its width again and again; an unwrapped one rarely has two
   * different longest lines of one length), and one of them was cut at a space, which a terminal
   * leaves at the end of the line or at the start of the next; or, in a copy that dropped the
   * lines' trailing spaces (none ends in one), a line one shorter followed by a word shows such a
   * cut (an unwrapped paste may then be taken for wrapped, which costs little: only a line of the
   * width or one short of it goes on in the next, and only when the next starts no record). When
   * the longest lines are not
   * such, a length that is ({@link #fullestWidth}), had by at least FULL_LINES lines and twice as
   * many as are longer, is the width all the same: the longer lines did not come through the
   * terminal (the sender's own words above the log, typed in a chat). A paste an
   * editor wrapped at spaces (and dropped them) is left as it is: where such a line meets the
   * next inside what would be a word, it cannot be told from a terminal that cut a word in two.
   */
  static int wrapWidth(String text) {
    int max = 0;
    int atMax = -1;
    boolean differs = false;
    boolean atSpace = false;
    // For a copy that dropped the trailing spaces (below): whether any line kept one, and whether a
    // line of the longest length, and one of a character less, is followed by a word.
    boolean trailing = false;
    boolean wordAfterMax = false;
    boolean wordAfterShort = false;
    // Lines that could fill another width: only with enough of them is a second look worth it.
    int candidates = 0;
    // How many lines are the longest, whether one of them is a table's row or edge, and how many
    // lines are not empty: for a short paste cut inside words only (below).
    int longest = 0;
    boolean tableAtMax = false;
    // Whether two of the longest lines start differently: pieces a terminal cut start anywhere, a
    // message repeated with other numbers (the same length each time) starts the same each time.
    boolean startsDiffer = false;
    int filled = 0;
    int n = text.length();
    for (int start = 0; start <= n; ) {
      int end = lineEnd(text, start);
      int next = nextLine(text, end);
      int length = end - start;
      boolean wordAfter = next < n && !blank(text.charAt(next));
      trailing |= end > start && blank(text.charAt(end - 1));
      if (length > 0) {
        filled++;
      }
      if (length > max) {
        // A line one shorter than the new longest was seen only if it was the longest until now.
        wordAfterShort = length == max + 1 && wordAfterMax;
        wordAfterMax = false;
        max = length;
        atMax = start;
        differs = false;
        atSpace = false;
        longest = 0;
        tableAtMax = false;
        startsDiffer = false;
      } else if (length == max && !differs && !text.regionMatches(start, text, atMax, length)) {
        differs = true;
      }
      if (length == max) {
        longest++;
        tableAtMax |= length > 0 && tableEdge(text.charAt(start));
        startsDiffer |= !text.regionMatches(start, text, atMax, Math.min(length, CUT_START));
        wordAfterMax |= wordAfter;
      } else if (length == max - 1) {
        wordAfterShort |= wordAfter;
      }
      if (length == max && !atSpace) {
        atSpace = cutAtSpace(text, start, end, next);
      }
      if (length >= MIN_WRAPPED_LINE && length <= MAX_TERMINAL_WIDTH) {
        candidates++;
      }
      if (end >= n) {
        break;
      }
      start = next;
    }
    // A terminal's wrap whose copy lost the lines' trailing spaces: a line cut at a space then ends
    // one before the width. Enough without a second line of the width: a message of three lines
    // has one line cut inside a word and one at a space.
    boolean strippedCut = !trailing && wordAfterShort;
    // A short paste whose every cut fell inside a word (about one in two of six cuts does): three
    // or more lines of exactly one length, a third of its lines, two of them starting differently,
    // are a hard cut at a column, which an editor wrapping at spaces does not make; a table's rows
    // are left alone.
    boolean cutLines = longest >= FULL_LINES && 3 * longest >= filled && startsDiffer && !tableAtMax;
    if (max >= MIN_WRAPPED_LINE && (differs && atSpace || strippedCut || cutLines)) {
      return max;
    }
    return candidates < FULL_LINES ? 0 : fullestWidth(text);
  }

  /** How many first characters tell a piece cut anywhere from a line that starts as the others do; read by the browser's port too. */
  public static final int CUT_START = 3;

  /**
   * Whether {@code line} is read as the lines its escaped line breaks ({@code \\n}) hold apart.
   * Below a piece's length it takes two breaks at least, so that one Windows path with a folder
   * starting in n is not cut, and a line with a JSON object in it is left to the record reader,
   * which reads a record's values as their lines and knows its fields.
   */
  static boolean escapesLines(String line, Rules rules) {
    int first = line.indexOf("\\n");
    if (first < 0 || line.length() <= rules.escapedLineChars) {
      return false;
    }
    return line.length() > rules.maxLineChars || line.indexOf("\\n", first + 2) >= 0 && !line.contains("{\"");
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** Whether a line one shorter than {@code width} is followed by a line that starts with a word: a cut at a space that lost the space. */
  static boolean shortCut(String text, int width) {
    int n = text.length();
    for (int start = 0; start <= n; ) {
      int end = lineEnd(text, start);
      int next = nextLine(text, end);
      if (end - start == width - 1 && next < n && !blank(text.charAt(next))) {
        return true;
      }
      if (end >= n) {
        break;
      }
      start = next;
    }
    return false;
  }

  /** Whether no line of the paste starts with a space or a tab. */
  static boolean noLeadingSpace(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if ((c == ' ' || c == '\t') && (i == 0 || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '\r')) {
        return false;
      }
    }
    return true;
  }

  /** Whether no line of the paste ends in a space or a tab. */
  static boolean noTrailingSpace(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if ((c == '\n' || c == '\r') && i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
        return false;
      }
    }
    return n == 0 || (text.charAt(n - 1) != ' ' && text.charAt(n - 1) != '\t');
  }

  /** Whether the line {@code [start, end)} was cut at a space: it ends in one, or the next line (from {@code next}) starts with one. */
  private static boolean cutAtSpace(String text, int start, int end, int next) {
    int n = text.length();
    return (end > start && text.charAt(end - 1) == ' ')
        || (next + 1 < n && text.charAt(next) == ' ' && text.charAt(next + 1) != ' ');
  }

  /**
   * The length, from MIN_WRAPPED_LINE to MAX_TERMINAL_WIDTH, that the most lines have, at least
   * FULL_LINES and twice as many as are longer, two of them different and one cut at a space; 0
   * when none is such.
   */
  private static int fullestWidth(String text) {
    int[] count = new int[MAX_TERMINAL_WIDTH + 1];
    int[] first = new int[MAX_TERMINAL_WIDTH + 1];
    boolean[] differs = new boolean[MAX_TERMINAL_WIDTH + 1];
    boolean[] atSpace = new boolean[MAX_TERMINAL_WIDTH + 1];
    int wider = 0;
    int n = text.length();
    for (int start = 0; start <= n; ) {
      int end = lineEnd(text, start);
      int next = nextLine(text, end);
      int length = end - start;
      if (length > MAX_TERMINAL_WIDTH) {
        wider++;
      } else if (length >= MIN_WRAPPED_LINE) {
        if (count[length]++ == 0) {
          first[length] = start;
        } else if (!differs[length] && !text.regionMatches(start, text, first[length], length)) {
          differs[length] = true;
        }
        atSpace[length] |= cutAtSpace(text, start, end, next);
      }
      if (end >= n) {
        break;
      }
      start = next;
    }
    int best = 0;
    int longer = wider;
    for (int length = MAX_TERMINAL_WIDTH; length >= MIN_WRAPPED_LINE; length--) {
      if (count[length] >= FULL_LINES && count[length] >= 2 * longer && differs[length] && atSpace[length]
          && (best == 0 || count[length] > count[best])) {
        best = length;
      }
      longer += count[length];
    }
    return best;
  }

  /**
   * Whether {@code next} goes on with {@code line}, which filled the width: not when it starts a
   * record of its own (a log prefix), is empty, or the line is a table's row or edge, or both
   * start as one does (a table whose lines a pane cut at its width, their ends lost, is still a
   * row or edge a line).
   */
  static boolean continues(CharSequence line, String next, Rules rules) {
    char end = line.length() == 0 ? ' ' : line.charAt(line.length() - 1);
    if (next.isEmpty() || end == '|' || end == '+' || line.length() > 0 && tableEdge(line.charAt(0)) && tableEdge(next.charAt(0))) {
      return false;
    }
    for (Rules.Prefix p : rules.prefixes) {
      if (prefixAt(p, next) != null) {
        return false;
      }
    }
    return true;
  }

  private static boolean tableEdge(char c) {
    return c == '|' || c == '+';
  }

  /** The prefix {@code p} at the start of {@code text}, matched, or null when it is not there (or empty). */
  private static Matcher prefixAt(Rules.Prefix p, String text) {
    if (!p.gate().admits(text, null)) {
      return null;
    }
    Matcher m = p.pattern().matcher(text);
    return m.lookingAt() && m.end() > 0 ? m : null;
  }

  /**
   * Pieces prepared together. A long log is mostly prefix stripping and tokenizing, which depend on
   * the line alone, so a block of lines is prepared on all cores; what depends on the lines before
   * (skipped traceback bodies, versions found first, folding by shape) runs after, in order.
   */
  private static final int BLOCK = 4096;

  /** One line, or one cut of a very long one. */
  private static final class Piece {
    final int number;
    /** How many lines of the paste the line it is of was read from ({@link PreparedLine#span}). */
    final int span;
    /** Which line read the piece is of (the pieces of a long line share it). */
    final int line;
    final boolean first;
    /** Whether the piece is its whole line, which may then be a log collector's record. */
    final boolean whole;
    final String raw;
    /** What is read of it: the piece itself, or the lines of the record it is ({@link LogRecord}). */
    List<Part> parts;

    Piece(int number, int span, int line, boolean first, boolean whole, String raw) {
      this.number = number;
      this.span = span;
      this.line = line;
      this.first = first;
      this.whole = whole;
      this.raw = raw;
    }

    void prepare(Rules rules) {
      List<String> lines = whole ? LogRecord.lines(raw) : List.of(raw);
      parts = new ArrayList<>(lines.size());
      for (String line : lines) {
        parts.add(new Part(line, number, span, rules));
      }
    }

    /** Whether the piece is a record's lines rather than a line of the paste as written. */
    boolean record() {
      return parts.size() > 1 || parts.get(0).raw != raw;
    }
  }

  /** A line of a piece, prepared unless it is noise. */
  private static final class Part {
    final String raw;
    final int indent;
    final Rules.Noise noise;
    final PreparedLine line;
    final int number;

    Part(String raw, int number, int span, Rules rules) {
      this.raw = raw;
      this.number = number;
      indent = indentOf(raw);
      noise = noiseOf(raw, rules);
      line = noise == null ? prepareLine(number, raw, rules, span) : null;
    }
  }

  /** The in-order part of preparation, block after block. */
  private static final class Fold {
    final Rules rules;
    final Versions versions;
    final Map<String, PreparedLine> byShape = new LinkedHashMap<>();
    int ordinary;
    int telling;
    int skipped;
    boolean truncated;
    boolean skipIndented;
    int skipIndent = -1;
    /** The line whose later pieces are not read: its first piece was noise or a skipped body line. */
    int dropped = -1;
    /** The number of the last line taken, and which of its number's lines it was. */
    int partOf = -1;
    int part;

    Fold(Rules rules, Versions versions) {
      this.rules = rules;
      this.versions = versions;
    }

    void add(List<Piece> block) {
      if (block.size() < 64) {
        block.forEach(p -> p.prepare(rules));
      } else {
        block.parallelStream().forEach(p -> p.prepare(rules));
      }
      for (Piece p : block) {
        if (p.line == dropped) {
          continue;
        }
        boolean record = p.record();
        for (Part part : p.parts) {
          // The later cuts of a line whose first was noise are not read; a record's other lines are.
          if (!take(part, p.first || record) && !record) {
            dropped = p.line;
          }
        }
      }
    }

    /** Reads one line: false when it is noise or a skipped body line. */
    private boolean take(Part p, boolean first) {
      // Which of its number's lines this is: the matcher reads a message on into the next part.
      part = p.number == partOf ? part + 1 : 0;
      partOf = p.number;
      if (skipIndented && p.indent > skipIndent && !p.raw.isBlank()) {
        skipIndented = false;
        return false;
      }
      skipIndented = false;
      if (p.noise != null) {
        if (p.noise.skipIndentedNext()) {
          skipIndented = true;
          skipIndent = p.indent;
        }
        return false;
      }
      if (versions != null && first) {
        versions.scan(p.raw, "paste line " + p.line.number());
      }
      PreparedLine line = part == 0 ? p.line : p.line.withPart(part);
      if (line.tokens().isEmpty()) {
        return true;
      }
      String shape = shape(line);
      PreparedLine seen = byShape.get(shape);
      if (seen != null) {
        byShape.put(shape, seen.repeatedAt(line.number()));
      } else if (line.ordinary() ? ordinary++ < rules.maxPreparedLines : telling++ < rules.maxPreparedLines) {
        byShape.put(shape, line);
      } else {
        skipped++;
      }
      return true;
    }
  }

  /** The line without the log prefixes preparation strips (timestamps, glog, level words, container frames). */
  public static String withoutLogPrefix(String line, Rules rules) {
    return prepareLine(0, line, rules).text();
  }

  static PreparedLine prepareLine(int number, String raw, Rules rules) {
    return prepareLine(number, raw, rules, 1);
  }

  static PreparedLine prepareLine(int number, String raw, Rules rules, int span) {
    String original = (raw.indexOf('\u001b') >= 0 ? rules.ansi.matcher(raw).replaceAll("") : raw).replace('\u0000', ' ');
    String text = original;
    String level = "";
    for (int round = 0; round < PREFIX_ROUNDS; round++) {
      boolean stripped = false;
      for (Rules.Prefix p : rules.prefixes) {
        Matcher m = p.inside() ? null : prefixAt(p, text);
        if (m != null) {
          level = level.isEmpty() ? levelOf(p, m, text, rules) : level;
          text = text.substring(m.end());
          stripped = true;
        }
      }
      if (!stripped) {
        break;
      }
    }
    for (Rules.Prefix p : rules.prefixes) {
      Matcher m = p.inside() && level.isEmpty() ? prefixAt(p, text) : null;
      if (m != null) {
        level = levelOf(p, m, text, rules);
        text = text.substring(m.end());
      }
    }
    List<Token> tokens = Tokenizer.tokenize(text);
    // An INFO line can still carry the failure ("Found 0 live models"); count it only when it says so.
    // An unmarked line that reports a failure of its own in words no error list has ("terminate
    // called after throwing an instance of ...", a crash signal) is looked at among the errors, not
    // after a long log's banner and tables have spent the words looked up. (Marked lines are not
    // asked: a logger's INFO lines, most of a long log, never are such a line.)
    boolean reports = level.isEmpty() && rules.reportsFailure(text);
    boolean errorish = reports || level.equals("error") || level.equals("warning")
        || says(tokens, rules, level.equals("info") ? w -> rules.isErrorWord(w) && !w.equals("no") && !w.equals("not") : rules::isErrorWord);
    boolean failing = reports || errorish && says(tokens, rules, rules::isFailureWord);
    return new PreparedLine(number, original, text, level, errorish, failing, tokens, 1, 0, number, span);
  }

  /** The level a prefix gives the line it starts, "" when none. */
  private static String levelOf(Rules.Prefix p, Matcher m, String text, Rules rules) {
    if (p.levelFromFirst()) {
      return rules.levels.getOrDefault(text.substring(0, 1), "");
    }
    return p.levelGroup() > 0 && m.group(p.levelGroup()) != null ? rules.levels.getOrDefault(m.group(p.levelGroup()), "") : "";
  }

  /** Whether a word of the line, or of its CJK runs (which are words only as terms), is one {@code word} takes. */
  private static boolean says(List<Token> tokens, Rules rules, java.util.function.Predicate<String> word) {
    boolean cjk = false;
    for (Token t : tokens) {
      if (word.test(t.text())) {
        return true;
      }
      cjk |= t.kind() == Token.Kind.CJK;
    }
    return cjk && Terms.of(tokens, rules).stream().anyMatch(word);
  }

  private static Rules.Noise noiseOf(String raw, Rules rules) {
    for (Rules.Noise noise : rules.noise) {
      if (noise.gate().admits(raw, null) && noise.pattern().matcher(raw).lookingAt()) {
        return noise;
      }
    }
    return null;
  }

  private static int indentOf(String s) {
    int i = 0;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** The line with numbers and paths masked: lines that differ only there are the same event. */
  static String shape(PreparedLine line) {
    StringBuilder b = new StringBuilder();
    for (Token t : line.tokens()) {
      b.append(switch (t.kind()) {
        case NUMBER -> "<n>";
        case PATH -> "<p>";
        default -> t.text();
      }).append(' ');
    }
    return b.toString();
  }
}
