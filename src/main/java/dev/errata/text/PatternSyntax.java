package dev.errata.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The regular-expression syntax a knowledge base's own patterns may use: the part that RE2/J (the
 * Java matcher) and JavaScript's RegExp (the site's search) read the same way, and that runs in
 * time linear in the line on both. RE2/J is linear whatever it is given; the browser's engine
 * backtracks, so a quantifier inside a repeated group (the shape of {@code (a+)+}) is refused
 * unless each repetition must start with a character nothing repeated inside it can match
 * ({@code (?:\.\d+)+}), which leaves one way to split the text into repetitions.
 *
 * <p>Allowed: literal characters, escaped punctuation, {@code \d \D \s \S \w \W \b \B \t}, classes
 * ({@code [a-z0-9_.-]}, {@code [^"]}), groups {@code (...)} and {@code (?:...)}, alternation, the
 * anchors {@code ^ $}, and the quantifiers {@code * + ? {n} {n,} {n,m}} (lazy or not).
 */
public final class PatternSyntax {
  private static final String META = "\\^$.|?*+()[]{}";
  static final int MAX_REPEAT = 1000;

  private PatternSyntax() {}

  /** What is wrong with {@code pattern} for use in both engines, or empty when nothing is. */
  public static Optional<String> problem(String pattern, boolean ignoreCase) {
    try {
      Node root = new Parser(pattern).parse();
      nested(root, ignoreCase);
      com.google.re2j.Pattern.compile(pattern, ignoreCase ? com.google.re2j.Pattern.CASE_INSENSITIVE : 0);
      return Optional.empty();
    } catch (Refused e) {
      return Optional.of(e.getMessage());
    } catch (com.google.re2j.PatternSyntaxException e) {
      return Optional.of("RE2/J refuses it: " + e.getDescription());
    }
  }

  /** How many capturing groups the pattern has (call only on a pattern without a problem). */
  public static int groups(String pattern) {
    return com.google.re2j.Pattern.compile(pattern).groupCount();
  }

  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** A parsed pattern: a sequence, an alternation, a group, a quantified node, or one character set. */
  private sealed interface Node permits Seq, Alt, Group, Repeat, Chars, Anchor {}

  private record Seq(List<Node> items) implements Node {}

  private record Alt(List<Node> options) implements Node {}

  private record Group(Node body) implements Node {}

  /** A quantified atom; {@code once}: at most one repetition ({@code ?}, {@code {0,1}}), which no backtracking multiplies. */
  private record Repeat(Node body, int min, boolean once) implements Node {}

  private record Anchor() implements Node {}

  /** One character from a set; {@code literal} is the character when the set is a single one, else -1. */
  private record Chars(java.util.function.IntPredicate set, int literal) implements Node {}

  private static final class Parser {
    private final String s;
    private int i;
    /** The upper count of the last {n,m} read ({@code Integer.MAX_VALUE} for {n,}). */
    private int braceMax;

    Parser(String s) {
      this.s = s;
    }

    Node parse() {
      Node n = alternation();
      if (i < s.length()) {
        throw refused(s.charAt(i) == ')' ? "a ')' closes no group" : "unexpected '" + s.charAt(i) + "'");
      }
      return n;
    }

    private Refused refused(String why) {
      return new Refused(why + " at position " + (i + 1) + " of the pattern");
    }

    private Node alternation() {
      List<Node> options = new ArrayList<>();
      options.add(sequence());
      while (i < s.length() && s.charAt(i) == '|') {
        i++;
        options.add(sequence());
      }
      return options.size() == 1 ? options.get(0) : new Alt(options);
    }

    private Node sequence() {
      List<Node> items = new ArrayList<>();
      while (i < s.length() && s.charAt(i) != '|' && s.charAt(i) != ')') {
        Node atom = atom();
        items.add(quantified(atom));
      }
      return new Seq(items);
    }

    private Node quantified(Node atom) {
      if (i >= s.length()) {
        return atom;
      }
      char c = s.charAt(i);
      int min;
      boolean once;
      if (c == '*' || c == '+' || c == '?') {
        i++;
        min = c == '+' ? 1 : 0;
        once = c == '?';
      } else if (c == '{') {
        min = braces();
        once = braceMax <= 1;
      } else {
        return atom;
      }
      if (atom instanceof Anchor) {
        throw refused("a quantifier after an anchor repeats nothing");
      }
      if (i < s.length() && s.charAt(i) == '?') {
        i++;
      }
      if (i < s.length() && "*+?{".indexOf(s.charAt(i)) >= 0) {
        throw refused("a quantifier follows a quantifier (possessive and doubled quantifiers are not shared by both engines)");
      }
      return new Repeat(atom, min, once);
    }

    private int braces() {
      int start = i;
      int close = s.indexOf('}', i);
      String inside = close < 0 ? "" : s.substring(i + 1, close);
      if (!inside.matches("\\d{1,4}(,\\d{0,4})?")) {
        throw refused("'{' starts no repeat count like {2} or {1,3}; write \\{ for the character");
      }
      String[] parts = inside.split(",", -1);
      int min = Integer.parseInt(parts[0]);
      int max = parts.length == 1 ? min : parts[1].isEmpty() ? min : Integer.parseInt(parts[1]);
      if (min > MAX_REPEAT || max > MAX_REPEAT || max < min) {
        i = start;
        throw refused("the repeat count {" + inside + "} is out of order or above " + MAX_REPEAT);
      }
      braceMax = parts.length == 2 && parts[1].isEmpty() ? Integer.MAX_VALUE : max;
      i = close + 1;
      return min;
    }

    private Node atom() {
      char c = s.charAt(i);
      switch (c) {
        case '(' -> {
          i++;
          if (s.startsWith("?:", i)) {
            i += 2;
          } else if (i < s.length() && s.charAt(i) == '?') {
            i--;
            throw refused("only plain groups (...) and (?:...) are allowed: lookaround, named groups and inline flags"
                + " are not in both engines (use ignore_case: true for (?i))");
          }
          Node body = alternation();
          if (i >= s.length() || s.charAt(i) != ')') {
            throw refused("a '(' is not closed");
          }
          i++;
          return new Group(body);
        }
        case '[' -> {
          return charClass();
        }
        case '\\' -> {
          return escape(false);
        }
        case '^', '$' -> {
          i++;
          return new Anchor();
        }
        case '.' -> throw refused("'.' matches different line separators in the two engines; write \\S, [^ ] or a class,"
            + " or \\. for a dot");
        case '*', '+', '?' -> throw refused("'" + c + "' repeats nothing");
        case '{', '}', ']' -> throw refused("write \\" + c + " for the character '" + c + "'");
        default -> {
          i++;
          return literal(c);
        }
      }
    }

    private static Chars literal(int c) {
      return new Chars(x -> x == c, c);
    }

    /** An escape at {@code i}; in a class, \b is refused (a backspace in one engine's class, not the other's). */
    private Node escape(boolean inClass) {
      if (i + 1 >= s.length()) {
        throw refused("the pattern ends with a lone backslash");
      }
      char e = s.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'd' -> {
          return new Chars(x -> x >= '0' && x <= '9', -1);
        }
        case 'D' -> {
          return new Chars(x -> !(x >= '0' && x <= '9'), -1);
        }
        case 's' -> {
          return new Chars(PatternSyntax::space, -1);
        }
        case 'S' -> {
          return new Chars(x -> !space(x), -1);
        }
        case 'w' -> {
          return new Chars(PatternSyntax::word, -1);
        }
        case 'W' -> {
          return new Chars(x -> !word(x), -1);
        }
        case 't' -> {
          return literal('\t');
        }
        case 'b', 'B' -> {
          if (inClass) {
            i -= 2;
            throw refused("\\" + e + " inside [...] means different things in the two engines");
          }
          return new Anchor();
        }
        default -> {
          if (e < 128 && !Character.isLetterOrDigit(e) && e > ' ') {
            return literal(e);
          }
          i -= 2;
          throw refused(Character.isDigit(e) ? "back-references (\\" + e + ") are not linear-time and not in RE2/J"
              : "the escape \\" + e + " is not one both engines read the same way (allowed: \\d \\D \\s \\S \\w \\W \\b \\B \\t"
              + " and a backslash before punctuation)");
        }
      }
    }

    private Node charClass() {
      int start = i;
      i++;
      boolean negated = i < s.length() && s.charAt(i) == '^';
      if (negated) {
        i++;
      }
      List<java.util.function.IntPredicate> parts = new ArrayList<>();
      boolean first = true;
      while (true) {
        if (i >= s.length()) {
          i = start;
          throw refused("a '[' is not closed");
        }
        char c = s.charAt(i);
        if (c == ']' && !first) {
          i++;
          break;
        }
        if (c == ']' || c == '[') {
          throw refused("write \\" + c + " for '" + c + "' inside [...]");
        }
        first = false;
        java.util.function.IntPredicate set;
        int lo;
        if (c == '\\') {
          Chars esc = (Chars) escape(true);
          set = esc.set();
          lo = esc.literal();
        } else {
          i++;
          lo = c;
          set = x -> x == c;
        }
        if (lo >= 0 && i + 1 < s.length() && s.charAt(i) == '-' && s.charAt(i + 1) != ']') {
          i++;
          char hc = s.charAt(i);
          int hi;
          if (hc == '\\') {
            hi = ((Chars) escape(true)).literal();
          } else {
            i++;
            hi = hc;
          }
          if (hi < 0 || hi < lo) {
            throw refused("the range in [...] is not from one character to a later one");
          }
          int from = lo;
          int to = hi;
          set = x -> x >= from && x <= to;
        }
        parts.add(set);
      }
      java.util.function.IntPredicate any = x -> parts.stream().anyMatch(p -> p.test(x));
      return new Chars(negated ? any.negate() : any, -1);
    }
  }

  static boolean space(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  static boolean word(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** Refuses a repeated group with a repeated part, unless a separator makes its repetitions unambiguous. */
  private static void nested(Node n, boolean ignoreCase) {
    if (n instanceof Repeat r && !r.once() && repeats(r.body()) && !separated(r.body(), ignoreCase)) {
      throw new Refused("a repeated group holds a repeated part (the shape of (a+)+), which can take time"
          + " exponential in the line in the browser's engine; repeat a group only when each repetition starts with"
          + " a character nothing repeated inside it matches, as (?:\\.\\d+)+");
    }
    children(n).forEach(x -> nested(x, ignoreCase));
  }

  private static List<Node> children(Node n) {
    if (n instanceof Seq q) {
      return q.items();
    } else if (n instanceof Alt a) {
      return a.options();
    } else if (n instanceof Group g) {
      return List.of(g.body());
    } else if (n instanceof Repeat r) {
      return List.of(r.body());
    }
    return List.of();
  }

  private static boolean repeats(Node n) {
    return n instanceof Repeat || children(n).stream().anyMatch(PatternSyntax::repeats);
  }

  private static boolean separated(Node body, boolean ignoreCase) {
    Node b = body instanceof Group g ? g.body() : body;
    if (!(b instanceof Seq q) || q.items().isEmpty() || !(q.items().get(0) instanceof Chars c) || c.literal() < 0) {
      return false;
    }
    int sep = c.literal();
    int other = ignoreCase ? (Character.isUpperCase(sep) ? Character.toLowerCase(sep) : Character.toUpperCase(sep)) : sep;
    return q.items().stream().noneMatch(x -> repeatedCanMatch(x, sep, other, false));
  }

  private static boolean repeatedCanMatch(Node n, int a, int b, boolean inRepeat) {
    if (n instanceof Chars c) {
      return inRepeat && (c.set().test(a) || c.set().test(b));
    }
    boolean in = inRepeat || n instanceof Repeat;
    return children(n).stream().anyMatch(x -> repeatedCanMatch(x, a, b, in));
  }
}
