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

  static String counts(List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.size() - errors;
    return errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings");
  }
}
