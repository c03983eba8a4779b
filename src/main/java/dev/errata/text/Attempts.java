package dev.errata.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The attempts of a terminal session pasted whole, told by its prompts ({@code user@box:~/models$
 * docker run ...}). A session shows every try: the run that failed on a typo in a path, the fix,
 * the same command again, failing for the reason the sender asks about. A command runs again one
 * run before when {@link #key} is equal and the text nearly the same ({@link
 * Paste#RERUN_SIMILARITY}); a command that only shows what is there (a log shown again through
 * another filter, {@code views} in rules.json) runs nothing again, and the failures its output
 * shows are those of the command before it. The browser's port is {@code attempts} in
 * errata-text.js.
 */
final class Attempts {
  private final Rules rules;
  private final List<Integer> lines = new ArrayList<>();
  private final List<String> commands = new ArrayList<>();
  /** Each prompt's key, null for a comment, an empty command or a view. */
  private final List<String> keys = new ArrayList<>();
  /** For each prompt, the line of the first later prompt that runs its command again; 0 for none. */
  private final List<Integer> again = new ArrayList<>();

  Attempts(Rules rules) {
    this.rules = rules;
  }

  /** Takes line {@code number} of the paste as written. */
  void line(int number, String line) {
    // A prompt in colour, as a session recorded with script(1) keeps it.
    String plain = line.indexOf('\u001b') < 0 ? line : rules.ansi.matcher(line).replaceAll("");
    String command = lines.size() < Paste.MAX_PROMPTS ? rules.promptCommand(plain) : null;
    if (command == null) {
      return;
    }
    command = trim(command);
    if (command.length() > Paste.MAX_COMMAND_CHARS) {
      command = command.substring(0, Paste.MAX_COMMAND_CHARS);
    }
    String key = key(command, rules);
    if (key != null && rules.views.contains(key)) {
      key = null;
    }
    int compared = 0;
    for (int i = keys.size() - 1; key != null && i >= 0 && compared < Paste.MAX_COMPARED_COMMANDS; i--) {
      if (again.get(i) == 0 && key.equals(keys.get(i))) {
        compared++;
        if (similar(commands.get(i), command)) {
          again.set(i, number);
        }
      }
    }
    lines.add(number);
    commands.add(command);
    keys.add(key);
    again.add(0);
  }

  /**
   * Where the command behind line {@code n} runs again: the line of that later prompt, or 0. The
   * command behind a line is the last command at or before it that runs something (not a view):
   * a server's error shown by {@code docker logs} is the error of the {@code docker run} before.
   */
  static int runAgain(int[] lines, int[] again, int n) {
    int at = java.util.Arrays.binarySearch(lines, n);
    for (int i = at >= 0 ? at : -at - 2; i >= 0; i--) {
      if (again[i] >= 0) {
        return again[i];
      }
    }
    return 0;
  }

  /** The prompts' lines, in order. */
  int[] lines() {
    return lines.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * For each prompt, the line where its command runs again (0 when it does not), or -1 when it
   * runs nothing (a comment, a view): {@link #runAgain} reads past those.
   */
  int[] again() {
    int[] out = new int[lines.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = keys.get(i) == null ? -1 : again.get(i);
    }
    return out;
  }

  /**
   * Whether two commands are written nearly the same: their longest common subsequence of
   * characters covers at least {@link Paste#RERUN_SIMILARITY} of the shorter. A path's typo fixed
   * or a flag added keeps a command this close; the conversion that builds an engine and the
   * server that serves it, both started by {@code docker run} with the same mounts, are not.
   */
  static boolean similar(String a, String b) {
    int shorter = Math.min(a.length(), b.length());
    return shorter > 0 && common(a, b) >= Paste.RERUN_SIMILARITY * shorter;
  }

  /** The length of the longest common subsequence of the two texts' characters. */
  private static int common(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        current[j] = a.charAt(i - 1) == b.charAt(j - 1) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }

  /**
   * What a command runs, to tell a run again from another command: its program's name (without
   * its folder), and for the programs that take one, the first word after it that is no option
   * ({@code docker logs}, {@code python client.py}, {@code kubectl -n ns logs} past the options that
   * take a value, {@code docker compose up}). Of a chain, the command that runs last ({@code
   * docker rm x && docker run ...}); of a pipeline, its first ({@code docker logs x | grep E}).
   * Words that run the command after them, their options, and variable assignments are passed
   * over. Null for a comment or an empty command.
   */
  static String key(String command, Rules rules) {
    String last = command;
    for (String sep : new String[] {"&&", "||", ";"}) {
      int at = last.lastIndexOf(sep);
      if (at >= 0 && !trim(last.substring(at + sep.length())).isEmpty()) {
        last = last.substring(at + sep.length());
      }
    }
    int pipe = last.indexOf('|');
    if (pipe >= 0) {
      last = last.substring(0, pipe);
    }
    String program = null;
    boolean wrapped = false;
    boolean value = false;
    for (String word : trim(last).split("[ \t]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (value) {
        value = false;
      } else if (program == null) {
        if (word.startsWith("#")) {
          return null;
        }
        if (rules.commandWrappers.contains(word)) {
          wrapped = true;
          continue;
        }
        if (wrapped && (word.charAt(0) == '-' || word.charAt(0) >= '0' && word.charAt(0) <= '9') || isAssignment(word)) {
          continue;
        }
        program = name(word);
        if (!rules.subcommands.contains(program)) {
          return program;
        }
      } else if (rules.valueOptions.contains(word)) {
        value = true;
      } else if (word.charAt(0) != '-') {
        // docker compose up: a subcommand that takes one of its own.
        if (!rules.subcommands.contains(word)) {
          return program + " " + word;
        }
        program = program + " " + word;
      }
    }
    return program;
  }

  /** The text without spaces and tabs at either end (the browser's port trims the same). */
  private static String trim(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return s.substring(from, to);
  }

  /** A word without quotes and folders: {@code ./perf_analyzer} and {@code "/usr/bin/python3"} are their programs. */
  private static String name(String word) {
    String w = word.replace("\"", "").replace("'", "");
    int slash = Math.max(w.lastIndexOf('/'), w.lastIndexOf('\\'));
    return w.substring(slash + 1);
  }

  private static boolean isAssignment(String word) {
    int eq = word.indexOf('=');
    if (eq <= 0) {
      return false;
    }
    for (int i = 0; i < eq; i++) {
      char c = word.charAt(i);
      if (!(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }
}
