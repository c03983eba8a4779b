package dev.errata.cli;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import dev.errata.text.FoundVersion;
import dev.errata.match.Match;
import dev.errata.match.MatchReport;
import dev.errata.match.Matcher;
import dev.errata.match.SearchBox;
import dev.errata.text.Rules;
import dev.errata.text.Versions;
import dev.errata.workspace.Workspace;
import java.io.PrintWriter;
import dev.errata.content.ContentLoader;
import dev.errata.model.NewEntryLink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code errata match}: which entry explains this paste. */
@Command(name = "match", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Find the entries that explain pasted error text: from TEXT, --file, or standard input.",
        "A few words typed rather than pasted are answered as the site's search box answers them.",
        "Exit 0 when the first match is confident (exact or likely), 1 when there is none."})
final class MatchCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Text to match; '-' or nothing reads standard input.")
  List<String> text = new ArrayList<>();

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the paste from FILE ('-' for standard input).")
  Path file;

  @Option(names = "--json", description = "Print one JSON object (shape in docs/matching.md).")
  boolean json;

  @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "At most N results (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--env", paramLabel = "NAME=VERSION", description = "A component version to judge entries by, such as numpy=2.1.0 (repeatable).")
  List<String> env = new ArrayList<>();

  @Option(names = "--env-file", paramLabel = "FILE", description = "Versions from pip freeze, pip list or conda list output.")
  Path envFile;

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "Preferred language when an entry has translations (default: ${DEFAULT-VALUE}).")
  String lang;

  @Mixin ContentOption content;

  @Option(names = "--site", paramLabel = "DIR", defaultValue = "site",
      description = "A built site whose index is used when it is current with --content (default: ${DEFAULT-VALUE}).")
  Path site;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "AUTO", description = "Colour: ${COMPLETION-CANDIDATES} (default: auto).")
  Terminal.When color;

  @Spec CommandSpec spec;

  private final java.io.InputStream stdin;

  MatchCommand(java.io.InputStream stdin) {
    this.stdin = stdin;
  }

  /**
   * Starts the look at the content folder this command line names (its {@code --content}, else
   * the default) before picocli parses it: the parse and the look then run side by side. A guess
   * that turns out wrong (an option spelt some other way) costs only the work.
   */
  static void lookAhead(String[] args) {
    try {
      Workspace.lookAhead(Path.of(contentNamed(args)));
    } catch (java.nio.file.InvalidPathException e) {
      // Picocli reports the option as it always does.
    }
  }

  /** The {@code --content} of a command line, read the simple way, or the default. */
  static String contentNamed(String[] args) {
    String folder = "content";
    for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
      if (args[i].equals("--content") && i + 1 < args.length) {
        folder = args[++i];
      } else if (args[i].startsWith("--content=")) {
        folder = args[i].substring("--content=".length());
      }
    }
    return folder;
  }

  @Override
  public Integer call() {
    if (top < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top must be at least 1");
    }
    Workspace workspace = Workspace.of(content.content, site);
    Rules rules = workspace.rules();
    InputText input = new InputText(rules.maxLines, rules.maxInputBytes);
    InputText.Input paste;
    if (file != null) {
      paste = input.read(file, stdin);
    } else if (text.isEmpty() || (text.size() == 1 && text.get(0).equals("-"))) {
      if (Terminal.typedInto(stdin)) {
        spec.commandLine().getErr().println(Terminal.PASTE_HINT);
        spec.commandLine().getErr().flush();
      }
      paste = input.read(null, stdin);
    } else {
      paste = new InputText.Input(String.join(" ", text), Optional.empty());
    }
    List<FoundVersion> versions = new ArrayList<>();
    for (String spec : env) {
      versions.add(Versions.parseEnv(spec, rules).orElseThrow(() -> new picocli.CommandLine.ParameterException(
          this.spec.commandLine(), "--env takes NAME=VERSION, such as numpy=2.1.0; got '" + spec + "'")));
    }
    if (envFile != null) {
      Versions v = new Versions(rules);
      v.scanEnvFile(input.read(envFile, stdin).text(), envFile.toString());
      versions.addAll(0, v.all());
    }
    Matcher matcher = workspace.matcher();
    MatchReport matched = matcher.match(paste.text(), new Matcher.Options(top, versions, lang));
    // Words typed rather than pasted are answered as the site's search box answers them.
    MatchReport report = SearchBox.answer(paste.text(), matched, workspace::words, workspace.matchData()::entry, rules, top);
    boolean typed = report != matched;
    if (paste.limit().isPresent() && !report.truncated()) {
      report = new MatchReport(report.matches(), report.versions(), report.lines(), report.preparedLines(), true, report.skipped(),
          report.unexplained());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(MatchJson.write(report));
    } else {
      Terminal t = new Terminal(color);
      human(report, t, out, paste.limit(), typed);
      if (!report.confident() && !typed) {
        offer(draftCommand(file, text), NewEntryLink.fill(new ContentLoader().site(content.content).newEntryUrl(), paste.text()), t, out);
      }
    }
    out.flush();
    return report.confident() ? ExitCode.OK.code() : ExitCode.NO_MATCH.code();
  }

  /**
   * The command line that drafts an entry from the same paste: the file named again, the text
   * quoted for a POSIX shell, or standard input read again.
   */
  static String draftCommand(Path file, List<String> text) {
    if (file != null && !file.toString().equals("-")) {
      return "errata new --from-error --file " + ShellQuote.quote(file.toString());
    }
    if (file == null && !text.isEmpty() && !(text.size() == 1 && text.get(0).equals("-"))) {
      return "errata new --from-error " + ShellQuote.quote(String.join(" ", text));
    }
    return "errata new --from-error -    (give it the same input again)";
  }

  /** What a reader who found nothing can do: draft the entry, or propose it where site.yml says. */
  static void offer(String command, String newEntryLink, Terminal t, PrintWriter out) {
    out.println();
    out.println(t.bold("Not in the knowledge base yet? Draft the entry:"));
    out.println("  " + t.cyan("$ " + command));
    if (!newEntryLink.isEmpty()) {
      out.println("or propose it: " + newEntryLink);
    }
  }

  /**
   * @param readLimit the limit that stopped reading the input, when input was left unread
   * @param typed whether the answers are word search's, for words typed rather than pasted
   */
  static void human(MatchReport report, Terminal t, PrintWriter out, Optional<String> readLimit, boolean typed) {
    if (!report.versions().isEmpty()) {
      List<String> vs = report.versions().stream().map(v -> v.component() + " " + v.version() + " (" + v.source() + ")").toList();
      out.println(t.dim("Versions: " + String.join(", ", vs)));
    }
    if (typed) {
      out.println(t.bold("No known entry matches these words confidently; these entries have them:"));
    } else if (report.unexplained() != null) {
      Match.MatchedLine line = report.unexplained();
      out.println(t.bold("No known entry explains the failure at line " + line.number() + ":"));
      out.println("   " + highlight(line, t));
      out.println("The entries below are possible answers only (some describe what follows from it, or a warning seen beside it);"
          + " check whether one fits.");
    } else if (!report.confident()) {
      out.println(t.bold("No known entry matches this paste confidently."));
      out.println(report.matches().isEmpty()
          ? "Nothing in the knowledge base resembles it. Try a few distinctive words of the error instead."
          : "These share some of its words; check whether one fits:");
    } else if (report.matches().stream().filter(m -> m.confidence().confident()).count() > 1) {
      out.println(t.bold("This log shows several known failures, in the order they happened:"));
    }
    int rank = 1;
    for (Match m : report.matches()) {
      out.println();
      String label = switch (m.confidence()) {
        case EXACT -> t.green("[exact]");
        case LIKELY -> t.yellow("[likely]");
        case POSSIBLE -> t.dim("[possible]");
      };
      out.println(rank++ + ". " + label + " " + t.bold(m.entry().title()));
      out.println("   " + t.dim(m.entry().id() + " · " + m.entry().status() + String.format(Locale.ROOT, " · score %.2f", m.score())));
      if (m.occurrences() > 1) {
        out.println("   " + t.dim("first at line " + m.firstLine() + ", " + m.occurrences() + " lines in all"));
      }
      if (m.line() != null) {
        out.println("   line " + m.line().number() + ": " + highlight(m.line(), t));
        out.println("   symptom: " + t.text(m.symptom()));
      }
      for (String r : m.reasons()) {
        out.println("   - " + t.text(r));
      }
      if (m.excludedByVersions()) {
        out.println("   " + t.yellow("Your versions are outside the affected ranges of this entry."));
      }
      if (m.confidence().confident() && !m.entry().firstFixCommands().isEmpty()) {
        out.println("   fix: " + t.text(m.entry().firstFixTitle()));
        for (String c : m.entry().firstFixCommands()) {
          out.println("     " + t.cyan("$ " + c));
        }
      } else if (m.confidence().confident()) {
        out.println("   fix: " + t.text(m.entry().firstFixTitle()));
      }
    }
    if (readLimit.isPresent()) {
      out.println();
      out.println(t.dim("Only the first " + readLimit.get() + " of the input were read, the most errata match reads"
          + " (docs/limits.md); the rest was not read."));
    } else if (report.truncated()) {
      out.println();
      out.println(t.dim("The paste had more lines than the matcher reads; only its first " + report.lines() + " lines were used."));
    }
    if (report.skipped() > 0) {
      out.println(t.dim("Skipped " + report.skipped() + " lines past the limit of distinct lines; lines with errors or warnings"
          + " have a limit of their own, so ordinary INFO lines went first."));
    }
  }

  private static String highlight(Match.MatchedLine line, Terminal t) {
    String text = line.text();
    String shown = text.length() > 300 ? text.substring(0, 300) + "…" : text;
    StringBuilder b = new StringBuilder();
    int pos = 0;
    for (int[] h : line.highlights()) {
      if (h[0] < pos || h[1] > shown.length()) {
        continue;
      }
      // Each piece is cleaned apart: the highlights are offsets into the text as pasted.
      b.append(t.text(shown.substring(pos, h[0]))).append(t.bold(shown.substring(h[0], h[1])));
      pos = h[1];
    }
    b.append(t.text(shown.substring(pos)));
    return b.toString();
  }
}
