package dev.errata;

import java.util.List;

/**
 * The one exception type that reaches the user: a message a person can act on, the diagnostics
 * that explain it (possibly none) and the process exit code it maps to.
 */
public final class ErrataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;
  private final transient List<Diagnostic> diagnostics;

  public ErrataException(ExitCode exitCode, String message) {
    this(exitCode, message, List.of(), null);
  }

  public ErrataException(ExitCode exitCode, String message, Throwable cause) {
    this(exitCode, message, List.of(), cause);
  }

  public ErrataException(ExitCode exitCode, String message, List<Diagnostic> diagnostics) {
    this(exitCode, message, diagnostics, null);
  }

  private ErrataException(
      ExitCode exitCode, String message, List<Diagnostic> diagnostics, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.diagnostics = List.copyOf(diagnostics);
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
