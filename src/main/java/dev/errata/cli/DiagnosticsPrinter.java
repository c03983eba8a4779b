package dev.errata.cli;

import dev.errata.Diagnostic;
import java.io.PrintWriter;
import java.util.List;

/** Prints diagnostics one per line and a count, the same way for check and build. */
final class DiagnosticsPrinter {
  private DiagnosticsPrinter() {}

  static void print(List<Diagnostic> diagnostics, PrintWriter to) {
    for (Diagnostic d : diagnostics) {
      to.println(d.format());
    }
  }

  static String counts(List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.size() - errors;
    return errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings");
  }
}
