package dev.errata;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in the content, with where it is and what to do about it.
 *
 * @param file path as shown to the user (relative to the working folder when possible)
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param hint what to do; may be empty
 */
public record Diagnostic(
    String file, int line, int column, Severity severity, String message, String hint) {

  public enum Severity {
    ERROR,
    WARNING;

    public String label() {
      return this == ERROR ? "error" : "warning";
    }
  }

  /** Orders by file, then line and column, so reports read top to bottom. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::file)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column are 1-based or 0");
    }
  }

  public static Diagnostic error(String file, int line, String message, String hint) {
    return new Diagnostic(file, line, 0, Severity.ERROR, message, hint);
  }

  public static Diagnostic warning(String file, int line, String message, String hint) {
    return new Diagnostic(file, line, 0, Severity.WARNING, message, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code path:line: error: message (hint)}, the format editors and CI annotate from. */
  public String format() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    return out.append(": ").append(severity.label()).append(": ").append(messageAndHint()).toString();
  }

  /** {@code message (hint)}, or the message alone when there is no hint. */
  public String messageAndHint() {
    return hint.isEmpty() ? message : message + " (" + hint + ")";
  }
}
