package dev.errata.draft;

import dev.errata.model.Symptom;
import dev.errata.text.Paste;
import dev.errata.text.PreparedLine;
import dev.errata.text.Rules;
import dev.errata.text.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a pasted error suggests for a new entry: the error line, chosen as the matcher ranks a
 * paste's lines ({@link PreparedLine#rank()}, the first of the most telling rank), and a symptom
 * made from it by the tokenizer's token kinds: numbers (sizes, versions, hex) become {@code {n}},
 * paths {@code {path}}, and a single token in quotes {@code {name}}. A bare file name
 * ({@code libcudart.so.12}) stays as written, as the matcher reads it in a symptom.
 *
 * @param line the chosen line, without its log prefix
 * @param symptom the symptom template, at most {@code maxChars} characters
 * @param title a proposed title: the symptom with its placeholders shown as "..."
 * @param id a proposed id: the first words of the line, kebab-case
 */
public record ErrorDraft(String line, String symptom, String title, String id) {
  static final int MAX_ID_WORDS = 7;
  static final int MAX_ID_CHARS = 60;
  static final int MAX_TITLE_CHARS = 110;

  /** A draft from {@code paste}, or empty when no line of it has words to keep. */
  public static Optional<ErrorDraft> of(String paste, Rules rules, int maxChars) {
    return of(paste, rules, maxChars, 0);
  }

  /**
   * A draft from line {@code named} of {@code paste} when it has words to keep: the line the
   * matcher named as the failure no entry explains, which may not be the first of the most
   * telling rank (a sender's sentence above a log ranks as high as the kubelet's failed pull).
   * Else (0, or a line without words) the line chosen by rank.
   */
  public static Optional<ErrorDraft> of(String paste, Rules rules, int maxChars, int named) {
    List<PreparedLine> lines = Paste.prepare(paste, rules).lines().stream()
        .filter(l -> l.tokens().stream().anyMatch(t -> t.kind() == Token.Kind.WORD))
        .toList();
    Optional<PreparedLine> chosen = lines.stream().filter(l -> l.number() == named && l.part() == 0).findFirst()
        .or(() -> lines.stream().min(Comparator.comparingInt(PreparedLine::rank)));
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    PreparedLine line = chosen.get();
    String symptom = symptom(message(line.text().strip()), maxChars);
    try {
      return Optional.of(new ErrorDraft(line.text().strip(), symptom, title(Symptom.parse(symptom)), id(Symptom.parse(symptom))));
    } catch (IllegalArgumentException e) {
      // Nothing but placeholders: no constant words for the matcher to align.
      return Optional.empty();
    }
  }

  /**
   * A Kubernetes event's columns before its message: {@code kubectl get events} (type, reason,
   * object) and {@code kubectl describe}'s Events (type, reason, age, from), after the ages the
   * symptom leaves out anyway. They are the table's, not the failure's words: a symptom with them
   * would not find the same event printed by the other command.
   */
  private static final java.util.regex.Pattern EVENT_COLUMNS = java.util.regex.Pattern.compile(
      "^(?:\\S+\\s+)?(?:Normal|Warning)\\s+[A-Z][A-Za-z]+\\s+(?:[a-z]+/\\S+|\\S+(?:\\s+\\(x\\d+ over \\S+\\))?\\s+[a-z][\\w.-]*(?:,\\s*\\S+)?)\\s{2,}");

  /** The message of a line: an event's text without its table's columns, else the line. */
  static String message(String line) {
    java.util.regex.Matcher m = EVENT_COLUMNS.matcher(line);
    return m.find() && m.end() < line.length() ? line.substring(m.end()) : line;
  }

  /**
   * The line with its varying parts as placeholders and braces doubled, from its first constant
   * word on (a leading column of ages or counts is no part of the message), runs of spaces made
   * one, cut at a token before {@code maxChars}.
   */
  static String symptom(String text, int maxChars) {
    List<Token> tokens = dev.errata.text.Tokenizer.tokenize(text);
    StringBuilder out = new StringBuilder();
    int pos = -1;
    for (Token t : tokens) {
      String placeholder = placeholder(text, t);
      if (pos < 0) {
        if (placeholder != null) {
          continue;
        }
        pos = t.start();
      }
      if (placeholder == null) {
        continue;
      }
      boolean name = placeholder.equals("{name}");
      int start = name ? t.start() - 1 : t.start();
      int end = name ? t.end() + 1 : t.end();
      String piece = literal(text.substring(pos, start)) + (name ? text.charAt(start) + placeholder + text.charAt(end - 1) : placeholder);
      if (out.length() + piece.length() > maxChars) {
        return out.toString().strip();
      }
      out.append(piece);
      pos = end;
    }
    String rest = pos < 0 ? "" : literal(text.substring(pos)).replaceAll("\\s+", " ");
    if (out.length() + rest.length() > maxChars) {
      // Cut at the last space that fits: a token cut in two would not align.
      String head = rest.substring(0, Math.max(0, maxChars - out.length()));
      int space = head.lastIndexOf(' ');
      rest = space > 0 ? head.substring(0, space) : "";
      if (rest.endsWith("{") && !rest.endsWith("{{")) {
        rest = rest.substring(0, rest.length() - 1);
      }
    }
    return (out + rest).replaceAll("[ \\t]+", " ").strip();
  }

  /** The placeholder for a token, or null to keep it as written. */
  private static String placeholder(String text, Token t) {
    if (quoted(text, t)) {
      return "{name}";
    }
    return switch (t.kind()) {
      case NUMBER -> "{n}";
      case PATH -> t.text().indexOf('/') >= 0 || t.text().indexOf('\\') >= 0 || t.text().indexOf(':') >= 0 ? "{path}" : null;
      default -> null;
    };
  }

  /** A token that is all there is between a pair of quotes: a model, tensor or key name. */
  private static boolean quoted(String text, Token t) {
    if (t.start() == 0 || t.end() >= text.length()) {
      return false;
    }
    char open = text.charAt(t.start() - 1);
    char close = text.charAt(t.end());
    return (open == '\'' || open == '"' || open == '`') && close == open;
  }

  private static String literal(String s) {
    return s.replace("{", "{{").replace("}", "}}");
  }

  static String title(Symptom symptom) {
    StringBuilder b = new StringBuilder();
    for (Symptom.Part p : symptom.parts()) {
      b.append(p instanceof Symptom.Literal l ? l.text() : "...");
    }
    String t = b.toString().replaceAll("\\s+", " ").strip();
    if (t.length() > MAX_TITLE_CHARS) {
      int space = t.lastIndexOf(' ', MAX_TITLE_CHARS);
      t = t.substring(0, space > 0 ? space : MAX_TITLE_CHARS) + " ...";
    }
    return t;
  }

  /** The first words of the symptom's constant text (no numbers, paths or names), lower-case and joined by hyphens. */
  static String id(Symptom symptom) {
    List<String> words = new ArrayList<>();
    for (Symptom.Part p : symptom.parts()) {
      if (!(p instanceof Symptom.Literal l)) {
        continue;
      }
      for (Token t : dev.errata.text.Tokenizer.tokenize(l.text())) {
        if (t.kind() != Token.Kind.WORD) {
          continue;
        }
        for (String w : t.text().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
          if (!w.isEmpty() && !words.contains(w) && words.size() < MAX_ID_WORDS) {
            words.add(w);
          }
        }
      }
    }
    String id = String.join("-", words);
    while (id.length() > MAX_ID_CHARS && id.indexOf('-') > 0) {
      id = id.substring(0, id.lastIndexOf('-'));
    }
    return id.isEmpty() ? "new-entry" : id;
  }
}
