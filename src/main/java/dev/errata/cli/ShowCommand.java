package dev.errata.cli;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import dev.errata.content.ContentLoader;
import dev.errata.model.Component;
import dev.errata.model.Entry;
import dev.errata.model.Fix;
import dev.errata.model.KnowledgeBase;
import dev.errata.model.Names;
import dev.errata.model.Reference;
import dev.errata.model.Symptom;
import dev.errata.version.Version;
import dev.errata.version.VersionRange;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code errata show ID}: one entry, readable in a terminal. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Print one entry readably in the terminal.")
final class ShowCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ID", description = "The entry's id.")
  String id;

  @Mixin ContentOption content;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "AUTO",
      description = "Colour: ${COMPLETION-CANDIDATES} (default: auto, only on a terminal).")
  Terminal.When color;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    KnowledgeBase kb = new ContentLoader().load(content.content).knowledgeBase();
    Entry e = kb.find(id).orElseThrow(() -> {
      String hint = Names.didYouMean(id, kb.entries().stream().map(Entry::id).toList());
      return new ErrataException(ExitCode.NO_MATCH, "no entry '" + id + "' in " + content.content
          + (hint.isEmpty() ? "; errata match finds entries by error text" : "; " + hint));
    });
    print(e, new Terminal(color), spec.commandLine().getOut());
    return ExitCode.OK.code();
  }

  static void print(Entry e, Terminal t, PrintWriter out) {
    out.println(t.bold(e.title()));
    out.println(t.dim(e.id() + " · " + e.status().label() + " · " + e.lang() + " · modified " + e.modified()));
    out.println();
    out.println(t.text(e.summary()));
    out.println();
    out.println(t.bold("Error messages"));
    for (Symptom s : e.symptoms()) {
      out.println("  " + t.red(s.display()));
    }
    out.println();
    out.println(t.bold("Versions"));
    for (Component c : e.components()) {
      String affected = c.allVersions() ? "all known versions"
          : c.affected().stream().map(VersionRange::text).collect(Collectors.joining("; "));
      String fixed = c.fixed().isEmpty() ? "no fixed release known"
          : c.fixed().stream().map(Version::text).collect(Collectors.joining(", "));
      out.println("  " + t.text(c.name()) + ": affected " + t.yellow(affected) + ", fixed " + t.green(fixed));
    }
    out.println();
    out.println(t.bold("Cause"));
    for (String c : e.causes()) {
      out.println("  - " + t.text(c).replace("\n", "\n    "));
    }
    out.println();
    out.println(t.bold("Fix"));
    int n = 1;
    for (Fix f : e.fixes()) {
      out.println("  " + n++ + ". " + t.text(f.title()));
      for (String c : f.commands()) {
        out.println("     " + t.cyan("$ " + c));
      }
      if (!f.config().isEmpty()) {
        for (String line : f.config().split("\n", -1)) {
          out.println("     " + t.cyan(line));
        }
      }
      if (!f.detail().isEmpty()) {
        out.println("     " + t.text(f.detail()).replace("\n", "\n     "));
      }
    }
    if (!e.followsFrom().isEmpty()) {
      out.println();
      out.println(t.bold("Can follow from") + "  " + t.text(String.join(", ", e.followsFrom())));
    }
    if (!e.related().isEmpty()) {
      out.println();
      out.println(t.bold("Related") + "  " + t.text(String.join(", ", e.related())));
    }
    if (!e.references().isEmpty()) {
      out.println();
      out.println(t.bold("References"));
      for (Reference r : e.references()) {
        out.println("  " + t.text(r.type() + ": " + r.url()) + (r.title().isEmpty() ? "" : "  " + t.dim(r.title())));
      }
    }
  }
}
