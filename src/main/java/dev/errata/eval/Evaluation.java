package dev.errata.eval;

import dev.errata.match.EntryInfo;
import dev.errata.match.MatchReport;
import dev.errata.match.SearchBox;
import dev.errata.search.WordIndex;
import dev.errata.search.WordSearch;
import dev.errata.text.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Measures the matcher on a folder of labelled pastes: {@code cases/<entry id>/*.txt} and {@code
 * holdout/<entry id>/*.txt} each expect that entry; {@code cases/_none/*.txt} expect no confident
 * match. Reports top-1, recall at 3, mean reciprocal rank and false confident matches, for the
 * matcher and for plain BM25 over the same entries.
 */
public final class Evaluation {
  public static final String NONE = "_none";

  /** One labelled paste. */
  public record Case(String expected, Path file, String text, boolean holdout) {}

  /** The figures for one ranking method over a set of cases. */
  public record Figures(String method, int cases, double top1, double recall3, double mrr, int none,
      int falseConfident, int confidentCorrect, List<String> misses) {
    public double falseConfidentRate() {
      return none == 0 ? 0 : (double) falseConfident / none;
    }

    public String line() {
      return String.format(Locale.ROOT, "%-7s cases %3d  top-1 %.3f  recall@3 %.3f  MRR %.3f  confident+right %.3f  false confident %d/%d (%.3f)",
          method, cases, top1, recall3, mrr, cases == 0 ? 0 : (double) confidentCorrect / cases, falseConfident, none, falseConfidentRate());
    }
  }

  private Evaluation() {}

  /** A near miss an entry lists under {@code examples: no_match}: the matcher must not answer that entry for it. */
  public record NearMiss(String entry, String where, String text) {}

  /**
   * The entries' own {@code examples: match} as cases, each expecting its entry (or the family
   * of a translation): what a knowledge base without evaluation pastes can be measured on.
   */
  public static List<Case> exampleCases(dev.errata.model.KnowledgeBase kb) {
    List<Case> out = new ArrayList<>();
    for (dev.errata.model.Entry e : kb.entries()) {
      String family = e.findTranslationOf().orElse(e.id());
      for (int i = 0; i < e.examples().match().size(); i++) {
        out.add(new Case(family, Path.of(e.source().path() + "#match-" + (i + 1)), e.examples().match().get(i), false));
      }
    }
    return out;
  }

  /** The entries' {@code examples: no_match} lines. */
  public static List<NearMiss> nearMisses(dev.errata.model.KnowledgeBase kb) {
    List<NearMiss> out = new ArrayList<>();
    for (dev.errata.model.Entry e : kb.entries()) {
      String family = e.findTranslationOf().orElse(e.id());
      for (int i = 0; i < e.examples().noMatch().size(); i++) {
        out.add(new NearMiss(family, e.source().path() + "#no_match-" + (i + 1), e.examples().noMatch().get(i)));
      }
    }
    return out;
  }

  /** How many near misses get their own entry as a confident first answer; each is added to {@code misses}. */
  public static int falseConfident(List<NearMiss> nearMisses, Function<String, MatchReport> rank, List<String> misses) {
    int n = 0;
    for (NearMiss m : nearMisses) {
      MatchReport report = rank.apply(m.text());
      if (report.confident() && report.matches().get(0).entry().family().equals(m.entry())) {
        n++;
        misses.add(m.where() + ": a near miss, answered confidently with its own entry " + m.entry());
      }
    }
    return n;
  }

  public static List<Case> load(Path dir) {
    List<Case> out = new ArrayList<>();
    for (String part : List.of("cases", "holdout")) {
      Path root = dir.resolve(part);
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(root)) {
        for (Path f : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
          String expected = root.relativize(f).getName(0).toString();
          // As errata match reads a file: bytes that are not UTF-8 (a Windows console's cp1252) become U+FFFD.
          out.add(new Case(expected, f, new String(Files.readAllBytes(f), StandardCharsets.UTF_8), part.equals("holdout")));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** Cases from a file of {@code <expected id> TAB <paste>} lines (the corpus generator's queries). */
  public static List<Case> loadQueries(Path file) {
    List<Case> out = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        int tab = line.indexOf('\t');
        if (tab > 0) {
          // Named by its line, so that a miss says which query it was.
          out.add(new Case(line.substring(0, tab), Path.of(file + ":" + (i + 1)), line.substring(tab + 1), false));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Plain BM25 over every field of the same entries, as a ranking the evaluation can measure. */
  public static Function<String, MatchReport> baseline(WordIndex plain, List<EntryInfo> entries, Rules rules) {
    WordSearch search = new WordSearch(plain, rules, Integer.MAX_VALUE, false);
    return text -> hits(search, entries, text);
  }

  /** What the site's search box answers ({@link SearchBox}), over an index of all words. */
  public static Function<String, MatchReport> searchBox(Function<String, MatchReport> matcher, WordIndex words,
      List<EntryInfo> entries, Rules rules) {
    return text -> SearchBox.answer(text, matcher.apply(text), clauses -> words, entries::get, rules, 5);
  }

  /** The first five entries (one per family) a word search finds, as answers that claim no confidence. */
  private static MatchReport hits(WordSearch search, List<EntryInfo> entries, String text) {
    return new MatchReport(SearchBox.answers(search.search(text.replace('"', ' ')), entries::get, 5), List.of(), 0, 0, false, 0);
  }

  /** The share of two-failure logs whose two failures are both among the first three answers. */
  public static double bothInTopThree(List<Burial.Log> logs, Function<String, MatchReport> rank, List<String> misses) {
    int both = 0;
    for (Burial.Log log : logs) {
      List<String> ids = rank.apply(log.text()).matches().stream().map(m -> m.entry().family()).limit(3).toList();
      if (ids.containsAll(log.expected())) {
        both++;
      } else {
        misses.add(log.expected() + " in " + log.lines() + " lines: got " + ids);
      }
    }
    return logs.isEmpty() ? 0 : (double) both / logs.size();
  }

  /** The buried logs as cases, so that {@link #measure} scores them like plain pastes. */
  public static List<Case> asCases(List<Burial.Log> logs) {
    return logs.stream().map(l -> new Case(l.expected().get(0), l.source().file(), l.text(), l.source().holdout())).toList();
  }

  /** Scores a ranking: {@code rank} gives the ids best first and whether the first is confident. */
  public static Figures measure(String method, List<Case> cases, Function<String, MatchReport> rank) {
    int n = 0;
    int top1 = 0;
    int r3 = 0;
    double mrr = 0;
    int none = 0;
    int falseConfident = 0;
    int confidentCorrect = 0;
    List<String> misses = new ArrayList<>();
    for (Case c : cases) {
      MatchReport report = rank.apply(c.text());
      List<String> ids = report.matches().stream().map(m -> m.entry().family()).toList();
      if (c.expected().equals(NONE)) {
        none++;
        if (report.confident()) {
          falseConfident++;
          misses.add(c.file() + ": expected no confident match, got " + ids.get(0) + " (" + report.matches().get(0).confidence().label() + ")");
        }
        continue;
      }
      n++;
      int rank1 = ids.indexOf(c.expected()) + 1;
      if (rank1 == 1) {
        top1++;
        if (report.confident()) {
          confidentCorrect++;
        } else {
          misses.add(c.file() + ": right entry first, but only " + report.matches().get(0).confidence().label());
        }
      } else {
        misses.add(c.file() + ": expected " + c.expected() + ", got " + (ids.isEmpty() ? "nothing" : ids.subList(0, Math.min(3, ids.size())))
            + (rank1 > 0 ? " (rank " + rank1 + ")" : ""));
      }
      if (rank1 >= 1 && rank1 <= 3) {
        r3++;
      }
      if (rank1 >= 1) {
        mrr += 1.0 / rank1;
      }
    }
    return new Figures(method, n, n == 0 ? 0 : (double) top1 / n, n == 0 ? 0 : (double) r3 / n, n == 0 ? 0 : mrr / n,
        none, falseConfident, confidentCorrect, misses);
  }
}
