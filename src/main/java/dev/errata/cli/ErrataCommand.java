package dev.errata.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code errata}: the top command; it only lists the subcommands, which {@code Cli} adds. */
@Command(
    name = "errata",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Turns a folder of Markdown troubleshooting entries into a static site, and pairs pasted errors with entries.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:success",
      " 1:no confident match (match), no such entry (show)",
      " 2:usage error: unknown option or bad argument",
      " 3:invalid content: errata check found errors",
      " 4:a file or folder could not be read or written",
      "70:internal error: please report it, with --verbose output"
    })
public final class ErrataCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of internal errors.")
  boolean verbose;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a command: init, new, build, check, match, show, serve, eval, completion (see errata --help)");
  }
}
