package dev.errata.content;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every key and value in a YAML document, by JSON pointer ({@code
 * /components/1/affected/0}). Binding loses positions; this lets a rule that runs after binding
 * still point at the line of the value it rejects.
 */
final class YamlLines {
  private final Map<String, Integer> lines;

  private YamlLines(Map<String, Integer> lines) {
    this.lines = lines;
  }

  /** Reads positions only; syntax errors surface later, when the document is bound. */
  static YamlLines of(YAMLFactory factory, String yaml) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = factory.createParser(yaml)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        String pointer = p.getParsingContext().pathAsPointer().toString();
        int line = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.FIELD_NAME || t.isScalarValue()) {
          lines.putIfAbsent(pointer, line);
        } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          lines.putIfAbsent(pointer, line);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Positions up to the error are kept; the binder reports the error itself.
    }
    return new YamlLines(lines);
  }

  /**
   * The 1-based line within the YAML of {@code pointer}, or of its nearest ancestor that has one,
   * or 1.
   */
  /** Every pointer with its file line, given the file line of the first YAML line. */
  Map<String, Integer> fileLines(int firstYamlLine) {
    Map<String, Integer> out = new HashMap<>();
    lines.forEach((k, v) -> out.put(k, firstYamlLine - 1 + v));
    return out;
  }

  int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer l = lines.get(p);
      if (l != null) {
        return l;
      }
      int slash = p.lastIndexOf('/');
      if (slash <= 0) {
        return lines.getOrDefault(p, 1);
      }
      p = p.substring(0, slash);
    }
  }
}
