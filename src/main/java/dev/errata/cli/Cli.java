package dev.errata.cli;

import dev.errata.Diagnostic;
import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Builds the command line and maps every outcome to an exit code. Streams are passed in so that
 * tests run exactly what users run.
 */
public final class Cli {
  private Cli() {}

  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
    CommandLine cmd = create(out, err, in);
    return cmd.execute(args);
  }

  static CommandLine create(PrintWriter out, PrintWriter err, InputStream in) {
    ErrataCommand root = new ErrataCommand();
    CommandLine cmd = new CommandLine(root, new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        if (cls == MatchCommand.class) {
          return cls.cast(new MatchCommand(in));
        }
        return CommandLine.defaultFactory().create(cls);
      }
    });
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExitCodeExceptionMapper(Cli::exitCodeOf);
    cmd.setExecutionExceptionHandler((ex, line, parsed) -> {
      boolean verbose = root.verbose;
      PrintWriter e = line.getErr();
      if (ex instanceof ErrataException ee) {
        for (Diagnostic d : ee.diagnostics()) {
          e.println(d.format());
        }
        e.println("errata: " + ee.getMessage());
        if (verbose && ee.getCause() != null) {
          e.println(stackTrace(ee));
        }
        e.flush();
        return ee.exitCode().code();
      }
      e.println("errata: internal error: " + ex + (verbose ? "" : " (run with --verbose for details, and please report it)"));
      if (verbose) {
        e.println(stackTrace(ex));
      }
      e.flush();
      return ExitCode.INTERNAL.code();
    });
    return cmd;
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
