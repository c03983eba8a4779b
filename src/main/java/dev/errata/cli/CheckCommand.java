package dev.errata.cli;

import dev.errata.ExitCode;
import dev.errata.site.SiteBuilder;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code errata check}: every problem in every file, at once. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Report every problem in every entry: path:line: error|warning: message (what to do).")
final class CheckCommand implements Callable<Integer> {
  @Mixin ContentOption content;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    SiteBuilder.Checked checked = SiteBuilder.check(content.content);
    PrintWriter out = spec.commandLine().getOut();
    DiagnosticsPrinter.print(checked.diagnostics(), out);
    out.println("Checked " + checked.knowledgeBase().entries().size() + " entries: "
        + DiagnosticsPrinter.counts(checked.diagnostics()) + ".");
    return checked.hasErrors() ? ExitCode.INVALID_CONTENT.code() : ExitCode.OK.code();
  }
}
