package dev.errata.cli;

import dev.errata.Diagnostic;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints diagnostics one per line and a count, the same way for check and build. A message can
 * quote content (an unknown key, a tag), so control sequences are removed from it.
 */
final class DiagnosticsPrinter {
  private DiagnosticsPrinter() {}

  static void print(List<Diagnostic> diagnostics, PrintWriter to) {
    for (Diagnostic d : diagnostics) {
      to.println(TerminalText.strip(d.format()));
    }
  }

  /** The first {@code limit} diagnostics, then how many more there are. */
  static void printSome(List<Diagnostic> diagnostics, PrintWriter to, int limit) {
    diagnostics.stream().limit(limit).forEach(d -> to.println(TerminalText.strip(d.format())));
    if (diagnostics.size() > limit) {
      to.println("... and " + (diagnostics.size() - limit) + " more; errata check lists them all");
    }
  }

  /**
   * One JSON object: how many entries were checked, how many errors and warnings, and each
   * diagnostic with its file, line, column (0 when unknown), severity, message and hint, in
   * report order. Keys in alphabetical order; fields are only ever added.
   */
  static void json(List<Diagnostic> diagnostics, int entries, PrintWriter to) {
    to.println(TerminalJson.write(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("diagnostics");
      for (Diagnostic d : diagnostics) {
        g.writeStartObject();
        g.writeNumberField("column", d.column());
        g.writeStringField("file", d.file());
        g.writeStringField("hint", d.hint());
        g.writeNumberField("line", d.line());
        g.writeStringField("message", d.message());
        g.writeStringField("severity", d.severity().label());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("entries", entries);
      long errors = diagnostics.stream().filter(Diagnostic::isError).count();
      g.writeNumberField("errors", errors);
      g.writeNumberField("warnings", diagnostics.size() - errors);
      g.writeEndObject();
    }));
  }

  /**
   * GitHub Actions workflow commands ({@code ::error file=F,line=L::message}): a job that runs
   * {@code errata check --format github} shows each problem on its line of the pull request.
   * Values are escaped as the Actions toolkit escapes them, so a message with a comma, a colon or
   * a line break stays one annotation.
   */
  static void github(List<Diagnostic> diagnostics, PrintWriter to) {
    for (Diagnostic d : diagnostics) {
      StringBuilder line = new StringBuilder("::").append(d.severity().label()).append(" file=").append(property(d.file()));
      if (d.line() > 0) {
        line.append(",line=").append(d.line());
        if (d.column() > 0) {
          line.append(",col=").append(d.column());
        }
      }
      line.append(",title=errata check::").append(data(d.messageAndHint()));
      to.println(TerminalText.strip(line.toString()));
    }
  }

  /**
   * A GitLab Code Quality report: a JSON array with, for each problem, its description, a check
   * name, a severity ({@code critical} for an error, which fails the build, {@code minor} for a
   * warning), where it is, and a fingerprint that stays the same while the problem does (its
   * file, message and how many times the same message came before it in that file, not its line,
   * so that an edit above it does not make it a new problem in the merge request's widget).
   */
  static void gitlab(List<Diagnostic> diagnostics, PrintWriter to) {
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    to.println(TerminalJson.write(g -> {
      g.writeStartArray();
      for (Diagnostic d : diagnostics) {
        String same = d.file() + "\u0000" + d.severity() + "\u0000" + d.message();
        int before = seen.merge(same, 1, Integer::sum) - 1;
        g.writeStartObject();
        g.writeStringField("check_name", "errata-" + d.severity().label());
        g.writeStringField("description", d.messageAndHint());
        g.writeStringField("fingerprint", fingerprint(same + "\u0000" + before));
        g.writeObjectFieldStart("location");
        g.writeObjectFieldStart("lines");
        g.writeNumberField("begin", Math.max(1, d.line()));
        g.writeEndObject();
        g.writeStringField("path", d.file());
        g.writeEndObject();
        g.writeStringField("severity", d.isError() ? "critical" : "minor");
        g.writeEndObject();
      }
      g.writeEndArray();
    }));
  }

  private static String fingerprint(String s) {
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(h, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }

  static String counts(List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.size() - errors;
    return errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings");
  }
}
