package dev.errata.cli;

import dev.errata.ExitCode;
import dev.errata.site.SiteBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code errata build}: the site, or nothing changed. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Check the content and build the static site. On any error the previous site is left as it was.")
final class BuildCommand implements Callable<Integer> {
  @Mixin ContentOption content;

  @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
      description = "Templates that override the defaults, one file at a time (default: ${DEFAULT-VALUE}).")
  Path templates;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "site", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--full", description = "Reuse nothing an earlier build recorded: run every example again and render every"
      + " page, even those whose inputs are unchanged.")
  boolean full;

  @Spec CommandSpec spec;

  /** A build shows the first warnings only; errata check lists them all. */
  static final int MAX_WARNINGS_SHOWN = 20;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    SiteBuilder.Result r = new SiteBuilder(Clock.systemUTC(), notice -> {
      err.println("errata: " + notice);
      err.flush();
    }).build(new SiteBuilder.Options(content.content, templates, out, full));
    PrintWriter w = spec.commandLine().getOut();
    DiagnosticsPrinter.printSome(r.diagnostics(), err, MAX_WARNINGS_SHOWN);
    // What the last build's record spared, so that a slow build after an edit explains itself.
    List<String> spared = new ArrayList<>();
    if (r.kept() > 0) {
      spared.add(r.kept() + " entry pages unchanged");
    }
    if (r.examplesReused() > 0) {
      spared.add(r.examplesMatched() + " of " + (r.examplesMatched() + r.examplesReused()) + " examples matched again");
    }
    w.println(String.format(Locale.ROOT, "Built %d entries, %d pages%s, %d warnings in %.2f s into %s",
        r.entries(), r.pages(), spared.isEmpty() ? "" : " (" + String.join("; ", spared) + ")", r.warnings(),
        r.time().toMillis() / 1000.0, out));
    return ExitCode.OK.code();
  }
}
