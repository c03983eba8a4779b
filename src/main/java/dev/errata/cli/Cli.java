package dev.errata.cli;

import dev.errata.Diagnostic;
import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds the command line and maps every outcome to an exit code. Streams are passed in so that
 * tests run exactly what users run.
 */
public final class Cli {
  private Cli() {}

  /**
   * The subcommands by name, in the order help lists them. The names are written out (a test
   * holds them to the annotations): reading one annotation sets up reflection and method handles,
   * some 30 ms of a start that only wants to know which command was named.
   */
  static final Map<String, Class<?>> COMMANDS = commands(InitCommand.class, "init", NewCommand.class, "new",
      BuildCommand.class, "build", CheckCommand.class, "check", MatchCommand.class, "match", ShowCommand.class, "show",
      ServeCommand.class, "serve", EvalCommand.class, "eval", CompletionCommand.class, "completion",
      CommandLine.HelpCommand.class, "help");

  private static Map<String, Class<?>> commands(Object... classAndName) {
    Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < classAndName.length; i += 2) {
      m.put((String) classAndName[i + 1], (Class<?>) classAndName[i]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * Runs a command line and returns its exit code. Picocli's handler sees exceptions only: an
   * error (a stack overflow, memory running out) would leave the process with the JVM's exit
   * code 1, which means "no confident match". Whatever is thrown ends here, as exit 70 with one
   * line, the details under {@code --verbose}.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
    ErrataCommand root = new ErrataCommand();
    try {
      if ("match".equals(commandName(args))) {
        // Before picocli builds its model of the command line, which takes as long.
        MatchCommand.lookAhead(args);
      }
      return create(root, args, out, err, in).execute(args);
    } catch (Throwable t) {
      return report(t, root.verbose, err);
    }
  }

  static CommandLine create(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
    return create(new ErrataCommand(), args, out, err, in);
  }

  private static CommandLine create(ErrataCommand root, String[] args, PrintWriter out, PrintWriter err, InputStream in) {
    CommandLine cmd = new CommandLine(root, new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        if (cls == MatchCommand.class) {
          return cls.cast(new MatchCommand(in));
        }
        if (cls == NewCommand.class) {
          return cls.cast(new NewCommand(in));
        }
        return CommandLine.defaultFactory().create(cls);
      }
    });
    // Picocli reads every command's annotations when it is added, a cost every start would pay
    // for all of them: a run that names one command gets that one only. Anything else (help, no command, a misspelt one) gets them all, so help and
    // suggestions are as before. Added before the settings below, which apply to the commands
    // present when they are made.
    String named = commandName(args);
    COMMANDS.forEach((name, c) -> {
      if (named == null || name.equals(named)) {
        cmd.addSubcommand(c);
      }
    });
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExitCodeExceptionMapper(Cli::exitCodeOf);
    cmd.setExecutionExceptionHandler((ex, line, parsed) -> report(ex, root.verbose, line.getErr()));
    CommandLine.IParameterExceptionHandler usage = cmd.getParameterExceptionHandler();
    cmd.setParameterExceptionHandler((ex, arguments) -> {
      java.util.Optional<Integer> handled = unknownCommand(ex);
      return handled.isPresent() ? handled.get() : usage.handleParseException(ex, arguments);
    });
    return cmd;
  }

  /**
   * A word where a command belongs: one line naming it and the commands it may have meant, rather
   * than the whole help. Picocli's suggestions compare letter pairs, which a swap of two letters
   * ({@code nwe}) leaves with none in common; edit distance and same letters find those.
   */
  private static java.util.Optional<Integer> unknownCommand(CommandLine.ParameterException ex) {
    if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getCommandLine().getParent() != null
        || u.getUnmatched().isEmpty() || u.getUnmatched().get(0).startsWith("-")) {
      return java.util.Optional.empty();
    }
    String typed = u.getUnmatched().get(0);
    java.util.Set<String> names = new java.util.TreeSet<>(u.getCommandLine().getSubcommands().keySet());
    java.util.Set<String> meant = new java.util.LinkedHashSet<>();
    u.getSuggestions().stream().filter(names::contains).forEach(meant::add);
    dev.errata.model.Names.closest(typed, names).ifPresent(meant::add);
    names.stream().filter(n -> sameLetters(n, typed)).forEach(meant::add);
    PrintWriter err = u.getCommandLine().getErr();
    err.println("errata: unknown command '" + TerminalText.strip(typed) + "'");
    if (!meant.isEmpty()) {
      err.println("Did you mean: " + String.join(" or ", meant.stream().map(n -> "errata " + n).toList()) + "?");
    }
    err.println("Commands: " + String.join(", ", names) + " (errata --help says what each does)");
    err.flush();
    return java.util.Optional.of(ExitCode.USAGE.code());
  }

  private static boolean sameLetters(String a, String b) {
    char[] x = a.toCharArray();
    char[] y = b.toCharArray();
    java.util.Arrays.sort(x);
    java.util.Arrays.sort(y);
    return java.util.Arrays.equals(x, y);
  }

  /** Prints what went wrong, one line unless {@code verbose}, and returns the exit code it maps to. */
  static int report(Throwable t, boolean verbose, PrintWriter e) {
    if (t instanceof ErrataException ee) {
      for (Diagnostic d : ee.diagnostics()) {
        e.println(TerminalText.strip(d.format()));
      }
      e.println("errata: " + TerminalText.strip(ee.getMessage()));
      if (verbose && ee.getCause() != null) {
        e.println(stackTrace(ee));
      }
      e.flush();
      return ee.exitCode().code();
    }
    e.println("errata: internal error: " + TerminalText.strip(describe(t)) + (verbose ? "" : " (run with --verbose for details, and please report it)"));
    if (verbose) {
      e.println(stackTrace(t));
    }
    e.flush();
    return ExitCode.INTERNAL.code();
  }

  /** One line for a throwable that is no {@link ErrataException}: what it was, and for errors what to try. */
  private static String describe(Throwable t) {
    if (t instanceof StackOverflowError) {
      return "the stack overflowed (" + t.getClass().getName() + "); some input is nested deeper than errata handles";
    }
    if (t instanceof OutOfMemoryError) {
      return "out of memory (" + t + "); give Java more with ERRATA_JAVA_OPTS=-Xmx4g, or use smaller input";
    }
    String s = t.toString();
    int newline = s.indexOf('\n');
    return newline < 0 ? s : s.substring(0, newline);
  }

  /** The command {@code args} name, if it is one of ours other than help; else null. */
  static String commandName(String[] args) {
    for (String a : args) {
      if (a.equals("--")) {
        return null;
      }
      if (!a.startsWith("-")) {
        return COMMANDS.containsKey(a) && !a.equals("help") ? a : null;
      }
    }
    return null;
  }

  private static int exitCodeOf(Throwable t) {
    if (t instanceof ErrataException e) {
      return e.exitCode().code();
    }
    if (t instanceof CommandLine.ParameterException) {
      return ExitCode.USAGE.code();
    }
    return ExitCode.INTERNAL.code();
  }

  private static String stackTrace(Throwable t) {
    StringWriter s = new StringWriter();
    t.printStackTrace(new PrintWriter(s));
    return s.toString();
  }
}
