package dev.errata.cli;

import dev.errata.ExitCode;
import dev.errata.match.Evaluation;
import dev.errata.match.Matcher;
import dev.errata.site.Knowledge;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code errata eval}: how well the matcher finds the right entry, next to plain BM25. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measure the matcher on labelled pastes: top-1, recall@3, MRR, false confident matches; with a BM25 baseline.")
final class EvalCommand implements Callable<Integer> {
  @Mixin ContentOption content;

  @Option(names = "--cases", paramLabel = "DIR", defaultValue = "src/test/resources/eval",
      description = "Folder with cases/<id>/*.txt, holdout/<id>/*.txt and cases/_none/*.txt (default: ${DEFAULT-VALUE}).")
  Path cases;

  @Option(names = "--queries", paramLabel = "FILE",
      description = "Instead of --cases, a file of '<expected id> TAB <paste>' lines, as gen_corpus.py writes.")
  Path queries;

  @Option(names = "--misses", description = "List every paste whose first answer was wrong.")
  boolean misses;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var checked = dev.errata.site.SiteBuilder.check(content.content, false);
    if (checked.hasErrors()) {
      throw new dev.errata.ErrataException(ExitCode.INVALID_CONTENT, "the content has errors; run errata check",
          checked.diagnostics().stream().filter(d -> d.isError()).toList());
    }
    var index = Knowledge.index(checked.knowledgeBase());
    var markdown = new dev.errata.markdown.Markdown();
    Matcher matcher = new Matcher(index, dev.errata.match.Rules.defaults());
    var baseline = Evaluation.baseline(dev.errata.match.WordIndex.build(checked.knowledgeBase(),
        e -> markdown.toPlainText(e.body()), dev.errata.match.WordIndex.Weights.PLAIN, dev.errata.match.Rules.defaults()),
        index.entries(), dev.errata.match.Rules.defaults());
    List<Evaluation.Case> all = queries != null ? Evaluation.loadQueries(queries) : Evaluation.load(cases);
    PrintWriter out = spec.commandLine().getOut();
    List<Evaluation.Case> tuning = all.stream().filter(c -> !c.holdout()).toList();
    List<Evaluation.Case> holdout = all.stream().filter(Evaluation.Case::holdout).toList();
    Matcher.Options options = Matcher.Options.defaults();
    for (var set : List.of(List.of("all", all), List.of("tuning", tuning), List.of("held out", holdout))) {
      @SuppressWarnings("unchecked")
      List<Evaluation.Case> cs = (List<Evaluation.Case>) set.get(1);
      if (cs.isEmpty()) {
        continue;
      }
      out.println(set.get(0) + " (" + cs.size() + " pastes):");
      Evaluation.Figures m = Evaluation.measure("errata", cs, t -> matcher.match(t, options));
      Evaluation.Figures b = Evaluation.measure("bm25", cs, baseline);
      out.println("  " + m.line());
      out.println("  " + b.line().replaceAll("confident\\+right .*", "(no confidence labels)"));
      if (misses && set.get(0).equals("all")) {
        m.misses().forEach(x -> out.println("    miss: " + x));
      }
    }
    return ExitCode.OK.code();
  }
}
