package dev.errata.cli;

import picocli.CommandLine.Help.Ansi;

/**
 * ANSI styling that is on only for a terminal (and off under NO_COLOR or --color=never). Every
 * text it is given, styled or not, loses its own control sequences first ({@link TerminalText}):
 * the only escapes printed are the styles added here.
 */
final class Terminal {
  enum When { AUTO, ALWAYS, NEVER }

  private final boolean on;

  Terminal(When when) {
    this.on = switch (when) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> System.getenv("NO_COLOR") == null && Ansi.AUTO.enabled();
    };
  }

  /** What to do when a command waits for a paste on a terminal, which would otherwise look like a hang. */
  static final String PASTE_HINT = "Paste the error or the log, then press Ctrl-D on a line of its own (Ctrl-Z, Enter on Windows)."
      + " Or give it another way: errata match \"TEXT\", errata match --file server.log, kubectl logs POD | errata match";

  /**
   * Whether {@code in} is the process's standard input and a person types into it. Java 17's
   * console exists only when standard input and output are both terminals; a paste piped in, or
   * output piped on, needs no hint.
   */
  static boolean typedInto(java.io.InputStream in) {
    return in == System.in && System.console() != null;
  }

  /** Text from a paste or an entry, unstyled. */
  String text(String s) {
    return TerminalText.strip(s);
  }

  String bold(String s) {
    return style("1", s);
  }

  String dim(String s) {
    return style("2", s);
  }

  String red(String s) {
    return style("31", s);
  }

  String green(String s) {
    return style("32", s);
  }

  String yellow(String s) {
    return style("33", s);
  }

  String cyan(String s) {
    return style("36", s);
  }

  private String style(String code, String s) {
    String text = TerminalText.strip(s);
    return on ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
