package dev.errata.content;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.errata.model.Source;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every key and value in a YAML document, by JSON pointer ({@code
 * /components/1/affected/0}). Binding loses positions; this lets a rule that runs after binding
 * still point at the line of the value it rejects. The positions take a second pass over the
 * YAML, which a clean entry never needs, so they are read only when a message first needs one.
 */
final class YamlLines {
  private final YAMLFactory factory;
  private final java.util.function.Supplier<String> text;
  private final boolean keysAtColumnZero;
  private volatile Map<String, Integer> lines;

  YamlLines(YAMLFactory factory, String yaml) {
    this(factory, yaml, false);
  }

  /**
   * @param keysAtColumnZero whether every line that starts at column 0 is a key of the top-level
   *     mapping, as in front matter that {@link SimpleYaml} read (a scalar it reads over several
   *     lines goes on only on lines indented deeper than its key; one that goes on at column 0 it
   *     leaves to Jackson)
   */
  YamlLines(YAMLFactory factory, String yaml, boolean keysAtColumnZero) {
    this(factory, () -> yaml, keysAtColumnZero);
  }

  /** The same for YAML that is read (once) only when a message first needs a line (of a file not read yet). */
  YamlLines(YAMLFactory factory, java.util.function.Supplier<String> yaml, boolean keysAtColumnZero) {
    this.factory = factory;
    this.text = dev.errata.Lazy.of(yaml);
    this.keysAtColumnZero = keysAtColumnZero;
  }

  /** The 1-based line within the YAML of exactly {@code pointer}, or 0. */
  int exact(String pointer) {
    if (pointer.isEmpty()) {
      return 1;
    }
    // A warning about a missing key (no 'examples') asks for a key that is not there: when its
    // name is nowhere in the text as a key, the answer is known without reading positions.
    int slash = pointer.indexOf('/', 1);
    String name = pointer.substring(1, slash < 0 ? pointer.length() : slash);
    String yaml = text.get();
    if (!mayBeKey(yaml, name)) {
      return 0;
    }
    if (slash < 0 && keysAtColumnZero) {
      // A top-level key (a warning about its value): its line is found by its name at the start
      // of a line, without reading the positions of the whole document.
      int line = topLevelKey(yaml, name);
      if (line > 0) {
        return line;
      }
    }
    return lines().getOrDefault(pointer, 0);
  }

  /** The 1-based line that starts with {@code name} and a colon ending the key, or 0. */
  private static int topLevelKey(String yaml, String name) {
    int line = 1;
    for (int at = 0; at < yaml.length(); line++) {
      int next = yaml.indexOf('\n', at);
      int end = next < 0 ? yaml.length() : next;
      int colon = at + name.length();
      if (yaml.startsWith(name, at) && colon < end && yaml.charAt(colon) == ':' && (colon + 1 == end || yaml.charAt(colon + 1) == ' ')) {
        return line;
      }
      if (next < 0) {
        break;
      }
      at = next + 1;
    }
    return 0;
  }

  /**
   * Whether {@code name} occurs followed by a colon (past a closing quote and spaces), as every
   * key is written: the word alone in a summary or a cause is not one, and reading the
   * positions of the whole document to learn so made a thousand YAML parses of a large build.
   */
  static boolean mayBeKey(String yaml, String name) {
    for (int at = yaml.indexOf(name); at >= 0; at = yaml.indexOf(name, at + 1)) {
      int j = at + name.length();
      if (j < yaml.length() && (yaml.charAt(j) == '"' || yaml.charAt(j) == '\'')) {
        j++;
      }
      while (j < yaml.length() && (yaml.charAt(j) == ' ' || yaml.charAt(j) == '\t')) {
        j++;
      }
      if (j < yaml.length() && yaml.charAt(j) == ':') {
        return true;
      }
    }
    return false;
  }

  /** The 1-based line of {@code pointer}, or of its nearest ancestor that has one, or 1. */
  int line(String pointer) {
    return Math.max(1, Source.nearest(this::exact, pointer));
  }

  private Map<String, Integer> lines() {
    Map<String, Integer> l = lines;
    if (l == null) {
      l = read();
      lines = l;
    }
    return l;
  }

  /** Reads positions only; syntax errors surface when the document is bound. */
  private Map<String, Integer> read() {
    Map<String, Integer> out = new HashMap<>();
    try (JsonParser p = factory.createParser(text.get())) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME || t.isScalarValue() || t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          out.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
        }
      }
    } catch (IOException | RuntimeException e) {
      // Positions up to the error are kept; the binder reports the error itself.
    }
    return out;
  }
}
