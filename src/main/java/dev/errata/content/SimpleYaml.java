package dev.errata.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads front matter that keeps to a plain subset of YAML straight into an {@link EntryDto}:
 * block mappings and sequences, one-line flow collections, folded and literal block scalars, and
 * plain or quoted scalars (with the common escapes), on one line or folded over several, as
 * people write causes and summaries. SnakeYAML's scanner and Jackson's binding are the costly
 * part of loading a large knowledge base. Anything else (rare escapes, comments after values,
 * anchors, tags, numbers and booleans, unknown keys, values of the wrong shape) makes it decline,
 * returning empty, so that {@link EntryBinder} reads the file and reports what is wrong.
 * {@code SimpleYamlTest} holds what it accepts equal to what Jackson binds, and holds it to
 * taking the shipped entries: a reader that real entries decline costs a failed try per file.
 */
final class SimpleYaml {
  /** Deeper nesting than any entry needs is left to Jackson, which reports its own limit. */
  private static final int MAX_DEPTH = 16;

  private final String[] lines;
  private int line;
  private int depth;

  private SimpleYaml(String[] lines) {
    this.lines = lines;
  }

  /** The entry, or empty when the text leaves the subset. */
  static Optional<EntryDto> entry(String yaml) {
    // SnakeYAML also breaks lines at NEL and the Unicode line and paragraph separators.
    if (yaml.indexOf('\t') >= 0 || yaml.indexOf('\r') >= 0 || yaml.indexOf('\u0085') >= 0 || yaml.indexOf('\u2028') >= 0
        || yaml.indexOf('\u2029') >= 0) {
      return Optional.empty();
    }
    try {
      SimpleYaml reader = new SimpleYaml(yaml.split("\n", -1));
      reader.skipBlank();
      if (reader.line == reader.lines.length) {
        return Optional.empty(); // empty front matter: EntryBinder explains
      }
      Object root = reader.block(0);
      reader.skipBlank();
      if (reader.line != reader.lines.length || !(root instanceof Map<?, ?> map)) {
        return Optional.empty();
      }
      return Optional.of(Binding.entry(map));
    } catch (Declined e) {
      return Optional.empty();
    }
  }

  private static Declined decline() {
    return Declined.INSTANCE;
  }

  // ---- block structure

  private void skipBlank() {
    while (line < lines.length) {
      String l = lines[line];
      int i = indent(l);
      if (i < l.length() && l.charAt(i) != '#') {
        return;
      }
      line++;
    }
  }

  private static int indent(String l) {
    int i = 0;
    while (i < l.length() && l.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** The block node whose first line is the current one, indented exactly {@code indent}. */
  private Object block(int indent) {
    String l = lines[line];
    if (indent(l) != indent || ++depth > MAX_DEPTH) {
      throw decline();
    }
    Object node = isItem(l, indent) ? sequence(indent) : mapping(indent);
    depth--;
    return node;
  }

  private static boolean isItem(String l, int at) {
    return l.startsWith("-", at) && (l.length() == at + 1 || l.charAt(at + 1) == ' ');
  }

  private List<Object> sequence(int indent) {
    List<Object> items = new ArrayList<>();
    while (true) {
      skipBlank();
      if (line == lines.length) {
        break;
      }
      String l = lines[line];
      if (indent(l) != indent || !isItem(l, indent)) {
        break;
      }
      int at = indent + 1;
      while (at < l.length() && l.charAt(at) == ' ') {
        at++;
      }
      if (at == l.length()) {
        throw decline(); // an item on the lines below
      }
      if (keyEnd(l, at) > 0) {
        items.add(mapping(at)); // "- key: value", more keys below at the same column
      } else if (isBlockHeader(l, at)) {
        items.add(blockScalar(l.charAt(at), l.length() > at + 1 ? l.charAt(at + 1) : ' ', indent));
      } else {
        items.add(value(at, indent));
        line++;
        next(indent);
      }
    }
    return items;
  }

  /**
   * A mapping whose keys stand at column {@code column}; its first line may start with a dash (an
   * item of a sequence). Values below a key are indented deeper, or are a sequence at the key's
   * own column. A line that stops short of the column belongs to no enclosing node either, which
   * leaves it unread: the entry is then declined.
   */
  private Map<String, Object> mapping(int column) {
    Map<String, Object> map = new LinkedHashMap<>();
    boolean first = true;
    while (true) {
      skipBlank();
      if (line == lines.length) {
        break;
      }
      String l = lines[line];
      if (!first && (indent(l) != column || isItem(l, column))) {
        break;
      }
      first = false;
      int colon = keyEnd(l, column);
      if (colon < 0) {
        throw decline();
      }
      String key = l.substring(column, colon);
      int at = colon + 1;
      while (at < l.length() && l.charAt(at) == ' ') {
        at++;
      }
      Object value;
      if (at == l.length()) {
        line++;
        skipBlank();
        if (line == lines.length) {
          throw decline(); // an empty value
        }
        int below = indent(lines[line]);
        if (below > column || (below == column && isItem(lines[line], column))) {
          value = block(below);
        } else {
          throw decline(); // an empty value
        }
      } else if (isBlockHeader(l, at)) {
        value = blockScalar(l.charAt(at), l.length() > at + 1 ? l.charAt(at + 1) : ' ', column);
      } else {
        value = value(at, column);
        line++;
        next(column);
      }
      if (map.put(key, value) != null) {
        throw decline(); // a key given twice
      }
    }
    return map;
  }

  /** {@code >}, {@code >-}, {@code |} or {@code |-} and nothing after it: a block scalar starts on the next line. */
  private static boolean isBlockHeader(String l, int at) {
    char c = l.charAt(at);
    if (c != '>' && c != '|') {
      return false;
    }
    int end = l.length();
    return end == at + 1 || (end == at + 2 && l.charAt(at + 1) == '-');
  }

  /**
   * The block scalar below the current line (its header), whose parent stands at column
   * {@code parent}: its lines are those indented as deep as its first one, deeper than the parent,
   * with empty lines between them. Folded ({@code >}) lines are joined by a space, a run of empty
   * lines stands for as many line breaks; literal ({@code |}) lines keep their breaks, and the
   * spaces of lines indented deeper than the first beyond its indentation (a traceback's frames).
   * The last break is kept, or dropped with {@code -}. In a folded scalar, lines indented deeper
   * than the first (which folding keeps apart) and spaces at a line's end; lines of spaces only and
   * empty lines before the first are left to Jackson.
   */
  private String blockScalar(char style, char chomp, int parent) {
    line++;
    if (line == lines.length || lines[line].isEmpty()) {
      throw decline();
    }
    int n = indent(lines[line]);
    if (n <= parent || n == lines[line].length()) {
      throw decline();
    }
    List<String> content = new ArrayList<>();
    while (line < lines.length) {
      String l = lines[line];
      if (l.isEmpty()) {
        content.add("");
        line++;
        continue;
      }
      int i = indent(l);
      if (i < n) {
        if (i == l.length()) {
          throw decline(); // a line of spaces only
        }
        break;
      }
      if (i == l.length() || (style == '>' && (i > n || l.charAt(l.length() - 1) == ' '))) {
        throw decline(); // spaces only; in a folded scalar, a line folding keeps apart
      }
      content.add(l.substring(n));
      line++;
    }
    while (content.get(content.size() - 1).isEmpty()) {
      content.remove(content.size() - 1); // trailing empty lines: what chomping decides
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < content.size(); k++) {
      String c = content.get(k);
      if (k > 0) {
        if (style == '|') {
          out.append('\n');
        } else if (c.isEmpty() || !content.get(k - 1).isEmpty()) {
          // Between two lines of text a space; each empty line is a break of its own.
          out.append(c.isEmpty() ? '\n' : ' ');
        }
      }
      out.append(c);
    }
    if (chomp != '-') {
      out.append('\n');
    }
    next(parent);
    return out.toString();
  }

  /** After a one-line value: the next line must not be deeper (a continuation of the value). */
  private void next(int indent) {
    skipBlank();
    if (line < lines.length && indent(lines[line]) > indent) {
      throw decline();
    }
  }

  /** Where a plain key at {@code at} ends (its colon, followed by a space or the line's end), or -1. */
  private static int keyEnd(String l, int at) {
    int i = at;
    while (i < l.length() && (Character.isLetterOrDigit(l.charAt(i)) || l.charAt(i) == '_')) {
      i++;
    }
    if (i == at || !Character.isLetter(l.charAt(at)) || i == l.length() || l.charAt(i) != ':') {
      return -1;
    }
    return i + 1 == l.length() || l.charAt(i + 1) == ' ' ? i : -1;
  }

  /**
   * The value that starts at {@code at} of the current line, in a node whose parent stands at
   * column {@code parent}: a flow collection on this line, or a scalar, which may go on below
   * (quoted, until its closing quote; plain, on lines indented deeper than the parent). The
   * current line is then the value's last.
   */
  private Object value(int at, int parent) {
    String l = lines[line];
    char c = l.charAt(at);
    if (c == '"' || c == '\'') {
      return quoted(at, parent);
    }
    Object value = scalarOrFlow(l, at);
    return value instanceof String s ? plainLines(s, parent) : value;
  }

  /**
   * A plain scalar's first line {@code first} and the lines that continue it: each deeper than
   * the parent, after any empty lines. Folded as SnakeYAML folds them: a line break between two
   * lines is a space, each empty line between them a line break, spaces around a break dropped.
   * A comment below ends the scalar; a continuation that could be read another way (a dash
   * item, a key, a comment inside) is left to Jackson.
   */
  private String plainLines(String first, int parent) {
    StringBuilder out = null;
    while (true) {
      int next = line + 1;
      int breaks = 0;
      while (next < lines.length && isSpaces(lines[next])) {
        breaks++;
        next++;
      }
      if (next == lines.length) {
        break;
      }
      String l = lines[next];
      int i = indent(l);
      if (i <= parent || l.charAt(i) == '#') {
        break;
      }
      if (out == null) {
        if (!Character.isLetter(first.charAt(0))) {
          throw decline(); // a date or text that starts like a number: the lines after are not checked against YAML's other forms
        }
        out = new StringBuilder(first);
      }
      String part = l.substring(i, endOfText(l));
      if (part.startsWith("- ") || part.equals("-") || part.contains(": ") || part.contains(" #") || part.endsWith(":")) {
        throw decline();
      }
      out.append(breaks == 0 ? " " : "\n".repeat(breaks)).append(part);
      line = next;
    }
    return out == null ? first : out.toString();
  }

  private static boolean isSpaces(String l) {
    return indent(l) == l.length();
  }

  /** Where the line's text ends: before the spaces at its end. */
  private static int endOfText(String l) {
    int end = l.length();
    while (end > 0 && l.charAt(end - 1) == ' ') {
      end--;
    }
    return end;
  }

  /**
   * A quoted scalar that starts at {@code at} of the current line, over as many lines as it
   * takes, each after the first deeper than the parent. Line breaks fold as in a plain scalar;
   * spaces before a break are dropped, those written as escapes kept. An escaped line break is
   * left to Jackson. Only spaces may follow the closing quote.
   */
  private String quoted(int at, int parent) {
    String l = lines[line];
    int[] stop = {0};
    String one = quotedOnOneLine(l, at, l.length(), stop);
    if (one != null) {
      if (endOfText(l) != stop[0]) {
        throw decline(); // something after the closing quote
      }
      return one;
    }
    char q = l.charAt(at);
    StringBuilder out = new StringBuilder();
    // How much of out to keep at a line break: up to the last character that is not a space of the text.
    int[] kept = {0};
    int i = at + 1;
    while (true) {
      int close = quotedPart(l, i, l.length(), q, out, kept);
      if (close >= 0) {
        if (endOfText(l) != close + 1) {
          throw decline();
        }
        return out.toString();
      }
      out.setLength(kept[0]);
      int breaks = 0;
      line++;
      while (line < lines.length && isSpaces(lines[line])) {
        breaks++;
        line++;
      }
      if (line == lines.length || indent(lines[line]) <= parent) {
        throw decline(); // no closing quote, or a line not inside the value
      }
      l = lines[line];
      i = indent(l);
      out.append(breaks == 0 ? " " : "\n".repeat(breaks));
      kept[0] = out.length();
    }
  }

  /** A value that fills the rest of line {@code l} from {@code at}. */
  private static Object scalarOrFlow(String l, int at) {
    int end = l.length();
    while (end > at && l.charAt(end - 1) == ' ') {
      end--;
    }
    char c = l.charAt(at);
    if (c == '[' || c == '{') {
      Flow flow = new Flow(l, at, end);
      Object value = flow.node();
      if (flow.pos != end) {
        throw decline();
      }
      return value;
    }
    String s = l.substring(at, end);
    // The one yes/no an entry holds (downstream): bound only there; anywhere else it declines, as text() does.
    if (s.equals("true") || s.equals("false")) {
      return Boolean.valueOf(s);
    }
    return plain(s, false);
  }

  /** A quoted scalar at {@code at} that closes on this line; {@code stop[0]} is set past its closing quote. */
  private static String quoted(String l, int at, int end, int[] stop) {
    String s = quotedOnOneLine(l, at, end, stop);
    if (s == null) {
      throw decline();
    }
    return s;
  }

  /** The same, or null when the line ends first. */
  private static String quotedOnOneLine(String l, int at, int end, int[] stop) {
    char q = l.charAt(at);
    // Most quoted scalars have no escape in them: one look for the closing quote, one copy.
    for (int i = at + 1; i < end; i++) {
      char c = l.charAt(i);
      if (c == q) {
        if (q == '\'' && i + 1 < end && l.charAt(i + 1) == '\'') {
          break;
        }
        stop[0] = i + 1;
        return l.substring(at + 1, i);
      }
      if (c == '\\' && q == '"') {
        break;
      }
    }
    StringBuilder out = new StringBuilder();
    int close = quotedPart(l, at + 1, end, q, out, new int[1]);
    if (close < 0) {
      return null;
    }
    stop[0] = close + 1;
    return out.toString();
  }

  /**
   * The text of a quoted scalar from {@code i} of line {@code l}, its escapes resolved, appended
   * to {@code out}: where its closing quote {@code q} stands, or -1 when the line ends first.
   * {@code kept[0]} is set to the length of {@code out} up to its last character that is not a
   * space of the text (an escaped one counts), which a line break keeps.
   */
  private static int quotedPart(String l, int i, int end, char q, StringBuilder out, int[] kept) {
    while (i < end) {
      char c = l.charAt(i);
      if (c == q) {
        if (q == '\'' && i + 1 < end && l.charAt(i + 1) == '\'') {
          out.append('\'');
          kept[0] = out.length();
          i += 2;
          continue;
        }
        return i;
      }
      if (c == '\\' && q == '"') {
        escape(i + 1 < end ? l.charAt(i + 1) : ' ', out); // an escaped line break is Jackson's
        kept[0] = out.length();
        i += 2;
        continue;
      }
      out.append(c);
      if (c != ' ') {
        kept[0] = out.length();
      }
      i++;
    }
    return -1;
  }

  /** The escapes people write; the rarer ones (hex and Unicode numbers, a line break, ...) are Jackson's. */
  private static void escape(char e, StringBuilder out) {
    switch (e) {
      case '"', '\\' -> out.append(e);
      case 'n' -> out.append('\n');
      case 't' -> out.append('\t');
      default -> throw decline();
    }
  }

  /**
   * A plain scalar, taken only when YAML would read it as text: it starts with a letter (or is a
   * date, which Jackson keeps as text too, or is {@linkplain #isSpacedText text that starts like a
   * number}), is no boolean or null word, holds no ": " or " #",
   * and in a flow collection no flow indicator.
   */
  private static String plain(String s, boolean inFlow) {
    if (s.isEmpty()) {
      throw decline();
    }
    char first = s.charAt(0);
    // A letter of any script: YAML reads no such scalar as anything but text.
    if (!Character.isLetter(first) && !isDate(s) && !isSpacedText(s)) {
      throw decline();
    }
    if (s.contains(": ") || s.contains(" #") || s.endsWith(":")) {
      throw decline();
    }
    if (inFlow) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '[' || c == ']' || c == '{' || c == '}' || c == ',') {
          throw decline();
        }
      }
    }
    // Only words of five letters or fewer can be one of these; lowering every scalar to ask would copy each.
    switch (s.length() > 5 ? "" : s.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf" -> throw decline();
      default -> {
        return s;
      }
    }
  }

  /**
   * Text that starts like a number, a path or an option ({@code 20.06 container needs driver
   * 450.36}, {@code ./build.py --enable-gpu}, {@code /v2/health/ready is false}): YAML's number,
   * boolean and null forms hold no space, and its only form with a space (a timestamp) a colon.
   */
  private static boolean isSpacedText(String s) {
    char first = s.charAt(0);
    boolean starts = (first >= '0' && first <= '9') || first == '/' || first == '.' || first == '('
        || ((first == '-' || first == '+') && s.length() > 1 && s.charAt(1) != ' ');
    return starts && s.indexOf(' ') > 0 && s.indexOf(':') < 0;
  }

  private static boolean isDate(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (i != 4 && i != 7 && !(s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
        return false;
      }
    }
    return true;
  }

  /** A one-line flow collection: {@code [a, "b"]}, {@code {name: x, affected: [">=1"]}}. */
  private static final class Flow {
    private final String l;
    private final int end;
    int pos;
    private int depth;

    Flow(String l, int at, int end) {
      this.l = l;
      this.pos = at;
      this.end = end;
    }

    Object node() {
      spaces();
      if (pos >= end) {
        throw decline();
      }
      char c = l.charAt(pos);
      if (c == '[' || c == '{') {
        if (++depth > MAX_DEPTH) {
          throw decline();
        }
        Object node = c == '[' ? list() : map();
        depth--;
        return node;
      }
      if (c == '"' || c == '\'') {
        int[] stop = {0};
        String s = quoted(l, pos, end, stop);
        pos = stop[0];
        spaces();
        return s;
      }
      int start = pos;
      while (pos < end && l.charAt(pos) != ',' && l.charAt(pos) != ']' && l.charAt(pos) != '}') {
        pos++;
      }
      return plain(l.substring(start, pos).strip(), true);
    }

    private List<Object> list() {
      pos++;
      List<Object> items = new ArrayList<>();
      spaces();
      if (pos < end && l.charAt(pos) == ']') {
        pos++;
        spaces();
        return items;
      }
      while (true) {
        items.add(node());
        if (pos >= end) {
          throw decline();
        }
        char c = l.charAt(pos++);
        if (c == ']') {
          spaces();
          return items;
        }
        if (c != ',') {
          throw decline();
        }
      }
    }

    private Map<String, Object> map() {
      pos++;
      Map<String, Object> map = new LinkedHashMap<>();
      spaces();
      if (pos < end && l.charAt(pos) == '}') {
        pos++;
        spaces();
        return map;
      }
      while (true) {
        spaces();
        int colon = keyEnd(l, pos);
        if (colon < 0 || colon + 1 >= end) {
          throw decline();
        }
        String key = l.substring(pos, colon);
        pos = colon + 1;
        if (map.put(key, node()) != null) {
          throw decline();
        }
        if (pos >= end) {
          throw decline();
        }
        char c = l.charAt(pos++);
        if (c == '}') {
          spaces();
          return map;
        }
        if (c != ',') {
          throw decline();
        }
      }
    }

    private void spaces() {
      while (pos < end && l.charAt(pos) == ' ') {
        pos++;
      }
    }
  }

  // ---- binding: known keys and shapes only, as Jackson binds them

  private static final class Binding {
    static EntryDto entry(Map<?, ?> map) {
      EntryDto d = new EntryDto();
      map.forEach((k, v) -> {
        switch ((String) k) {
          case "id" -> d.id = text(v);
          case "title" -> d.title = text(v);
          case "summary" -> d.summary = text(v);
          case "lang" -> d.lang = text(v);
          case "translation_of" -> d.translationOf = text(v);
          case "status" -> d.status = text(v);
          case "published" -> d.published = text(v);
          case "modified" -> d.modified = text(v);
          case "tags" -> d.tags = texts(v);
          case "components" -> d.components = objects(v, Binding::component);
          case "symptoms" -> d.symptoms = texts(v);
          case "causes" -> d.causes = texts(v);
          case "fixes" -> d.fixes = objects(v, Binding::fix);
          case "examples" -> d.examples = examples(v);
          case "references" -> d.references = objects(v, Binding::reference);
          case "related" -> d.related = texts(v);
          case "downstream" -> d.downstream = flag(v);
          case "follows_from" -> d.followsFrom = texts(v);
          default -> throw decline();
        }
      });
      return d;
    }

    private static EntryDto.ComponentDto component(Map<?, ?> map) {
      EntryDto.ComponentDto c = new EntryDto.ComponentDto();
      map.forEach((k, v) -> {
        switch ((String) k) {
          case "name" -> c.name = text(v);
          case "affected" -> c.affected = texts(v);
          case "fixed" -> c.fixed = texts(v);
          default -> throw decline();
        }
      });
      return c;
    }

    private static EntryDto.FixDto fix(Map<?, ?> map) {
      EntryDto.FixDto f = new EntryDto.FixDto();
      map.forEach((k, v) -> {
        switch ((String) k) {
          case "title" -> f.title = text(v);
          case "commands" -> f.commands = texts(v);
          case "config" -> f.config = text(v);
          case "config_lang" -> f.configLang = text(v);
          case "detail" -> f.detail = text(v);
          default -> throw decline();
        }
      });
      return f;
    }

    private static EntryDto.ReferenceDto reference(Map<?, ?> map) {
      EntryDto.ReferenceDto r = new EntryDto.ReferenceDto();
      map.forEach((k, v) -> {
        switch ((String) k) {
          case "type" -> r.type = text(v);
          case "url" -> r.url = text(v);
          case "title" -> r.title = text(v);
          default -> throw decline();
        }
      });
      return r;
    }

    private static EntryDto.ExamplesDto examples(Object v) {
      if (!(v instanceof Map<?, ?> map)) {
        throw decline();
      }
      EntryDto.ExamplesDto e = new EntryDto.ExamplesDto();
      map.forEach((k, x) -> {
        switch ((String) k) {
          case "match" -> e.match = texts(x);
          case "no_match" -> e.noMatch = texts(x);
          default -> throw decline();
        }
      });
      return e;
    }

    private static String text(Object v) {
      if (v instanceof String s) {
        return s;
      }
      throw decline();
    }

    private static Boolean flag(Object v) {
      if (v instanceof Boolean b) {
        return b;
      }
      throw decline();
    }

    /** A list of texts; a single text is a list of one, as Jackson is told to accept. */
    private static List<String> texts(Object v) {
      List<String> out = new ArrayList<>();
      if (v instanceof String s) {
        if (s.isEmpty()) {
          throw decline(); // Jackson's coercion of an empty text to a list is its own matter
        }
        out.add(s);
        return out;
      }
      if (!(v instanceof List<?> list)) {
        throw decline();
      }
      for (Object item : list) {
        out.add(text(item));
      }
      return out;
    }

    private static <T> List<T> objects(Object v, java.util.function.Function<Map<?, ?>, T> bind) {
      List<T> out = new ArrayList<>();
      if (v instanceof Map<?, ?> one) {
        out.add(bind.apply(one));
        return out;
      }
      if (!(v instanceof List<?> list)) {
        throw decline();
      }
      for (Object item : list) {
        if (!(item instanceof Map<?, ?> m)) {
          throw decline();
        }
        out.add(bind.apply(m));
      }
      return out;
    }
  }

  /** Thrown, without a stack trace, at input outside the subset: the caller hands it to Jackson. */
  private static final class Declined extends RuntimeException {
    static final Declined INSTANCE = new Declined();

    private Declined() {
      super(null, null, false, false);
    }
  }
}
