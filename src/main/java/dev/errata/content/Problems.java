package dev.errata.content;

import dev.errata.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of one file, turning YAML pointers into file lines. */
final class Problems {
  private final String file;
  private final int firstYamlLine;
  private final List<Diagnostic> out = new ArrayList<>();
  private final java.util.Set<String> errorPointers = new java.util.HashSet<>();
  private YamlLines lines;

  Problems(String file, int firstYamlLine) {
    this.file = file;
    this.firstYamlLine = firstYamlLine;
  }

  void lines(YamlLines lines) {
    this.lines = lines;
  }

  /** File lines of front-matter keys, read from the YAML when first asked for. */
  dev.errata.model.Source.Lines sourceLines() {
    YamlLines l = lines;
    return pointer -> {
      int yamlLine = l == null ? 0 : l.exact(pointer);
      return yamlLine == 0 ? 0 : fileLine(yamlLine);
    };
  }

  String file() {
    return file;
  }

  /** The file line of a YAML-local line. */
  int fileLine(int yamlLine) {
    return firstYamlLine - 1 + Math.max(1, yamlLine);
  }

  int lineOf(String pointer) {
    return lines == null ? 0 : fileLine(lines.line(pointer));
  }

  void error(String pointer, String message, String hint) {
    errorPointers.add(pointer);
    out.add(Diagnostic.error(file, lineOf(pointer), message, hint));
  }

  /** Whether an error was reported at {@code pointer} or at a key that holds it: not to report it again. */
  boolean hasErrorAt(String pointer) {
    for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
      if (errorPointers.contains(p)) {
        return true;
      }
      if (p.isEmpty()) {
        return false;
      }
    }
  }

  void warning(String pointer, String message, String hint) {
    out.add(Diagnostic.warning(file, lineOf(pointer), message, hint));
  }

  void errorAtLine(int fileLine, String message, String hint) {
    out.add(Diagnostic.error(file, fileLine, message, hint));
  }

  boolean hasErrors() {
    return out.stream().anyMatch(Diagnostic::isError);
  }

  List<Diagnostic> all() {
    return List.copyOf(out);
  }
}
