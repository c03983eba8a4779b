package dev.errata;

/**
 * The process exit codes, each with a fixed number (never an ordinal) so that scripts can rely
 * on them. Listed in {@code errata --help}.
 */
public enum ExitCode {
  OK(0, "success"),
  NO_MATCH(1, "no confident match (match)"),
  USAGE(2, "usage error: unknown option or bad argument"),
  INVALID_CONTENT(3, "invalid content: errata check found errors"),
  IO(4, "a file or folder could not be read or written"),
  INTERNAL(70, "internal error: please report it, with --verbose output");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
