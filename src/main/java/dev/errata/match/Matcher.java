package dev.errata.match;

import dev.errata.search.Posting;
import dev.errata.text.FoundVersion;
import dev.errata.text.Paste;
import dev.errata.text.PreparedLine;
import dev.errata.text.Rules;
import dev.errata.text.Terms;
import dev.errata.text.Token;
import dev.errata.text.Versions;
import dev.errata.version.Version;
import dev.errata.version.VersionRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs a paste with entries. For each prepared line, the templates sharing enough rare words
 * with it are aligned token by token; relevance (BM25 over symptoms, title, causes, fixes and
 * body) adds recall when nothing aligns; known versions raise entries they fall into and mark
 * those they fall outside. One score per entry, then a calibrated label. Thread-safe.
 *
 * <p>Longer than our other classes on purpose: it is the one place the ranking is written down,
 * and {@code errata-match.js} ports it function by function; one file on each side keeps the
 * two easy to compare.
 */
public final class Matcher {
  // The public constants are read by the browser's port too: the build writes them into the
  // search manifest (SearchIndexWriter), and errata-match.js reads them from there.
  public static final int CANDIDATES_PER_LINE = 64;
  public static final int MAX_FOCUS_LINES = 32;
  public static final int MAX_QUERY_TERMS = 96;
  public static final int MAX_QUERY_KEYS = 160;
  /** How many of the best entries are ranked further (families, versions). */
  public static final int RANKED = 64;
  /** How many of those are judged by versions: the browser loads their ranges. */
  public static final int VERSIONED = 16;
  public static final double MIN_LINE_SHARE = 0.25;
  /** Below both, a result is noise rather than a possibility. */
  public static final double MIN_QUALITY = 0.3;
  public static final double MIN_RELEVANCE = 0.1;
  public static final double W_RELEVANCE = 3.0;
  /** The BM25 sum at which relevance counts half: it saturates so that many weak words never beat an alignment. */
  public static final double REL_HALF = 10.0;
  /** The most a query term's summed line weights count in relevance. */
  public static final double MAX_QUERY_WEIGHT = 3.0;
  public static final double EXACT_BONUS = 1.0;
  public static final double PRIMARY_BONUS = 0.3;
  /** What is left of an alignment's value when a fixed word of a template with placeholders differs. */
  public static final double EXPLICIT_CONTRADICTED = 0.5;
  /** How much better a later alignment of an entry must be to replace the one found first. */
  public static final double TIE = 1e-12;
  public static final double VERSION_BONUS = 0.1;
  public static final double VERSION_PENALTY = 0.25;
  /** A translation in the preferred language replaces its family's result when it scores this share of it. */
  public static final double FAMILY_SHARE = 0.9;
  /** How many relevance terms explain a result. */
  public static final int RELEVANCE_TERMS = 6;

  // Confidence: exact and likely need this many informative words matched, and a margin over the
  // runner-up of MIN_MARGIN or MARGIN_SHARE of the score, whichever is more.
  public static final int MIN_INFORMATIVE = 3;
  /** The shortest word that counts as informative (stopwords never do). */
  public static final int INFORMATIVE_LENGTH = 2;
  public static final double MIN_MARGIN = 1.0;
  public static final double MARGIN_SHARE = 0.1;
  public static final double LIKELY_QUALITY = 0.7;
  public static final double LIKELY_COVERAGE = 0.4;
  // Likely without an alignment: a weak one (below WEAK_QUALITY) but at least MIN_DISTINCTIVE
  // distinctive words (in at most DISTINCTIVE_DF entries, DISTINCTIVE_LENGTH characters or more,
  // dotted or underscored), relevance of DISTINCTIVE_RELEVANCE and a margin of DISTINCTIVE_MARGIN.
  public static final double WEAK_QUALITY = 0.5;
  public static final int MIN_DISTINCTIVE = 2;
  public static final int DISTINCTIVE_DF = 2;
  public static final int DISTINCTIVE_LENGTH = 8;
  public static final double DISTINCTIVE_RELEVANCE = 0.5;
  public static final double DISTINCTIVE_MARGIN = 1.0;

  /** How many shared words a reason names, and how many matched words a result lists. */
  public static final int REASON_WORDS = 4;
  public static final int SHOWN_TOKENS = 8;

  private final MatchData index;
  private final Rules rules;
  private final Map<Integer, double[]> itemWeights = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.function.ToDoubleFunction<String> keyWeight;

  public Matcher(MatchData index, Rules rules) {
    this.index = index;
    this.rules = rules;
    keyWeight = key -> index.literalWeight(key, rules);
  }

  /** The weights of a template's positions, computed when the template is first a candidate. */
  private double[] itemWeights(int tid, Template tpl) {
    return itemWeights.computeIfAbsent(tid, k -> {
      List<Template.Item> items = tpl.items();
      double[] w = new double[items.size()];
      for (int i = 0; i < items.size(); i++) {
        Template.Item it = items.get(i);
        w[i] = it.isWord() ? index.literalWeight(it.key(), rules) : 0;
      }
      return w;
    });
  }

  /** What to match with. */
  public record Options(int top, List<FoundVersion> env, String lang) {
    public Options {
      env = List.copyOf(env);
      top = Math.max(1, top);
    }

    public static Options defaults() {
      return new Options(5, List.of(), "en");
    }
  }

  /** The best alignment found for one entry. */
  /** The best alignment found for one entry; {@code value} ranks it (evidence with bonuses). */
  private record Best(double value, Alignment alignment, PreparedLine line, List<Token> tokens, Template template) {
    double quality() {
      return alignment.quality();
    }
  }

  public MatchReport match(String text, Options options) {
    Versions versions = new Versions(rules);
    Paste paste = Paste.prepare(text == null ? "" : text, rules, versions);
    options.env().forEach(versions::add);
    List<PreparedLine> lines = focus(paste.lines());

    Map<Integer, Best> best = align(lines);
    Map<String, Double> query = queryTerms(lines);
    Map<Integer, Double> relevance = relevance(query);

    Set<Integer> scored = new HashSet<>(best.keySet());
    scored.addAll(relevance.keySet());
    List<Scored> ranked = new ArrayList<>();
    for (int e : scored) {
      Best b = best.get(e);
      double quality = b == null ? 0 : b.quality();
      double bm = relevance.getOrDefault(e, 0.0);
      double rel = bm / (bm + REL_HALF);
      ranked.add(new Scored(e, (b == null ? 0 : b.value()) + W_RELEVANCE * rel, quality, rel, b));
    }
    ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::entry));
    List<Scored> top = applyVersions(ranked.subList(0, Math.min(ranked.size(), RANKED)), versions);
    top = oneOfEachFamily(top, options.lang());

    List<Match> matches = new ArrayList<>();
    for (int r = 0; r < top.size() && matches.size() < options.top(); r++) {
      Scored s = top.get(r);
      if (s.quality() < MIN_QUALITY && s.rel() < MIN_RELEVANCE) {
        break;
      }
      Scored runnerUp = r + 1 < top.size() ? top.get(r + 1) : null;
      List<String> terms = relevanceTerms(s.entry(), query);
      matches.add(explain(s, confidence(s, runnerUp, r, terms), versions, terms));
    }
    return new MatchReport(matches, versions.all(), paste.totalLines(), lines.size(), paste.truncated());
  }

  private record Scored(int entry, double score, double quality, double rel, Best best) {
    Scored withScore(double s) {
      return new Scored(entry, s, quality, rel, best);
    }
  }

  /**
   * The lines worth matching: every line but those a logger marked as INFO or DEBUG without an
   * error word in them, at most {@link #MAX_FOCUS_LINES}, lines that carry errors first. A log of
   * hundreds of lines costs what its errors cost, and the browser loads index parts only for the
   * words of these lines. They keep the order they had in the paste.
   */
  static List<PreparedLine> focus(List<PreparedLine> lines) {
    List<PreparedLine> keep = lines.stream().filter(l -> l.errorish() || !l.level().equals("info")).toList();
    if (keep.isEmpty()) {
      keep = lines;
    }
    if (keep.size() <= MAX_FOCUS_LINES) {
      return keep;
    }
    java.util.Set<PreparedLine> chosen = new java.util.LinkedHashSet<>();
    keep.stream().filter(PreparedLine::errorish).limit(MAX_FOCUS_LINES).forEach(chosen::add);
    for (PreparedLine l : keep) {
      if (chosen.size() >= MAX_FOCUS_LINES) {
        break;
      }
      chosen.add(l);
    }
    return keep.stream().filter(chosen::contains).toList();
  }

  private Map<Integer, Best> align(List<PreparedLine> lines) {
    Map<Integer, Best> best = new HashMap<>();
    double[] acc = new double[index.templateCount()];
    List<Integer> touched = new ArrayList<>();
    List<Set<String>> lineKeys = lines.stream().map(l -> MatchIndex.keys(l.tokens())).toList();
    Set<String> allowed = new LinkedHashSet<>();
    for (Set<String> keys : lineKeys) {
      for (String key : keys) {
        if (allowed.size() < MAX_QUERY_KEYS) {
          allowed.add(key);
        }
      }
    }
    for (int li = 0; li < lines.size(); li++) {
      PreparedLine line = lines.get(li);
      touched.clear();
      double lineWeight = 0;
      for (String key : lineKeys.get(li)) {
        if (!allowed.contains(key)) {
          continue;
        }
        int[] posting = index.templatesWithKey(key);
        if (posting == null) {
          continue;
        }
        double w = index.literalWeight(key, rules);
        lineWeight += w;
        for (int tid : posting) {
          if (acc[tid] == 0) {
            touched.add(tid);
          }
          acc[tid] += w;
        }
      }
      // The templates sharing the most weight of rare words with the line; a line cut short or
      // padded with other text still finds its template this way.
      List<Integer> candidates = new ArrayList<>();
      for (int tid : touched) {
        if (acc[tid] >= MIN_LINE_SHARE * lineWeight) {
          candidates.add(tid);
        }
      }
      candidates.sort(Comparator.comparingDouble((Integer tid) -> -acc[tid]).thenComparingInt(tid -> tid));
      for (int c = 0; c < Math.min(CANDIDATES_PER_LINE, candidates.size()); c++) {
        int tid = candidates.get(c);
        Template tpl = index.template(tid);
        List<Token> tokens = line.tokens();
        double[] weights = itemWeights(tid, tpl);
        Alignment a = Aligner.align(tpl, tokens, weights, keyWeight);
        if (a.tailCut() && li + 1 < lines.size() && lines.get(li + 1).number() == line.number() + 1) {
          // The message may go on in the next line (wrapped by a terminal or a logger).
          List<Token> joined = new ArrayList<>(tokens);
          joined.addAll(lines.get(li + 1).tokens());
          Alignment b = Aligner.align(tpl, joined, weights, keyWeight);
          if (b.evidence() > a.evidence()) {
            a = b;
            tokens = joined;
          }
        }
        double value = Math.max(0, a.evidence());
        if (a.contradicted() && tpl.explicit()) {
          // The author wrote every other word as a placeholder: a fixed word that differs is a different error.
          value *= EXPLICIT_CONTRADICTED;
        }
        if (a.exact()) {
          value += EXACT_BONUS;
        }
        if (tpl.primary()) {
          // An entry's first symptom is its main error; the others are lines that come with it.
          value += PRIMARY_BONUS;
        }
        Best prev = best.get(tpl.entry());
        if (a.matchedLiterals() > 0 && (prev == null || value > prev.value() + TIE)) {
          best.put(tpl.entry(), new Best(value, a, line, tokens, tpl));
        }
      }
      for (int tid : touched) {
        acc[tid] = 0;
      }
    }
    return best;
  }

  /** BM25 with field weights folded into term frequencies; error lines weigh more than others. */
  /** The paste's words for relevance, each with the summed weight of the lines it is in. */
  private Map<String, Double> queryTerms(List<PreparedLine> lines) {
    Map<String, Double> query = new LinkedHashMap<>();
    for (PreparedLine line : lines) {
      for (String term : Terms.of(line.tokens(), rules)) {
        if (query.size() < MAX_QUERY_TERMS || query.containsKey(term)) {
          query.merge(term, line.weight(), Double::sum);
        }
      }
    }
    return query;
  }

  private Map<Integer, Double> relevance(Map<String, Double> query) {
    Map<Integer, Double> scores = new HashMap<>();
    for (Map.Entry<String, Double> q : query.entrySet()) {
      Posting p = index.posting(q.getKey());
      if (p == null) {
        continue;
      }
      double idf = index.idf(q.getKey());
      double qw = Math.min(MAX_QUERY_WEIGHT, q.getValue());
      for (int k = 0; k < p.entries().length; k++) {
        int e = p.entries()[k];
        scores.merge(e, qw * idf * (p.weight()[k] / Posting.SCALE), Double::sum);
      }
    }
    return scores;
  }

  private List<String> relevanceTerms(int entry, Map<String, Double> query) {
    Map<String, Double> contrib = new HashMap<>();
    for (String term : query.keySet()) {
      Posting p = index.posting(term);
      if (p != null && java.util.Arrays.binarySearch(p.entries(), entry) >= 0) {
        contrib.merge(term, index.idf(term), Math::max);
      }
    }
    return contrib.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).limit(RELEVANCE_TERMS).toList();
  }

  private List<Scored> applyVersions(List<Scored> in, Versions versions) {
    if (versions.all().isEmpty()) {
      return new ArrayList<>(in);
    }
    List<Scored> out = new ArrayList<>();
    for (int r = 0; r < in.size(); r++) {
      Scored s = in.get(r);
      if (r >= VERSIONED) {
        out.add(s);
        continue;
      }
      List<Match.VersionVerdict> v = verdicts(index.entry(s.entry()), versions);
      // Versions break ties between entries the text supports about equally; they never outweigh the text.
      double delta = 0;
      if (!v.isEmpty()) {
        delta = v.stream().anyMatch(x -> x.verdict().equals("affected")) ? VERSION_BONUS : -VERSION_PENALTY;
      }
      out.add(s.withScore(s.score() + delta));
    }
    out.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::entry));
    return out;
  }

  /** Translations share symptoms: show one per family, in the preferred language when it scores as well. */
  private List<Scored> oneOfEachFamily(List<Scored> in, String lang) {
    Map<String, Scored> chosen = new LinkedHashMap<>();
    for (Scored s : in) {
      EntryInfo e = index.entry(s.entry());
      Scored prev = chosen.get(e.family());
      if (prev == null) {
        chosen.put(e.family(), s);
      } else if (e.lang().equals(lang) && !index.entry(prev.entry()).lang().equals(lang) && s.score() >= prev.score() * FAMILY_SHARE) {
        chosen.put(e.family(), s.withScore(prev.score()));
      }
    }
    List<Scored> out = new ArrayList<>(chosen.values());
    out.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::entry));
    return out;
  }

  private Confidence confidence(Scored s, Scored runnerUp, int rank, List<String> terms) {
    Best b = s.best();
    double margin = runnerUp == null ? s.score() : s.score() - runnerUp.score();
    double needed = Math.max(MIN_MARGIN, MARGIN_SHARE * s.score());
    boolean runnerUpExact = runnerUp != null && runnerUp.best() != null && runnerUp.best().alignment().exact();
    if (rank == 0 && b != null && !b.alignment().contradicted()) {
      int informative = informative(b);
      if (b.alignment().exact() && informative >= MIN_INFORMATIVE && !(runnerUpExact && margin < needed)) {
        return Confidence.EXACT;
      }
      if (b.quality() >= LIKELY_QUALITY && b.alignment().coverage() >= LIKELY_COVERAGE && informative >= MIN_INFORMATIVE
          && (margin >= needed || b.alignment().exact())) {
        return Confidence.LIKELY;
      }
    }
    if (rank == 0 && (b == null || b.quality() < WEAK_QUALITY)) {
      long distinctive = terms.stream().filter(t -> index.posting(t).entries().length <= DISTINCTIVE_DF
          && t.length() >= DISTINCTIVE_LENGTH && (t.contains("_") || t.contains("."))).count();
      if (distinctive >= MIN_DISTINCTIVE && s.rel() >= DISTINCTIVE_RELEVANCE && margin >= DISTINCTIVE_MARGIN) {
        return Confidence.LIKELY;
      }
    }
    return Confidence.POSSIBLE;
  }

  /** Matched literal words that are not stopwords: a bare "connection refused" has two. */
  private int informative(Best b) {
    int n = 0;
    for (int idx : b.alignment().matchedTokens()) {
      Token t = b.tokens().get(idx);
      if (t.kind() == Token.Kind.WORD && !rules.isStopword(t.text()) && t.text().length() >= INFORMATIVE_LENGTH) {
        n++;
      }
    }
    return n;
  }

  private Match explain(Scored s, Confidence confidence, Versions versions, List<String> terms) {
    EntryInfo e = index.entry(s.entry());
    Best b = s.best();
    List<String> reasons = new ArrayList<>();
    Match.MatchedLine matched = null;
    String symptom = "";
    List<String> tokens = new ArrayList<>();
    if (b != null && b.quality() > 0) {
      List<int[]> highlights = new ArrayList<>();
      int offset = b.line().original().length() - b.line().text().length();
      int lineTokens = b.line().tokens().size();
      for (int idx : b.alignment().matchedTokens()) {
        Token t = b.tokens().get(idx);
        if (idx < lineTokens) {
          highlights.add(new int[] {offset + t.start(), offset + t.end()});
        }
        if (!rules.isStopword(t.text()) && !tokens.contains(t.text())) {
          tokens.add(t.text());
        }
      }
      tokens.sort(Comparator.comparingDouble((String t) -> -index.literalWeight(t, rules)).thenComparing(t -> t));
      matched = new Match.MatchedLine(b.line().number(), b.line().original(), highlights);
      symptom = b.template().text();
      String how = b.alignment().exact() ? "matches the symptom word for word"
          : b.alignment().contradicted() ? "resembles the symptom but differs in " + (b.template().explicit() ? "a fixed word or number" : "some words")
          : String.format(java.util.Locale.ROOT, "matches %.0f%% of the symptom", 100 * b.alignment().coverage());
      reasons.add("line " + b.line().number() + " " + how);
    }
    if (tokens.isEmpty()) {
      tokens.addAll(terms);
      if (!terms.isEmpty()) {
        reasons.add("shares the words " + String.join(", ", terms.subList(0, Math.min(REASON_WORDS, terms.size()))));
      }
    }
    List<Match.VersionVerdict> v = verdicts(e, versions);
    for (Match.VersionVerdict x : v) {
      reasons.add(x.component() + " " + x.version() + " (" + x.source() + ") is " + x.verdict().replace('-', ' ')
          + " (affected: " + x.ranges() + ")");
    }
    return new Match(e, confidence, Math.round(s.score() * 1000) / 1000.0, matched, symptom,
        tokens.subList(0, Math.min(SHOWN_TOKENS, tokens.size())), v, reasons);
  }

  static List<Match.VersionVerdict> verdicts(EntryInfo e, Versions versions) {
    List<Match.VersionVerdict> out = new ArrayList<>();
    for (EntryInfo.ComponentRanges c : e.components()) {
      versions.find(c.name()).ifPresent(found -> {
        String verdict;
        try {
          Version v = Version.parse(found.version());
          boolean affected = c.affected().stream().anyMatch(r -> VersionRange.parse(r).contains(v));
          boolean fixed = c.fixed().stream().anyMatch(f -> v.compareTo(Version.parse(f)) >= 0);
          verdict = affected ? "affected" : fixed ? "fixed" : "not-affected";
        } catch (IllegalArgumentException ex) {
          verdict = "unknown";
        }
        if (!verdict.equals("unknown")) {
          out.add(new Match.VersionVerdict(c.name(), found.version(), found.source(), verdict, String.join("; ", c.affected())));
        }
      });
    }
    return out;
  }
}
