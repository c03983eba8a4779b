package dev.errata.testing;

import dev.errata.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the real command line in-process with captured streams. */
public record CliRun(int code, String out, String err) {
  public static CliRun of(String... args) {
    return withInput("", args);
  }

  public static CliRun withInput(String stdin, String... args) {
    return withStream(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  public static CliRun withStream(InputStream stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), stdin);
    return new CliRun(code, out.toString(), err.toString());
  }
}
