package dev.errata.cli;

import dev.errata.Diagnostic;
import dev.errata.ExitCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.errata.site.SiteBuilder;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code errata check}: every problem in every file, at once. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Report every problem in every entry: path:line: error|warning: message (what to do).")
final class CheckCommand implements Callable<Integer> {
  @Mixin ContentOption content;
  @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
      description = "Templates folder whose messages/*.properties are checked for missing keys (default: ${DEFAULT-VALUE}).")
  Path templates;
  @Option(names = {"--out", "--site"}, paramLabel = "DIR", defaultValue = "site",
      description = "The site folder builds go to: the answers of examples its last build recorded are reused where they"
          + " still hold, which gives the same report sooner (default: ${DEFAULT-VALUE}).")
  Path out;
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", completionCandidates = Formats.class,
      description = "text: a line per problem, path:line: error|warning: message (what to do); json: one object"
          + " (shape in docs/authoring.md); github: GitHub Actions annotations, each problem shown on its line of a"
          + " pull request; gitlab: a GitLab Code Quality report, for a merge request's widget (default: ${DEFAULT-VALUE}).")
  String format;
  @Spec CommandSpec spec;

  /** The formats, written as a person types them. */
  static final class Formats extends ArrayList<String> {
    Formats() {
      super(List.of("text", "json", "github", "gitlab"));
    }
  }

  @Override
  public Integer call() {
    if (!new Formats().contains(format)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--format takes text, json, github or gitlab, not '" + format + "'");
    }
    SiteBuilder.Checked checked = SiteBuilder.check(content.content, out);
    List<Diagnostic> all = new ArrayList<>(checked.diagnostics());
    all.addAll(SiteBuilder.languageProblems(templates, checked.knowledgeBase(), content.content));
    all.sort(Diagnostic.ORDER);
    PrintWriter out = spec.commandLine().getOut();
    int entries = checked.knowledgeBase().entries().size();
    switch (format) {
      case "json" -> DiagnosticsPrinter.json(all, entries, out);
      case "gitlab" -> DiagnosticsPrinter.gitlab(all, out);
      default -> {
        if (format.equals("github")) {
          DiagnosticsPrinter.github(all, out);
        } else {
          DiagnosticsPrinter.print(all, out);
        }
        out.println("Checked " + entries + (entries == 1 ? " entry: " : " entries: ") + DiagnosticsPrinter.counts(all) + ".");
      }
    }
    return checked.hasErrors() ? ExitCode.INVALID_CONTENT.code() : ExitCode.OK.code();
  }
}
