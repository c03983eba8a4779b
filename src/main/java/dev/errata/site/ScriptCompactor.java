package dev.errata.site;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Makes a script the site ships smaller without changing what it does: comments, indentation and
 * blank lines go; every other line break stays, so that automatic semicolon insertion reads the
 * script as before, and nothing inside a line but a comment is touched. The search page's scripts
 * are a third of the bytes a word query downloads, and half of them are comments.
 *
 * <p>Stripping comments safely means telling a pattern ({@code /a\/\/b/}) from a division, which
 * depends on the token before the slash. That is certain after most tokens; after a {@code )} it
 * is settled by whether the parenthesis closes the head of an {@code if}, {@code while},
 * {@code for} or {@code with}, after a {@code }} by whether the brace closes an object literal.
 * Where it stays open (a {@code }} after {@code case x:}, words such as {@code of} or
 * {@code yield} that may be names) and a misreading could change what is a comment or a string
 * (the rest of the line holds a quote or a comment's opener), {@link #compact} gives up and the
 * script ships as written. Comments opened with {@code /*!} (licences, by convention) stay.
 */
final class ScriptCompactor {
  /** Words after which a slash opens a pattern. */
  private static final Set<String> BEFORE_PATTERN = Set.of("return", "typeof", "instanceof", "in", "new", "delete",
      "void", "throw", "case", "do", "else");
  /** Words after which a slash may be either: they are keywords in some places and names in others. */
  private static final Set<String> EITHER = Set.of("of", "yield", "await", "let", "async", "get", "set", "static");
  /** Words whose parenthesised head may be followed by a statement that starts with a pattern. */
  private static final Set<String> HEADS = Set.of("if", "while", "for", "with");

  private final String js;
  private final StringBuilder out = new StringBuilder();
  private final StringBuilder line = new StringBuilder();
  /** For each open parenthesis: whether it opens the head of if/while/for/with. */
  private final Deque<Boolean> parens = new ArrayDeque<>();
  /** For each open brace: how a slash after its closing brace reads (a block's: a pattern). */
  private final Deque<Slash> braces = new ArrayDeque<>();
  /** For each template literal whose ${...} is open: the depth of braces where that code started. */
  private final Deque<Integer> templates = new ArrayDeque<>();
  private int pos;
  /** The last {@link #hazardAfter} scan: where it started and what it found. */
  private int scannedFrom = -1;
  private int hazard = -1;
  /** The last token outside comments: a word or number, or one punctuator character. */
  private String last = "";
  /** The token before {@link #last}. */
  private String beforeLast = "";
  /** Whether {@link #last} is a word or number. */
  private boolean lastIsWord;
  /** How a slash right after {@link #last} reads. */
  private Slash afterLast = Slash.PATTERN;

  private enum Slash { PATTERN, DIVISION, EITHER }

  private ScriptCompactor(String js) {
    this.js = js;
  }

  /** The script made smaller, or null when it could not be read with certainty. */
  static String compact(String js) {
    try {
      return new ScriptCompactor(js).run();
    } catch (Unsure e) {
      return null;
    }
  }

  private static final class Unsure extends Exception {
    Unsure() {
      super(null, null, false, false);
    }
  }

  private String run() throws Unsure {
    while (pos < js.length()) {
      char c = js.charAt(pos);
      if (c == '\n') {
        endLine();
        pos++;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000b' || c == '\u00a0' || c == '\ufeff') {
        line.append(c);
        pos++;
      } else if (c == '/' && next(1) == '/') {
        while (pos < js.length() && !lineBreak(js.charAt(pos))) {
          pos++;
        }
      } else if (c == '/' && next(1) == '*') {
        blockComment();
      } else if (c == '/') {
        slash();
      } else if (c == '\'' || c == '"') {
        string(c);
      } else if (c == '`') {
        template();
      } else if (isWordPart(c)) {
        int start = pos;
        while (pos < js.length() && isWordPart(js.charAt(pos))) {
          pos++;
        }
        String word = js.substring(start, pos);
        line.append(word);
        mark(word, true, BEFORE_PATTERN.contains(word) ? Slash.PATTERN : EITHER.contains(word) ? Slash.EITHER : Slash.DIVISION);
      } else {
        punctuator(c);
      }
    }
    if (!templates.isEmpty()) {
      throw new Unsure();
    }
    endLine();
    return out.toString();
  }

  private char next(int k) {
    return pos + k < js.length() ? js.charAt(pos + k) : '\0';
  }

  /** JavaScript's line terminators: a line comment ends at any of them, not only at a line feed. */
  private static boolean lineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '\\' || c > 0x7f && !Character.isWhitespace(c);
  }

  /** Notes the last token outside comments (a word, an operand or one punctuator) and how a slash after it reads. */
  private void mark(String text, boolean word, Slash after) {
    beforeLast = last;
    last = text;
    lastIsWord = word;
    afterLast = after;
  }

  private void punctuator(char c) throws Unsure {
    Slash after = Slash.PATTERN;
    switch (c) {
      case '(' -> parens.push(lastIsWord && HEADS.contains(last));
      case ')' -> after = parens.isEmpty() ? Slash.EITHER : parens.pop() ? Slash.PATTERN : Slash.DIVISION;
      case '[' -> parens.push(false);
      case ']' -> {
        parens.poll();
        after = Slash.DIVISION;
      }
      // Dividing an object literal means nothing, but "case x: {" opens a block, after which a
      // pattern may start a statement.
      case '{' -> braces.push(!opensObject() ? Slash.PATTERN : last.equals(":") ? Slash.EITHER : Slash.DIVISION);
      case '}' -> {
        if (!templates.isEmpty() && templates.peek() == braces.size()) {
          templates.pop();
          line.append(c);
          pos++;
          templateRest();
          return;
        }
        Slash closed = braces.poll();
        after = closed == null ? Slash.EITHER : closed;
      }
      case '+', '-' -> {
        if (!lastIsWord && last.equals(String.valueOf(c)) && line.length() > 0 && line.charAt(line.length() - 1) == c) {
          after = Slash.DIVISION;
        }
      }
      default -> { }
    }
    line.append(c);
    mark(String.valueOf(c), false, after);
    pos++;
  }

  /** Whether a brace here opens an object literal: it stands where an expression is expected. */
  private boolean opensObject() {
    if (lastIsWord) {
      return BEFORE_PATTERN.contains(last) && !last.equals("else") && !last.equals("do");
    }
    if (last.equals(">") && beforeLast.equals("=")) {
      return false; // an arrow's body
    }
    return !last.isEmpty() && "(,=:[?!&|+-*%<>~^".contains(last);
  }

  private void slash() throws Unsure {
    Slash reading = afterLast;
    if (reading == Slash.EITHER) {
      int h = hazardAfter(pos + 1);
      if (h < js.length() && js.charAt(h) != '\n') {
        throw new Unsure();
      }
      reading = Slash.DIVISION;
    }
    if (reading == Slash.DIVISION) {
      punctuator('/');
      return;
    }
    int start = pos++;
    boolean inClass = false;
    while (true) {
      if (pos >= js.length() || lineBreak(js.charAt(pos))) {
        throw new Unsure();
      }
      char c = js.charAt(pos++);
      if (c == '\\') {
        pos++;
      } else if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '/' && !inClass) {
        break;
      }
    }
    while (pos < js.length() && isWordPart(js.charAt(pos))) {
      pos++; // its flags
    }
    // A pattern is an operand, as a string is: a slash after it divides.
    String pattern = js.substring(start, pos);
    line.append(pattern);
    mark(pattern, true, Slash.DIVISION);
  }

  /**
   * Where the first quote or comment opener at or after {@code from} on its line is, else where
   * the line ends. Asked with an ever larger {@code from}, so that the answer of the last scan
   * serves until {@code from} passes it: a minified script of one long line, full of slashes
   * after parentheses, is read in linear time.
   */
  private int hazardAfter(int from) {
    if (scannedFrom >= 0 && scannedFrom <= from && from <= hazard) {
      return hazard;
    }
    int i = from;
    while (i < js.length()) {
      char c = js.charAt(i);
      if (c == '\n' || c == '\'' || c == '"' || c == '`'
          || c == '/' && i + 1 < js.length() && (js.charAt(i + 1) == '/' || js.charAt(i + 1) == '*')) {
        break;
      }
      i++;
    }
    scannedFrom = from;
    hazard = i;
    return i;
  }

  private void string(char quote) throws Unsure {
    int start = pos++;
    while (true) {
      if (pos >= js.length()) {
        throw new Unsure();
      }
      char c = js.charAt(pos++);
      if (c == '\\') {
        pos++;
      } else if (c == quote) {
        break;
      } else if (c == '\n') {
        throw new Unsure();
      }
    }
    String string = js.substring(start, pos);
    line.append(string);
    mark(string, true, Slash.DIVISION);
  }

  private void template() throws Unsure {
    line.append('`');
    pos++;
    templateRest();
  }

  /** Copies a template literal's text up to its end or to a ${, where code starts again. */
  private void templateRest() throws Unsure {
    while (true) {
      if (pos >= js.length()) {
        throw new Unsure();
      }
      char c = js.charAt(pos);
      if (c == '\\') {
        line.append(js, pos, Math.min(pos + 2, js.length()));
        pos += 2;
      } else if (c == '`') {
        line.append(c);
        pos++;
        mark("`", true, Slash.DIVISION);
        return;
      } else if (c == '$' && next(1) == '{') {
        line.append("${");
        pos += 2;
        templates.push(braces.size());
        mark("{", false, Slash.PATTERN);
        return;
      } else {
        line.append(c);
        pos++;
      }
    }
  }

  private void blockComment() throws Unsure {
    int end = js.indexOf("*/", pos + 2);
    if (end < 0) {
      throw new Unsure();
    }
    String comment = js.substring(pos, end + 2);
    pos = end + 2;
    if (comment.startsWith("/*!")) {
      line.append(comment);
    } else if (comment.chars().anyMatch(ch -> lineBreak((char) ch))) {
      endLine(); // a comment across lines ends the line, as far as semicolons go
    } else {
      line.append(' ');
    }
  }

  private void endLine() {
    int a = 0;
    int b = line.length();
    while (a < b && Character.isWhitespace(line.charAt(a))) {
      a++;
    }
    while (b > a && Character.isWhitespace(line.charAt(b - 1))) {
      b--;
    }
    if (a < b) {
      out.append(line, a, b).append('\n');
    }
    line.setLength(0);
  }
}
