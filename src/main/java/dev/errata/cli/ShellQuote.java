package dev.errata.cli;

/** Quoting for a POSIX shell: a word that reaches the command exactly as written, whatever it holds. */
final class ShellQuote {
  private ShellQuote() {}

  /** {@code 'text'}, each {@code '} written as {@code '\''}; a word of safe characters alone stays bare. */
  static String quote(String s) {
    if (!s.isEmpty() && s.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0))) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
