package dev.errata.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An error message as people see it, with placeholders for the parts that vary: {@code {n}} a
 * number, {@code {name}} one name, {@code {path}} a path or URL, {@code {*}} any run of text.
 * {@code {{} and {@code }}} stand for literal braces.
 */
public record Symptom(String text, List<Part> parts) {

  /** A piece of a symptom: literal text or a placeholder. */
  public sealed interface Part permits Literal, Placeholder {}

  public record Literal(String text) implements Part {}

  public record Placeholder(Kind kind) implements Part {}

  /** The placeholders entries may use. */
  public enum Kind {
    NUMBER("n"),
    NAME("name"),
    PATH("path"),
    ANY("*");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  public Symptom {
    Objects.requireNonNull(text, "text");
    parts = List.copyOf(parts);
  }

  /**
   * Parses the placeholders of a symptom.
   *
   * @throws IllegalArgumentException naming the bad placeholder and the ones that exist
   */
  public static Symptom parse(String text) {
    if (text.indexOf('{') < 0 && text.indexOf('}') < 0 && !text.isBlank()) {
      // No placeholder and no brace, as most symptoms: the text is its one literal part.
      return new Symptom(text, List.of(new Literal(text)));
    }
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        literal.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
        literal.append('}');
        i += 2;
      } else if (c == '{') {
        int close = text.indexOf('}', i);
        if (close < 0) {
          throw new IllegalArgumentException(
              "unclosed '{' at column " + (i + 1) + "; write '{{' for a literal brace");
        }
        String key = text.substring(i + 1, close);
        Kind kind = null;
        for (Kind k : Kind.values()) {
          if (k.key().equals(key)) {
            kind = k;
          }
        }
        if (kind == null) {
          throw new IllegalArgumentException(
              "unknown placeholder '{" + key + "}'; use {n}, {name}, {path} or {*}, or '{{' for a literal brace");
        }
        if (literal.length() > 0) {
          parts.add(new Literal(literal.toString()));
          literal.setLength(0);
        }
        parts.add(new Placeholder(kind));
        i = close + 1;
      } else if (c == '}') {
        throw new IllegalArgumentException(
            "lone '}' at column " + (i + 1) + "; write '}}' for a literal brace");
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0) {
      parts.add(new Literal(literal.toString()));
    }
    if (parts.stream().noneMatch(p -> p instanceof Literal l && !l.text().isBlank())) {
      throw new IllegalArgumentException("a symptom needs some constant text besides placeholders");
    }
    return new Symptom(text, parts);
  }

  /** The symptom as a person reads it: placeholders shown as {@code …}-style markers. */
  public String display() {
    if (parts.size() == 1 && parts.get(0) instanceof Literal l) {
      return l.text();
    }
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Literal l) {
        out.append(l.text());
      } else if (p instanceof Placeholder ph) {
        out.append('{').append(ph.kind().key()).append('}');
      }
    }
    return out.toString();
  }
}
