package dev.errata.text;

/**
 * An ASCII table whose cells go on over several rows, read as one row per record. Triton prints
 * its backend, model and option tables sized to the terminal (500 columns when there is none) and
 * cuts a long cell into pieces of exactly its column's width, mid-word, one piece per row, the
 * other cells of those rows blank: a model's failure in the status column of an 80-column
 * terminal is three or four rows that no single line holds. The rows of a record are joined
 * cell by cell, each cell's pieces as written (a piece that ends inside a word goes on in the
 * next), and read as one row under the number of its first.
 *
 * <p>Columns are where the last divider ({@code +----+----+}) has its corners; a row has a
 * {@code |} at each of them, counted from its end, so a log prefix before the table (a timestamp,
 * a pod's or a service's name) may differ from line to line. A row goes on with the one before
 * when its first cell is blank: Triton's first column is as wide as its longest name and never
 * wraps. Tables that wrap otherwise (a GPU's row over three lines in {@code nvidia-smi}, whose
 * first cells are not blank) are left as written.
 *
 * <p>A cell's own line breaks (a Python backend's error and its {@code At:} frames) are printed
 * as they are, inside its piece: the piece's row ends where the break is, and the piece goes on
 * at the start of the next line, its last line padded and closed by the bar. Such a piece of the
 * last column is read across its lines when they add up to the column's width, as the printer's
 * do, and the record then reads as several lines, as it would have without the wrap.
 */
final class TableRows {
  private TableRows() {}

  /**
   * The corners of a divider that ends {@code line} (trailing blanks aside), as distances from
   * the divider's end; null when the line ends with none of at least two columns.
   */
  static int[] corners(String line) {
    int end = contentEnd(line);
    if (end == 0 || line.charAt(end - 1) != '+') {
      return null;
    }
    int start = end;
    while (start > 0 && isEdge(line.charAt(start - 1))) {
      start--;
    }
    while (line.charAt(start) != '+') {
      start++;
    }
    int count = 0;
    for (int i = start; i < end; i++) {
      if (line.charAt(i) == '+') {
        count++;
      }
    }
    if (count < 3) {
      return null;
    }
    int[] corners = new int[count];
    int k = 0;
    for (int i = start; i < end; i++) {
      if (line.charAt(i) == '+') {
        if (k > 0 && i - (end - corners[k - 1]) < 4) {
          return null; // no room for a character between a cell's two blanks: not a table's divider
        }
        corners[k++] = end - i;
      }
    }
    return corners;
  }

  /** Whether {@code line} is a row of the table with {@code corners}: a {@code |} at each. */
  static boolean isRow(String line, int[] corners) {
    int end = contentEnd(line);
    if (end < corners[0]) {
      return false;
    }
    for (int c : corners) {
      if (line.charAt(end - c) != '|') {
        return false;
      }
    }
    return true;
  }

  /** Whether row {@code line} goes on with the row before: its first cell is blank. */
  static boolean goesOn(String line, int[] corners) {
    if (!isRow(line, corners)) {
      return false;
    }
    int end = contentEnd(line);
    for (int i = end - corners[0] + 1; i < end - corners[1]; i++) {
      if (line.charAt(i) != ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the record whose first row is {@code text[start, end)}, with the rows after it that go
   * on with it, at most {@code maxMore} of them: its cells' lines, the row's own when none goes on.
   */
  static Joined read(String text, int start, int end, int[] corners, int maxMore) {
    Record record = new Record(text.substring(start, end), corners);
    int lines = 0;
    int next = Paste.nextLine(text, end);
    int n = text.length();
    while (next < n && lines < maxMore) {
      int contEnd = Paste.lineEnd(text, next);
      String cont = text.substring(next, contEnd);
      int broken;
      if (goesOn(cont, corners)) {
        record.add(cont);
        lines++;
        end = contEnd;
      } else if ((broken = record.addBroken(text, next, contEnd, maxMore - lines - 1)) > 0) {
        lines += broken;
        end = record.brokenEnd;
      } else {
        break;
      }
      next = Paste.nextLine(text, end);
    }
    return new Joined(record.lines(), lines, end, next);
  }

  /** A record being read: its first row's prefix and each cell's pieces so far. */
  static final class Record {
    private final int[] corners;
    private final String prefix;
    private final StringBuilder[] cells;
    /** Where the last column's pieces start in a line with the first row's prefix, and their width. */
    private final int lastStart;
    private final int lastWidth;
    /** Where the last line of a piece read by {@link #addBroken} ends in the text. */
    int brokenEnd;

    Record(String first, int[] corners) {
      this.corners = corners;
      int end = contentEnd(first);
      this.prefix = first.substring(0, end - corners[0]);
      this.cells = new StringBuilder[corners.length - 1];
      for (int c = 0; c < cells.length; c++) {
        cells[c] = new StringBuilder();
      }
      this.lastStart = end - corners[corners.length - 2] + 2;
      this.lastWidth = corners[corners.length - 2] - corners[corners.length - 1] - 3;
      add(first);
    }

    /**
     * Reads a piece of the last column broken by line breaks of its own, from the line {@code
     * text[start, end)} on: that line is a row up to the last column (its bars where the first
     * row has them, its first cell blank) and does not close; the lines after are the piece's
     * until one closes it with a bar where the column's width, line breaks counted, says, at most
     * {@code maxLines} of them. Returns how many lines it took with the first, 0 (and takes
     * nothing) when they do not add up.
     */
    int addBroken(String text, int start, int end, int maxLines) {
      String line = text.substring(start, end);
      if (line.length() <= lastStart || line.length() - lastStart >= lastWidth) {
        return 0;
      }
      int bars = prefix.length() + corners[0];
      for (int c = 0; c < corners.length - 1; c++) {
        if (line.charAt(bars - corners[c]) != '|') {
          return 0;
        }
      }
      for (int i = prefix.length() + 1; i < bars - corners[1]; i++) {
        if (line.charAt(i) != ' ') {
          return 0;
        }
      }
      StringBuilder piece = new StringBuilder(line.substring(lastStart)).append('\n');
      int n = text.length();
      int from = Paste.nextLine(text, end);
      for (int taken = 1; taken <= maxLines && from < n; taken++) {
        int to = Paste.lineEnd(text, from);
        String next = text.substring(from, to);
        int close = contentEnd(next) - 2;
        if (close >= 0 && next.charAt(close + 1) == '|' && next.charAt(close) == ' ' && piece.length() + close == lastWidth) {
          cells[cells.length - 1].append(piece.append(next, 0, close));
          brokenEnd = to;
          return taken + 1;
        }
        if (piece.length() + next.length() + 1 > lastWidth) {
          return 0;
        }
        piece.append(next).append('\n');
        from = Paste.nextLine(text, to);
      }
      return 0;
    }

    /** Appends each cell's piece of {@code row}: what lies between a corner's {@code "| "} and the next one's {@code " |"}. */
    void add(String row) {
      int end = contentEnd(row);
      for (int c = 0; c < cells.length; c++) {
        int from = Math.min(end - corners[c] + 2, end - corners[c + 1]);
        int to = Math.max(from, end - corners[c + 1] - 1);
        cells[c].append(row, from, to);
      }
    }

    /**
     * The record's cells, each a line (and a cell of several lines those lines), the first after
     * the first row's prefix; blank cells are left out.
     */
    String lines() {
      StringBuilder out = new StringBuilder(prefix);
      boolean any = false;
      for (StringBuilder cell : cells) {
        int from = 0;
        int to = cell.length();
        while (from < to && isCellSpace(cell.charAt(from))) {
          from++;
        }
        while (to > from && isCellSpace(cell.charAt(to - 1))) {
          to--;
        }
        if (from < to) {
          out.append(any ? "\n" : "").append(cell, from, to);
          any = true;
        }
      }
      return out.toString();
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  /** What is stripped from either end of a cell: blanks, and the line breaks a message may end with. */
  private static boolean isCellSpace(char c) {
    return isBlank(c) || c == '\n';
  }

  private static boolean isEdge(char c) {
    return c == '+' || c == '-' || c == '=';
  }

  /** Where the line's text ends, blanks a copy may have added after the last bar aside. */
  private static int contentEnd(String line) {
    int end = line.length();
    while (end > 0 && isBlank(line.charAt(end - 1))) {
      end--;
    }
    return end;
  }
}
