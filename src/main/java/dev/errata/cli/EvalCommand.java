package dev.errata.cli;

import dev.errata.ExitCode;
import dev.errata.eval.Burial;
import dev.errata.eval.Evaluation;
import dev.errata.match.MatchIndex;
import dev.errata.match.Matcher;
import dev.errata.text.Rules;
import dev.errata.search.WordIndex;
import dev.errata.model.KnowledgeBase;
import dev.errata.workspace.Workspace;
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

  @Option(names = "--words", paramLabel = "FILE",
      description = "Instead of --cases, a file of '<expected id> TAB <typed words>' lines, measured as the site's search box "
          + "answers them: the matcher's confident answers, else the word search.")
  Path words;

  @Option(names = "--misses", description = "List every paste whose first answer was wrong.")
  boolean misses;

  @Option(names = "--buried", description = "Also bury every paste in generated Triton logs of 200, 2,000 and 20,000 lines, "
      + "and pairs of pastes in logs of 2,000 lines, and measure the matcher on those.")
  boolean buried;

  @Option(names = "--write-buried", paramLabel = "DIR", description = "With --buried, also write every generated log into DIR, to read or to paste.")
  Path writeBuried;

  @Spec CommandSpec spec;


  /** A named set of cases. */
  private record Group(String name, List<Evaluation.Case> cases) {}

  @Override
  public Integer call() {
    Workspace workspace = Workspace.of(content.content, null);
    KnowledgeBase kb = workspace.knowledgeBase();
    Rules rules = Rules.forContent(kb.matching());
    MatchIndex index = MatchIndex.build(kb, rules);
    Matcher matcher = new Matcher(index, rules);
    var baseline = Evaluation.baseline(workspace.words(WordIndex.Weights.PLAIN), index.entries(), rules);
    PrintWriter out = spec.commandLine().getOut();
    Matcher.Options options = Matcher.Options.defaults();
    if (words != null) {
      List<Evaluation.Case> typed = Evaluation.loadQueries(words);
      var box = Evaluation.searchBox(t -> matcher.match(t, options), workspace.words(WordIndex.Weights.SEARCH), index.entries(), rules);
      out.println("typed words (" + typed.size() + " queries), as the search box answers them:");
      Evaluation.Figures f = Evaluation.measure("search", typed, box);
      out.println("  " + f.line().replaceAll("confident\\+right [0-9.]+", "confident+right (word search claims none)"));
      out.println("  " + unlabelled(Evaluation.measure("bm25", typed, baseline)));
      if (misses) {
        f.misses().stream().filter(x -> !x.contains("right entry first, but only")).forEach(x -> out.println("    miss: " + x));
      }
      return ExitCode.OK.code();
    }
    List<Evaluation.Case> all = queries != null ? Evaluation.loadQueries(queries) : Evaluation.load(cases);
    if (all.isEmpty() && queries == null) {
      return ownExamples(out, kb, t -> matcher.match(t, options));
    }
    for (Group group : List.of(new Group("all", all), new Group("tuning", all.stream().filter(c -> !c.holdout()).toList()),
        new Group("held out", all.stream().filter(Evaluation.Case::holdout).toList()))) {
      if (group.cases().isEmpty()) {
        continue;
      }
      out.println(group.name() + " (" + group.cases().size() + " pastes):");
      Evaluation.Figures m = Evaluation.measure("errata", group.cases(), t -> matcher.match(t, options));
      Evaluation.Figures b = Evaluation.measure("bm25", group.cases(), baseline);
      out.println("  " + m.line());
      out.println("  " + unlabelled(b));
      if (misses && group.name().equals("all")) {
        m.misses().forEach(x -> out.println("    miss: " + x));
      }
    }
    if (buried) {
      printBuried(out, all, kb, t -> matcher.match(t, options));
    }
    return ExitCode.OK.code();
  }

  /** The figures of a ranking that labels no answer confident (the BM25 baseline), without the confidence columns. */
  private static String unlabelled(Evaluation.Figures f) {
    return f.line().replaceAll("confident\\+right .*", "(no confidence labels)");
  }

  /**
   * A knowledge base without evaluation pastes is measured on its entries' own examples. They are
   * the ones {@code errata check} already holds to the matcher, so the figures say little about
   * new pastes: the output says where a held-out set goes.
   */
  private int ownExamples(PrintWriter out, KnowledgeBase kb, java.util.function.Function<String, dev.errata.match.MatchReport> rank) {
    List<Evaluation.Case> examples = Evaluation.exampleCases(kb);
    List<Evaluation.NearMiss> near = Evaluation.nearMisses(kb);
    out.println("No evaluation pastes in " + cases + "; measured on the entries' own examples instead.");
    Evaluation.Figures f = Evaluation.measure("errata", examples, rank);
    List<String> nearMisses = new java.util.ArrayList<>();
    int falseConfident = Evaluation.falseConfident(near, rank, nearMisses);
    out.println(String.format(java.util.Locale.ROOT, "examples: match (%d lines of %d entries): top-1 %.3f  confident %.3f",
        f.cases(), kb.entries().size(), f.top1(), f.cases() == 0 ? 0 : (double) f.confidentCorrect() / f.cases()));
    out.println(String.format(java.util.Locale.ROOT, "examples: no_match (%d lines): false confident %d (%.3f)",
        near.size(), falseConfident, near.isEmpty() ? 0 : (double) falseConfident / near.size()));
    if (misses) {
      f.misses().forEach(x -> out.println("    miss: " + x));
      nearMisses.forEach(x -> out.println("    miss: " + x));
    }
    out.println();
    out.println("errata check already holds the matcher to these examples, so these figures are near perfect by construction and say little about new pastes.");
    out.println("For a held-out set, put real pastes, one per file, in " + cases + " (or point --cases at another folder):");
    out.println("  " + cases.resolve("cases") + "/<entry id>/<n>.txt    pastes that must find that entry first");
    out.println("  " + cases.resolve("cases") + "/" + Evaluation.NONE + "/<n>.txt       pastes no entry covers (a confident answer is false)");
    out.println("  " + cases.resolve("holdout") + "/<entry id>/<n>.txt  pastes kept out of tuning, reported apart");
    out.println("Write them from logs, not from the entries' symptoms: other names, numbers, prefixes and surrounding lines.");
    return ExitCode.OK.code();
  }

  private void write(List<Burial.Log> logs) {
    if (writeBuried == null) {
      return;
    }
    try {
      for (Burial.Log log : logs) {
        Path file = writeBuried.resolve(log.lines() + "-" + String.join("+", log.expected()) + "-"
            + log.source().file().getFileName().toString().replace(".txt", "") + (log.source().holdout() ? "-holdout" : "") + ".log");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, log.text());
      }
    } catch (java.io.IOException e) {
      throw new dev.errata.ErrataException(ExitCode.IO, "cannot write the buried logs into " + writeBuried + ": " + e.getMessage(), e);
    }
  }

  private void printBuried(PrintWriter out, List<Evaluation.Case> all, KnowledgeBase kb,
      java.util.function.Function<String, dev.errata.match.MatchReport> rank) {
    Burial burial = new Burial(Burial.SEED, Burial.releasesOf(kb));
    out.println("buried in generated Triton logs (" + all.size() + " pastes each):");
    for (int lines : Burial.LENGTHS) {
      List<Burial.Log> logs = burial.bury(all, lines);
      write(logs);
      Evaluation.Figures f = Evaluation.measure(lines + " lines", Evaluation.asCases(logs), rank);
      out.println("  " + f.line());
      if (misses) {
        f.misses().forEach(x -> out.println("    miss: " + x));
      }
    }
    List<String> pairMisses = new java.util.ArrayList<>();
    List<Burial.Log> pairs = burial.pairs(all, Burial.PAIR_LENGTH, Burial.PAIRS);
    write(pairs);
    double both = Evaluation.bothInTopThree(pairs, rank, pairMisses);
    out.println(String.format(java.util.Locale.ROOT, "  two failures in %d lines: both in the first three %.3f (%d logs)", Burial.PAIR_LENGTH, both, Burial.PAIRS));
    if (misses) {
      pairMisses.forEach(x -> out.println("    miss: " + x));
    }
  }
}
