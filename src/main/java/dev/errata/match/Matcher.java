package dev.errata.match;

import dev.errata.search.Posting;
import dev.errata.text.FoundVersion;
import dev.errata.text.Paste;
import dev.errata.text.PreparedLine;
import dev.errata.text.Rules;
import dev.errata.text.Terms;
import dev.errata.text.Token;
import dev.errata.text.Tokenizer;
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
import java.util.Optional;
import java.util.PriorityQueue;
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
  /**
   * At most this many of a line's candidates share exactly as much with it: hundreds of entries
   * may list one message, and the places of the entries whose main error is written a little
   * differently must not all go to them. Half the places: templates that share the same words
   * may still differ in order or in their other words, which the alignment tells apart (at 12 or
   * 16, generated entries' own examples found a sibling first; bench/NOTES.md).
   */
  public static final int CANDIDATES_PER_SHARE = 32;
  /**
   * A message that goes on past a line and the next is read on into at most this many lines after
   * them: an e-mail, a chat app or a narrow window may break one message into short lines at its
   * spaces.
   */
  public static final int READ_ON_LINES = 6;
  /**
   * How many alignments one paste may cost. Lines are aligned most telling first ({@link
   * PreparedLine#order()}), so a long log spends this on its errors before its INFO lines.
   */
  public static final int MAX_ALIGNMENTS = 4096;
  public static final int MAX_QUERY_TERMS = 96;
  /** A word of the sender's question shorter than this names nothing ({@link SendersQuestion}). */
  public static final int MIN_ASKED_WORD = 3;
  public static final int MAX_QUERY_KEYS = 160;
  /** How many of the best entries are ranked further (families, versions). */
  public static final int RANKED = 64;
  /** How many of those are judged by versions: the browser loads their ranges. */
  public static final int VERSIONED = 16;
  public static final double MIN_LINE_SHARE = 0.25;
  /**
   * The most of a line's key weight that MIN_LINE_SHARE is taken of: about the weight of the
   * heaviest symptom of the shipped entries (138), which no template can share more than. A
   * record or a backtrace on one line (hundreds of words) would otherwise ask every template for
   * more than any has, and the line's own message would never be aligned.
   */
  public static final double LINE_WEIGHT_CAP = 140;
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
  /** What is left of an alignment's value when it is contradicted: a related but different error. */
  public static final double CONTRADICTED = 0.5;
  /**
   * The same on an INFO line: a healthy server's line that resembles an error (an allocation of
   * 16 bytes where the error shows 0) is nearly always just that.
   */
  public static final double CONTRADICTED_INFO = 0.1;
  // What a line's evidence counts by how telling the line is (PreparedLine.rank()): errors and
  // warnings fully, unmarked lines, INFO lines with an error word and ordinary INFO lines less.
  public static final double ERROR_LINE = 1.0;
  public static final double WARNING_LINE = 1.0;
  public static final double UNMARKED_LINE = 0.8;
  public static final double INFO_ERROR_LINE = 0.7;
  public static final double INFO_LINE = 0.6;
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
  private final boolean spareUnreachable;
  /** How many pastes were ranked without summing every entry's relevance (tests read it). */
  final java.util.concurrent.atomic.LongAdder spared = new java.util.concurrent.atomic.LongAdder();
  /** How many alignments were taken from another template of the same form on the same line (tests read it). */
  final java.util.concurrent.atomic.LongAdder reused = new java.util.concurrent.atomic.LongAdder();
  /** Per form (see {@link #forms}): the weights of its positions, made when it is first a candidate. */
  private final Map<Integer, double[]> itemWeights = new java.util.concurrent.ConcurrentHashMap<>();
  /**
   * The templates that are one message, when the index holds them all in memory (a build, whose
   * examples are thousands of pastes); null for an index read from its file part by part (one
   * paste, where finding them would cost more than it saves): each template is then its own form.
   */
  private final TemplateForms forms;
  private final java.util.function.ToDoubleFunction<String> keyWeight;

  public Matcher(MatchData index, Rules rules) {
    this(index, rules, true);
  }

  /**
   * @param spareUnreachable whether to leave out entries that cannot rank (see {@link
   *     #alignedFillTheBest} and {@link #enoughRelevance}); false sums and scores every entry, as
   *     a test's reference
   */
  Matcher(MatchData index, Rules rules, boolean spareUnreachable) {
    this.index = index;
    this.rules = rules;
    this.spareUnreachable = spareUnreachable;
    keyWeight = key -> index.literalWeight(key, rules);
    forms = index instanceof MatchIndex whole ? whole.forms() : null;
    int formCount = forms == null ? -1 : forms.count();
    scratch = ThreadLocal.withInitial(() -> new Scratch(index.templateCount(), formCount, index.entryCount()));
  }

  /** The weights of the positions of a template of form {@code form}. */
  private double[] itemWeights(int form, Template tpl) {
    return itemWeights.computeIfAbsent(form, k -> {
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

  /** The best alignment found for one entry; {@code value} ranks it (evidence with bonuses). */
  private record Best(double value, Alignment alignment, PreparedLine line, List<Token> tokens, Template template) {
    double quality() {
      return alignment.quality();
    }
  }

  /**
   * What the paste shows of one entry: its best alignment, its best word-for-word one, and the
   * lines that align soundly with one of its symptoms (the first of them, and how many lines of
   * the paste they stand for).
   */
  private static final class Found {
    Best best;
    /** The best alignment that matches a symptom word for word with enough words to be sure of; null when none does. */
    Best exact;
    int first = Integer.MAX_VALUE;
    int last;
    int occurrences;
    int lastCounted = -1;
    /** Whether a line counted above is more than a logger's warning or an ordinary INFO line. */
    boolean beyondWarnings;
  }

  public MatchReport match(String text, Options options) {
    return match(text, options, reach -> { });
  }

  /**
   * The same, telling {@code reach} how far the answers reached into the index: what an entry
   * would have needed to change them ({@link EditReach} reads it after an edit).
   */
  public MatchReport match(String text, Options options, java.util.function.Consumer<Reach> reach) {
    Query q = Query.of(text, rules);
    Versions versions = q.versions();
    Paste paste = q.paste();
    options.env().forEach(versions::add);
    List<PreparedLine> lines = q.lines();
    Map<String, Double> query = q.terms();
    PriorityQueue<Scored> best;
    double[] thresholds = new double[lines.size()];
    try {
      best = ranked(q, thresholds);
    } catch (RuntimeException | Error e) {
      // Its arrays may be left dirty: the thread's next paste starts with clean ones.
      scratch.remove();
      throw e;
    }
    reach.accept(reachOf(best, thresholds));
    List<Scored> ranked = new ArrayList<>(best);
    ranked.sort(BY_SCORE);
    List<Scored> top = oneOfEachFamily(applyVersions(ranked.subList(0, Math.min(ranked.size(), RANKED)), versions), options.lang());
    List<Confidence> judged = confidences(top, query);
    Optional<PreparedLine> unexplained = unexplained(top, judged, lines, paste.newestFirst());
    List<Confidence> labels = unexplained.isEmpty() ? judged : judged.stream().map(c -> Confidence.POSSIBLE).toList();

    // Confident answers first, in the order they happened: the order the paste shows them, or
    // the reverse when it runs newest first (its earliest is its last line); an answer found only
    // on warnings after every other (a warning is seldom why the process failed, though the log
    // often prints it first), and before those an error that follows from others (downstream),
    // wherever the paste shows it (a client's traceback pasted above the server's log), or one
    // told only in the sender's words above the log (yesterday's error, told as context) or in the
    // output of a command the session ran again and then failed otherwise (an attempt the sender
    // moved on from); before the order, the one the sender asked about (askedAbout); then the
    // rest by score.
    List<Integer> order = new ArrayList<>();
    for (int r = 0; r < top.size(); r++) {
      order.add(r);
    }
    boolean reversed = paste.newestFirst();
    Set<Integer> asked = askedAbout(top, labels, paste);
    // Only an order among two or more confident answers asks where the sender's words end.
    int above = labels.stream().filter(Confidence::confident).count() < 2 ? 0 : SendersQuestion.wordsAbove(lines);
    boolean[] movedOn = new boolean[top.size()];
    for (int r = 0; r < top.size(); r++) {
      movedOn[r] = labels.get(r).confident() && movedOn(r, top, labels, paste);
    }
    order.sort(Comparator.comparing((Integer r) -> !labels.get(r).confident())
        .thenComparing((Integer r) -> labels.get(r).confident() && top.get(r).warningsOnly())
        .thenComparing((Integer r) -> labels.get(r).confident()
            && (downstream(top.get(r)) || top.get(r).last() <= above || movedOn[r]))
        .thenComparing((Integer r) -> !asked.contains(r))
        .thenComparingInt(r -> !labels.get(r).confident() ? 0 : happened(top.get(r), reversed))
        .thenComparingInt(r -> r));
    order = causesFirst(order, top, labels);
    List<Match> matches = new ArrayList<>();
    for (int r : order) {
      if (matches.size() >= options.top()) {
        break;
      }
      Scored s = top.get(r);
      if (!labels.get(r).confident() && s.quality() < MIN_QUALITY && s.rel() < MIN_RELEVANCE) {
        continue;
      }
      matches.add(explain(s, labels.get(r), versions, relevanceTerms(s.entry(), query)));
    }
    return new MatchReport(matches, versions.all(), paste.totalLines(), lines.size(), paste.truncated(), paste.skipped(),
        unexplained.map(l -> new Match.MatchedLine(l.number(), l.original(), List.of())).orElse(null));
  }

  /**
   * Whether confident answer {@code r} is last shown before the paste's terminal session runs
   * again the command that showed it, and the run again shows another confident answer of its
   * own failure (not one that follows from others or stands only on warnings): a try the sender
   * moved on from ({@link Paste#runAgainBetween}).
   */
  private static boolean movedOn(int r, List<Scored> top, List<Confidence> labels, Paste paste) {
    for (int q = 0; q < top.size(); q++) {
      if (q != r && labels.get(q).confident() && !top.get(q).warningsOnly() && !downstream(top.get(q))
          && paste.runAgainBetween(top.get(r).last(), top.get(q).last())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A paste prepared for matching, all of it independent of the index: its lines most telling
   * first, each line's keys, the keys looked up (the first MAX_QUERY_KEYS), and the words for
   * relevance with their summed line weights.
   */
  record Query(Paste paste, Versions versions, List<PreparedLine> lines, List<Set<String>> lineKeys, Set<String> allowed,
      Map<String, Double> terms) {
    static Query of(String text, Rules rules) {
      Versions versions = new Versions(rules);
      Paste paste = Paste.prepare(text == null ? "" : text, rules, versions);
      List<PreparedLine> lines = mostTellingFirst(paste.lines(), paste.width());
      List<Set<String>> lineKeys = lines.stream().map(l -> MatchIndex.keys(l.tokens())).toList();
      Set<String> allowed = new LinkedHashSet<>();
      for (Set<String> keys : lineKeys) {
        for (String key : keys) {
          if (allowed.size() < MAX_QUERY_KEYS) {
            allowed.add(key);
          }
        }
      }
      return new Query(paste, versions, lines, lineKeys, allowed, queryTerms(lines, rules));
    }
  }

  /**
   * The RANKED best-scored entries, worst at the head. {@code thresholds} gets, for each line in
   * the order aligned, the least shared weight that made a template a candidate there (NaN for
   * lines the budget left out).
   */
  private PriorityQueue<Scored> ranked(Query q, double[] thresholds) {
    Map<Integer, Found> found = align(q, thresholds);
    // Only the RANKED best go on, so they are selected rather than everything sorted: a paste
    // shares a common word with thousands of entries of a large knowledge base. BY_SCORE is a
    // total order, so the selection is exactly the head of the sorted list.
    PriorityQueue<Scored> best = new PriorityQueue<>(RANKED + 1, BY_SCORE.reversed());
    if (spareUnreachable && alignedFillTheBest(found)) {
      spared.increment();
      // No entry without an alignment can enter: only the aligned ones need their sums, which
      // spares walking every entry of the paste's common words. The browser's port walks them
      // all; the answers are the same (ExactShortcutsTest).
      int[] ids = found.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      double[] sums = bm25(index, q.terms(), ids);
      for (int i = 0; i < ids.length; i++) {
        offer(best, scored(ids[i], found.get(ids[i]), Double.isNaN(sums[i]) ? 0 : sums[i]));
      }
      return best;
    }
    Scratch scratch = this.scratch.get();
    int touched = relevance(q.terms(), scratch);
    double[] relevance = scratch.relevance;
    for (Map.Entry<Integer, Found> fe : found.entrySet()) {
      offer(best, scored(fe.getKey(), fe.getValue(), relevance[fe.getKey()]));
    }
    boolean[] aligned = scratch.aligned;
    found.keySet().forEach(e -> aligned[e] = true);
    int[] touchedEntries = scratch.touched;
    boolean[] seen = scratch.seen;
    double enough = spareUnreachable ? enoughRelevance(best) : 0;
    for (int k = 0; k < touched; k++) {
      int e = touchedEntries[k];
      double bm = relevance[e];
      // Most of a common word's entries cannot enter the best: their standing is not made. The
      // sum alone rules out nearly all of them, before the score is worked out.
      if (!aligned[e] && bm >= enough && (best.size() < RANKED || beats(W_RELEVANCE * relevanceOf(bm), e, best.peek()))) {
        offer(best, scored(e, null, bm));
        enough = spareUnreachable ? enoughRelevance(best) : 0;
      }
      relevance[e] = 0;
      seen[e] = false;
    }
    found.keySet().forEach(e -> aligned[e] = false);
    return best;
  }

  /**
   * A BM25 sum below which an entry without an alignment cannot enter the best: its score, {@code
   * W_RELEVANCE * relevanceOf(sum)}, would stay below the last one's. Set a millionth low, so that
   * rounding never rules out an entry the exact comparison ({@link #beats}) would let in.
   */
  private static double enoughRelevance(PriorityQueue<Scored> best) {
    return best.size() < RANKED ? 0 : enoughRelevance(best.peek().score());
  }

  /** The same for the last ranked score {@code last}. */
  static double enoughRelevance(double last) {
    double worst = last / W_RELEVANCE;
    if (worst >= 1) {
      // relevanceOf stays below 1 for any sum short of 1e17, far beyond what query weights allow.
      return Double.POSITIVE_INFINITY;
    }
    // relevanceOf(bm) = bm / (bm + REL_HALF) reaches worst at bm = REL_HALF * worst / (1 - worst);
    // close to 1 the subtraction loses the digits the margin relies on, so nothing is ruled out.
    return worst > 0.999 ? 0 : REL_HALF * worst / (1 - worst) * (1 - 1e-6);
  }

  /** The last ranked score (NaN when fewer than RANKED were), and the thresholds of the lines aligned. */
  private static Reach reachOf(PriorityQueue<Scored> best, double[] thresholds) {
    int aligned = 0;
    while (aligned < thresholds.length && !Double.isNaN(thresholds[aligned])) {
      aligned++;
    }
    return new Reach(best.size() < RANKED ? Double.NaN : best.peek().score(), java.util.Arrays.copyOf(thresholds, aligned));
  }

  static double relevanceOf(double bm) {
    return bm / (bm + REL_HALF);
  }

  /**
   * Whether RANKED aligned entries score at least W_RELEVANCE on their alignments alone. An entry
   * without an alignment scores W_RELEVANCE times its relevance, which stays below 1 (for any sum
   * short of 1e17), so it cannot rank before any of them.
   */
  private static boolean alignedFillTheBest(Map<Integer, Found> found) {
    if (found.size() < RANKED) {
      return false;
    }
    int strong = 0;
    for (Found f : found.values()) {
      if (f.best != null && f.best.value() >= W_RELEVANCE && ++strong >= RANKED) {
        return true;
      }
    }
    return false;
  }

  /**
   * The BM25 sums of the given entries (ascending), each added term by term in query order as
   * {@link #relevance} adds all entries', so equal to the bit; NaN for an entry with none of the
   * query's words.
   */
  static double[] bm25(MatchData index, Map<String, Double> query, int[] ids) {
    double[] sums = new double[ids.length];
    java.util.Arrays.fill(sums, Double.NaN);
    for (Map.Entry<String, Double> q : query.entrySet()) {
      Posting p = index.posting(q.getKey());
      if (p == null) {
        continue;
      }
      double qwIdf = Math.min(MAX_QUERY_WEIGHT, q.getValue()) * index.idf(q.getKey());
      int[] entries = p.entries();
      int[] weights = p.weight();
      int from = 0;
      for (int i = 0; i < ids.length && from < entries.length; i++) {
        int k = java.util.Arrays.binarySearch(entries, from, entries.length, ids[i]);
        if (k >= 0) {
          sums[i] = (Double.isNaN(sums[i]) ? 0 : sums[i]) + qwIdf * (weights[k] / Posting.SCALE);
          from = k + 1;
        } else {
          from = -k - 1;
        }
      }
    }
    return sums;
  }

  /** Whether an entry of this score ranks before {@code worst} (as {@link #BY_SCORE} orders them). */
  private static boolean beats(double score, int entry, Scored worst) {
    int c = Double.compare(worst.score(), score);
    return c < 0 || (c == 0 && entry < worst.entry());
  }

  /**
   * An entry's score is its strongest evidence, its best alignment's value; what it shows, and
   * how sure the answer is, come from a line that matches one of its symptoms word for word when
   * there is one. A longer symptom found in part on another line (a message glued to the one
   * before it: "failed.Cannot deserialize plugin ...") may weigh more, but says less.
   */
  private static Scored scored(int e, Found f, double bm) {
    Best b = f == null ? null : f.best;
    Best shown = f == null ? null : f.exact != null ? f.exact : b;
    double rel = relevanceOf(bm);
    int line = b == null ? 0 : b.line().number();
    boolean seen = f != null && f.occurrences > 0;
    // Whether every line the answer stands on is only a logger's warning (or an INFO line that
    // reports nothing wrong: a model instance starting, which a warning's entry may list too).
    boolean warningsOnly = seen ? !f.beyondWarnings : shown != null && shown.line().rank() == PreparedLine.RANK_WARNING;
    return new Scored(e, (b == null ? 0 : b.value()) + W_RELEVANCE * rel, shown == null ? 0 : shown.quality(), rel, shown,
        seen ? f.first : line, seen ? f.last : line, f == null ? 0 : f.occurrences, warningsOnly);
  }

  private static void offer(PriorityQueue<Scored> best, Scored s) {
    if (best.size() < RANKED) {
      best.add(s);
    } else if (beats(s.score(), s.entry(), best.peek())) {
      best.poll();
      best.add(s);
    }
  }

  /** Per-thread arrays as long as the index, reused by every paste matched on the thread. */
  private static final class Scratch {
    /** What each candidate template shares with the line being aligned; forms' array when each template is its own form. */
    final double[] templates;
    /** What each form shares with the line. */
    final double[] forms;
    final double[] relevance;
    final boolean[] seen;
    /** Entries that a template of theirs was aligned with, marked while one paste is ranked. */
    final boolean[] aligned;
    int[] touched = new int[64];
    /** The forms one line's words reach (templates when each is its own form), by number. */
    int[] lineForms = new int[64];
    /** The templates of the line's forms that share enough with it to be candidates, and how many. */
    int[] lineMembers = new int[64];
    int nLineMembers;
    /** The best of those templates: the line's candidates. */
    int[] candidates = new int[CANDIDATES_PER_LINE];

    /** @param forms how many forms; negative when each template is its own */
    Scratch(int templates, int forms, int entries) {
      this.templates = new double[templates];
      this.forms = forms < 0 ? this.templates : new double[forms];
      this.relevance = new double[entries];
      this.seen = new boolean[entries];
      this.aligned = new boolean[entries];
    }
  }

  private final ThreadLocal<Scratch> scratch;

  /** Higher score first, then lower entry number: a total order. */
  private static final Comparator<Scored> BY_SCORE = (a, b) -> {
    int c = Double.compare(b.score(), a.score());
    return c != 0 ? c : Integer.compare(a.entry(), b.entry());
  };

  /**
   * One entry's standing: {@code shown} is the alignment its answer shows and is labelled by (see
   * {@link #scored}), {@code first} the line it first appears on, {@code occurrences} how often.
   */
  private record Scored(int entry, double score, double quality, double rel, Best shown, int first, int last, int occurrences,
      boolean warningsOnly) {
    Scored withScore(double s) {
      return new Scored(entry, s, quality, rel, shown, first, last, occurrences, warningsOnly);
    }
  }

  /**
   * The lines of the paste, most telling first ({@link PreparedLine#order()}), in paste order
   * within a place: errors are aligned, and their words looked up, before a long log's INFO lines
   * use up the budgets.
   */
  static List<PreparedLine> mostTellingFirst(List<PreparedLine> lines, int width) {
    List<PreparedLine> out = new ArrayList<>(lines);
    if (width <= 0) {
      // Nothing a terminal cut: each line keeps its own place (most pastes, and every example a check matches).
      out.sort(Comparator.comparingInt(PreparedLine::order).thenComparingInt(PreparedLine::number));
      return out;
    }
    Map<PreparedLine, Integer> order = wrappedOrder(lines, width);
    out.sort(Comparator.comparingInt((PreparedLine l) -> order.get(l)).thenComparingInt(PreparedLine::number));
    return out;
  }

  /**
   * Each line's place in the order: its own, or, for the pieces of a record that a terminal cut at
   * its {@code width} and the paste left apart (cut inside words), the most telling of its pieces'.
   * The piece that holds the message is then looked at with the piece that carries the error mark,
   * not among a long log's unmarked lines after the budget is spent (a JSON log wrapped at 80
   * columns: its message sits in a piece without `"level":50`).
   */
  static Map<PreparedLine, Integer> wrappedOrder(List<PreparedLine> lines, int width) {
    Map<PreparedLine, Integer> out = new java.util.IdentityHashMap<>();
    lines.forEach(l -> out.put(l, l.order()));
    if (width <= 0) {
      return out;
    }
    List<PreparedLine> inPaste = new ArrayList<>(lines);
    inPaste.sort(Comparator.comparingInt(PreparedLine::number).thenComparingInt(PreparedLine::part));
    List<PreparedLine> piece = new ArrayList<>();
    PreparedLine previous = null;
    for (PreparedLine l : inPaste) {
      boolean goesOn = previous != null && l.part() == 0 && previous.span() == 1 && previous.number() + 1 == l.number()
          && previous.original().length() >= width - 1 && previous.original().length() <= width;
      if (!goesOn) {
        settle(piece, out);
        piece.clear();
      }
      if (l.part() == 0) {
        piece.add(l);
        previous = l;
      } else {
        previous = null;
      }
    }
    settle(piece, out);
    return out;
  }

  /** Gives the pieces of one record the most telling place among them. */
  private static void settle(List<PreparedLine> pieces, Map<PreparedLine, Integer> order) {
    if (pieces.size() <= 1) {
      return;
    }
    int best = pieces.stream().mapToInt(order::get).min().orElseThrow();
    pieces.forEach(p -> order.put(p, best));
  }

  private Map<Integer, Found> align(Query q, double[] thresholds) {
    List<PreparedLine> lines = q.lines();
    java.util.Arrays.fill(thresholds, Double.NaN);
    Map<Integer, Found> found = new HashMap<>();
    Map<Integer, PreparedLine> byNumber = new HashMap<>();
    lines.forEach(l -> byNumber.put(l.number(), l));
    // A line read from the same line of the paste as the one before (a record's next value) goes on from it;
    // else the paste's line after the last it was read from (a terminal's wrap joins several).
    Map<Long, PreparedLine> byPart = new HashMap<>();
    lines.stream().filter(l -> l.part() > 0).forEach(l -> byPart.put(((long) l.number() << 32) | l.part(), l));
    java.util.function.UnaryOperator<PreparedLine> after = l -> {
      PreparedLine same = byPart.get(((long) l.number() << 32) | (l.part() + 1));
      return same != null ? same : byNumber.get(l.number() + l.span());
    };
    int firstLine = lines.stream().mapToInt(PreparedLine::number).min().orElse(0);
    int lastLine = lines.stream().mapToInt(PreparedLine::number).max().orElse(0);
    // The line a line of its own goes on from, by the number of the line after it: for reading back
    // (only a line long enough to be a terminal's wrap can hold a message's first piece).
    Map<Integer, PreparedLine> before = new HashMap<>();
    lines.stream().filter(l -> l.part() == 0 && l.original().length() >= Paste.MIN_WRAPPED_LINE)
        .forEach(l -> before.putIfAbsent(l.number() + l.span(), l));
    Scratch sc = scratch.get();
    double[] acc = sc.forms;
    List<Set<String>> lineKeys = q.lineKeys();
    Set<String> allowed = q.allowed();
    int budget = MAX_ALIGNMENTS;
    for (int li = 0; li < lines.size() && budget > 0; li++) {
      PreparedLine line = lines.get(li);
      // Form numbers in int arrays: a common word reaches thousands of forms, and boxing each was
      // a large part of checking a large knowledge base's examples.
      int[] touched = sc.lineForms;
      int nTouched = 0;
      double lineWeight = 0;
      for (String key : lineKeys.get(li)) {
        if (!allowed.contains(key)) {
          continue;
        }
        int[] posting = forms == null ? index.templatesWithKey(key) : forms.withKey(key);
        if (posting == null) {
          continue;
        }
        double w = index.literalWeight(key, rules);
        lineWeight += w;
        for (int f : posting) {
          if (acc[f] == 0) {
            if (nTouched == touched.length) {
              touched = sc.lineForms = java.util.Arrays.copyOf(touched, 2 * nTouched);
            }
            touched[nTouched++] = f;
          }
          acc[f] += w;
        }
      }
      int[] best = sc.candidates;
      double least = leastShare(lineWeight);
      // Each template of a form shares what the form does, added in the same order.
      int[] members = forms == null ? touched : membersOf(touched, nTouched, least, sc);
      int nMembers = forms == null ? nTouched : sc.nLineMembers;
      int nBest = candidates(members, nMembers, sc.templates, least, best);
      // A template that shares this much with the line would have been a candidate here (or
      // less: one of a crowd may not be).
      thresholds[li] = nBest == best.length ? sc.templates[best[nBest - 1]] : least;
      PreparedLine next = after.apply(line);
      // A line as long as the one before it may be one more piece of a message a terminal wrapped.
      PreparedLine afterNext = next != null && next.original().length() == line.original().length()
          ? after.apply(next) : null;
      Lines both = new Lines(line, next, afterNext, lastLine, after);
      // Where a message may stop inside the line: on the paste's last, or on one a program shortened.
      boolean mayStop = line.number() == lastLine || ellipsized(line);
      // The line before, when a terminal may have cut a word of this line's message in two there.
      PreparedLine back = line.part() == 0 ? before.get(line.number()) : null;
      Lines backBoth = back == null ? null : new Lines(back, line, null, lastLine, after);
      // Each form's alignment on this line; none kept when each template is its own form.
      Map<Integer, Aligned> byForm = forms == null ? null : new HashMap<>();
      for (int c = 0; c < nBest && budget > 0; c++, budget--) {
        Template tpl = index.template(best[c]);
        int form = forms == null ? best[c] : forms.formOf(best[c]);
        Aligned a = byForm == null ? null : byForm.get(form);
        if (a != null) {
          reused.increment();
        } else {
          a = aligned(tpl, form, both, line.number() == firstLine, mayStop);
          if (byForm != null) {
            byForm.put(form, a);
          }
        }
        credit(tpl, a, line, found);
        if (backBoth != null && !sound(a.alignment())) {
          readBack(tpl, form, backBoth, back.number() == firstLine, found);
        }
      }
      for (int k = 0; k < nTouched; k++) {
        acc[touched[k]] = 0;
      }
      if (forms != null) {
        for (int k = 0; k < nMembers; k++) {
          sc.templates[members[k]] = 0;
        }
      }
    }
    return found;
  }

  /**
   * The templates of the {@code touched} forms that share at least {@code least} with the line,
   * each given its form's share in {@code sc.templates}, into {@code sc.lineMembers} (how many:
   * {@code sc.nLineMembers}). Of a form only the first CANDIDATES_PER_SHARE can be candidates: a
   * later one has that many of its share, with lower numbers, before it.
   */
  private int[] membersOf(int[] touched, int nTouched, double least, Scratch sc) {
    int[] out = sc.lineMembers;
    int n = 0;
    for (int k = 0; k < nTouched; k++) {
      int f = touched[k];
      double share = sc.forms[f];
      if (share < least) {
        continue;
      }
      int[] m = forms.members(f);
      int take = Math.min(m.length, CANDIDATES_PER_SHARE);
      if (n + take > out.length) {
        out = sc.lineMembers = java.util.Arrays.copyOf(out, Math.max(2 * out.length, n + take));
      }
      for (int i = 0; i < take; i++) {
        sc.templates[m[i]] = share;
        out[n++] = m[i];
      }
    }
    sc.nLineMembers = n;
    return out;
  }

  /** The least weight a template must share with a line of {@code lineWeight} to be a candidate there. */
  static double leastShare(double lineWeight) {
    return MIN_LINE_SHARE * Math.min(lineWeight, LINE_WEIGHT_CAP);
  }

  /**
   * The templates sharing the most weight of rare words with a line (a line cut short or padded
   * with other text still finds its template this way): of the {@code touched} templates, those
   * whose share {@code acc} is at least {@code least}, in order (more shared weight first, then
   * the lower number), at most CANDIDATES_PER_SHARE of any one share, into {@code best} (its
   * length is how many); returns how many.
   *
   * <p>Templates that share exactly the same words with a line are nearly always one message
   * that many entries list (a consequence such as "failed to load all models", or
   * near-identical siblings); without the limit they fill every place and the entry whose main
   * error the line is, written a little differently, is never aligned.
   *
   * <p>The best are selected as the templates come rather than all sorted, as a common word
   * reaches thousands of templates. A template left out never belongs back in: one that falls off
   * the end has as many before it as places, and one that its share's limit leaves out has that
   * many of its share, with lower numbers, before it; each is only ever replaced by one that comes
   * before it too. So the selection is the head of the sorted, limited list.
   */
  static int candidates(int[] touched, int nTouched, double[] acc, double least, int[] best) {
    int nBest = 0;
    for (int k = 0; k < nTouched; k++) {
      int tid = touched[k];
      double share = acc[tid];
      if (share < least) {
        continue;
      }
      // Template a comes before b with more shared weight, or as much and a lower number. The
      // comparisons are written out, as this runs for every template reached; shares are sums
      // of positive weights, so plain comparisons order them as Double.compare would.
      // Full: only a template before the last one gets in.
      if (nBest == best.length) {
        int last = best[nBest - 1];
        if (share < acc[last] || (share == acc[last] && tid > last)) {
          continue;
        }
      }
      // Where it goes: after every template that comes before it.
      int at = nBest;
      while (at > 0) {
        int prev = best[at - 1];
        double prevShare = acc[prev];
        if (share < prevShare || (share == prevShare && tid > prev)) {
          break;
        }
        at--;
      }
      // Its share's run around that place: before it the lower numbers, after it the higher.
      int from = at;
      while (from > 0 && acc[best[from - 1]] == share) {
        from--;
      }
      int to = at;
      while (to < nBest && acc[best[to]] == share) {
        to++;
      }
      int drop;
      if (to - from >= CANDIDATES_PER_SHARE) {
        if (to == at) {
          continue; // its share has its places, all with lower numbers
        }
        drop = to - 1; // the highest number of its share gives up its place
      } else {
        drop = nBest == best.length ? nBest - 1 : nBest++;
      }
      System.arraycopy(best, at, best, at + 1, drop - at);
      best[at] = tid;
    }
    return nBest;
  }

  /** A line and the one after it, read for alignment once for all the line's candidates. */
  private static final class Lines {
    final PreparedLine line;
    final PreparedLine next;
    /** The line after the next, when the next is as long as the line: a third piece of a wrapped message. */
    final PreparedLine afterNext;
    /** Whether the next line is the paste's last: the message may stop inside it, cut by the selection. */
    final boolean nextIsLast;
    /** Whether the glued lines end with the paste's last. */
    final boolean gluedIsLast;
    private final int lastLine;
    private final java.util.function.UnaryOperator<PreparedLine> after;
    private Aligner.Line tokens;
    private Aligner.Line joined;
    private Aligner.Line glued;
    private boolean gluedMade;
    /** The line with more and more of the lines after it ({@link #readOn}), made on first need. */
    private final List<ReadOn> readOn = new ArrayList<>();

    Lines(PreparedLine line, PreparedLine next, PreparedLine afterNext, int lastLine,
        java.util.function.UnaryOperator<PreparedLine> after) {
      this.line = line;
      this.next = next;
      this.afterNext = afterNext;
      this.lastLine = lastLine;
      this.after = after;
      this.nextIsLast = next != null && next.number() == lastLine;
      this.gluedIsLast = afterNext != null ? afterNext.number() == lastLine : nextIsLast;
    }

    /**
     * The line with the {@code k + 2} lines after it (k from 0: the next and one more), for a
     * message that goes on past the next line; null when the paste has no more lines.
     */
    ReadOn readOn(int k) {
      while (readOn.size() <= k) {
        ReadOn before = readOn.isEmpty() ? null : readOn.get(readOn.size() - 1);
        PreparedLine more = before == null ? after.apply(next) : after.apply(before.last());
        if (more == null) {
          return null;
        }
        List<Token> all = new ArrayList<>((before == null ? joined() : before.tokens()).tokens);
        all.addAll(more.tokens());
        readOn.add(new ReadOn(new Aligner.Line(all), more, more.number() == lastLine));
      }
      return readOn.get(k);
    }

    Aligner.Line tokens() {
      if (tokens == null) {
        tokens = new Aligner.Line(line.tokens());
      }
      return tokens;
    }

    /** The line with the next one after it, for a message that goes on there. */
    Aligner.Line joined() {
      if (joined == null) {
        List<Token> both = new ArrayList<>(line.tokens());
        both.addAll(next.tokens());
        joined = new Aligner.Line(both);
      }
      return joined;
    }

    /**
     * The pieces of a message a terminal wrapped at its width, read as the line it was: this line,
     * the next, and the one after when the next is as long as this one; where two pieces meet
     * inside a word ("Unable to fi" / "nd shared memory region"), its halves are one word. Null
     * when this line is too short to have been wrapped, or the pieces are only this line and the
     * next with no word cut in two (that is {@link #joined}).
     */
    Aligner.Line glued() {
      if (!gluedMade) {
        gluedMade = true;
        glued = next == null ? null : glue(line, next, afterNext);
      }
      return glued;
    }
  }

  /** A line read on into the lines after it: their tokens, the last of them, and whether that is the paste's last. */
  private record ReadOn(Aligner.Line tokens, PreparedLine last, boolean pasteEnds) {}

  /** Whether a line ends in an ellipsis ("…" or "..."), as a line a program shortened to fit does. */
  static boolean ellipsized(PreparedLine line) {
    String s = line.original();
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return s.startsWith("\u2026", end - 1) || (end >= 3 && s.startsWith("...", end - 3));
  }

  private static Aligner.Line glue(PreparedLine line, PreparedLine next, PreparedLine afterNext) {
    if (line.original().length() < Paste.MIN_WRAPPED_LINE) {
      return null;
    }
    List<Token> out = new ArrayList<>(line.tokens());
    boolean cut = glueOnto(out, line.text(), true, next);
    if (afterNext != null) {
      // The last token is the next line's own unless the next held one token, glued onto this line's.
      boolean own = next.tokens().size() > (cut ? 1 : 0);
      cut |= glueOnto(out, next.text(), own, afterNext);
    }
    return cut || afterNext != null ? new Aligner.Line(out) : null;
  }

  /**
   * Adds the tokens of {@code piece} to those of the pieces before it, whose last text is {@code
   * before} ({@code own}: the last token is that text's): where the two meet inside a word or
   * number, as one token in the place of the last. Whether they did.
   */
  private static boolean glueOnto(List<Token> tokens, String before, boolean own, PreparedLine piece) {
    List<Token> b = piece.tokens();
    // A piece of a wrapped message has no log prefix of its own; a line that had one is a record.
    boolean bare = piece.text().length() == piece.original().length();
    if (own && bare && !tokens.isEmpty() && !b.isEmpty()) {
      Token end = tokens.get(tokens.size() - 1);
      Token start = b.get(0);
      if (end.end() == before.length() && start.start() == 0 && gluable(end) && gluable(start)) {
        List<Token> one = Tokenizer.tokenize(before.substring(end.start()) + piece.text().substring(0, start.end()));
        if (one.size() == 1 && gluable(one.get(0))) {
          tokens.set(tokens.size() - 1, new Token(one.get(0).text(), one.get(0).kind(), end.start(), end.end()));
          tokens.addAll(b.subList(1, b.size()));
          return true;
        }
      }
    }
    tokens.addAll(b);
    return false;
  }

  private static boolean gluable(Token t) {
    return t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.NUMBER;
  }

  /**
   * Aligns one template with one line, and with the next too when the message may go on there.
   * Only the paste's first line may start inside a message and only its last (or a line that
   * ends in an ellipsis, shortened by a program) may stop inside one, as a person's selection
   * would; elsewhere a line that holds only part of the symptom is another message.
   */
  private Aligned aligned(Template tpl, int form, Lines lines, boolean first, boolean mayStop) {
    Aligner.Line tokens = lines.tokens();
    double[] weights = itemWeights(form, tpl);
    Alignment a = Aligner.align(tpl, tokens, weights, keyWeight, first, true);
    if (a.tailCut()) {
      // The symptom goes on past the line's end. Cut there only on the paste's last line, or on a
      // line that says it was cut (an ellipsis: `systemctl status` and log viewers shorten long
      // lines so); else the line alone misses the rest, or the message goes on in the next line
      // (wrapped by a terminal or a logger), where it may stop inside it only if the paste stops
      // there: the better of the two, each counted as the paste shows it.
      if (!mayStop) {
        a = Aligner.align(tpl, tokens, weights, keyWeight, first, false);
      }
      if (lines.next != null) {
        Aligner.Line joined = lines.joined();
        Alignment b = Aligner.align(tpl, joined, weights, keyWeight, first, lines.nextIsLast);
        if (b.evidence() > a.evidence()) {
          a = b;
          tokens = joined;
        }
        // A message that goes on past the next line too (broken at spaces into short lines by a
        // mail or chat app) is read on, a line at a time, while it still goes on past the last.
        // Read as cut, it tells whether it does; on the paste's last line that is its reading.
        Alignment open = lines.nextIsLast ? b : Aligner.align(tpl, joined, weights, keyWeight, first, true);
        for (int k = 0; k < READ_ON_LINES && open.tailCut(); k++) {
          ReadOn more = lines.readOn(k);
          if (more == null) {
            break;
          }
          open = Aligner.align(tpl, more.tokens(), weights, keyWeight, first, true);
          Alignment c = more.pasteEnds() ? open : Aligner.align(tpl, more.tokens(), weights, keyWeight, first, false);
          if (c.evidence() > a.evidence()) {
            a = c;
            tokens = more.tokens();
          }
        }
      }
    }
    // A message a terminal wrapped, in two or three pieces: the word a piece ends in may not look
    // like the symptom's at all ("fi" for "find"), so the pieces are read as one line whether or
    // not this line seemed cut.
    Aligner.Line glued = lines.glued();
    if (glued != null) {
      Alignment g = Aligner.align(tpl, glued, weights, keyWeight, first, lines.gluedIsLast);
      if (g.evidence() > a.evidence()) {
        a = g;
        tokens = glued;
      }
    }
    return new Aligned(a, tokens.tokens);
  }

  /**
   * A message whose first words a terminal's wrap left on the line before, cut inside a word
   * ("... [StatusCode.RESOURCE_EXHAUSTED] Rec" / "eived message larger than max"): the line
   * before shares too little with the symptom to make it a candidate there, and this line alone
   * starts with half a word. The candidate is also aligned on the two read as one line, and
   * credited to the line before, where the message starts, as a wrap read forward is.
   */
  private void readBack(Template tpl, int form, Lines lines, boolean first, Map<Integer, Found> found) {
    Found f = found.get(tpl.entry());
    if (f != null && f.best != null && f.best.line() == lines.line && f.best.template() == tpl) {
      return; // aligned there already, as that line's own candidate
    }
    Aligner.Line glued = lines.glued();
    if (glued != null) {
      Alignment g = Aligner.align(tpl, glued, itemWeights(form, tpl), keyWeight, first, lines.gluedIsLast);
      credit(tpl, new Aligned(g, glued.tokens), lines.line, found);
    }
  }

  /** An alignment, and the tokens it was made with (the line's, or the line and what follows). */
  private record Aligned(Alignment alignment, List<Token> tokens) {}

  /** Credits template {@code tpl}'s entry with its alignment {@code aligned} on {@code line}. */
  private void credit(Template tpl, Aligned aligned, PreparedLine line, Map<Integer, Found> found) {
    Alignment a = aligned.alignment();
    if (a.matchedLiterals() == 0) {
      return;
    }
    double value = Math.max(0, a.evidence()) * lineFactor(line.rank());
    if (a.contradicted()) {
      value *= line.rank() >= PreparedLine.RANK_INFO_ERROR ? CONTRADICTED_INFO : CONTRADICTED;
    }
    if (a.exact()) {
      value += EXACT_BONUS;
    }
    if (tpl.primary()) {
      // An entry's first symptom is its main error; the others are lines that come with it.
      value += PRIMARY_BONUS;
    }
    Found f = found.computeIfAbsent(tpl.entry(), k -> new Found());
    Best made = null;
    if (f.best == null || value > f.best.value() + TIE) {
      f.best = made = new Best(value, a, line, aligned.tokens(), tpl);
    }
    if (a.exact() && (f.exact == null || value > f.exact.value() + TIE)) {
      Best b = made != null ? made : new Best(value, a, line, aligned.tokens(), tpl);
      if (informative(b) >= MIN_INFORMATIVE) {
        f.exact = b;
      }
    }
    if (sound(a) && f.lastCounted != line.number()) {
      f.lastCounted = line.number();
      f.occurrences += line.repeats();
      f.first = Math.min(f.first, line.number());
      f.last = Math.max(f.last, line.lastNumber());
      f.beyondWarnings |= line.rank() != PreparedLine.RANK_WARNING && line.rank() != PreparedLine.RANK_ORDINARY;
    }
  }

  private static double lineFactor(int rank) {
    return switch (rank) {
      case PreparedLine.RANK_ERROR -> ERROR_LINE;
      case PreparedLine.RANK_WARNING -> WARNING_LINE;
      case PreparedLine.RANK_UNMARKED -> UNMARKED_LINE;
      case PreparedLine.RANK_INFO_ERROR -> INFO_ERROR_LINE;
      default -> INFO_LINE;
    };
  }

  /** An alignment that could make a confident answer on its own: nothing contradicts it and most of it is there. */
  private static boolean sound(Alignment a) {
    return !a.contradicted() && (a.exact() || (a.quality() >= LIKELY_QUALITY && a.coverage() >= LIKELY_COVERAGE));
  }

  /** The paste's words for relevance, each with the summed weight of the lines it is in. */
  private static Map<String, Double> queryTerms(List<PreparedLine> lines, Rules rules) {
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

  /**
   * Adds each entry's BM25 sum into {@code scratch.relevance}, term by term in query order (the
   * order the browser adds them in), and lists the entries it touched in {@code scratch.touched};
   * returns how many. The caller sets their sums back to zero.
   */
  private int relevance(Map<String, Double> query, Scratch scratch) {
    double[] scores = scratch.relevance;
    int n = 0;
    for (Map.Entry<String, Double> q : query.entrySet()) {
      Posting p = index.posting(q.getKey());
      if (p == null) {
        continue;
      }
      double idf = index.idf(q.getKey());
      double qw = Math.min(MAX_QUERY_WEIGHT, q.getValue());
      // The same products, in the same order, as qw * idf * (weight / SCALE) term by term: the
      // browser's port sums them so. Arrays in locals: the quick compiler reloads fields in a loop.
      double qwIdf = qw * idf;
      int[] entries = p.entries();
      int[] weights = p.weight();
      boolean[] seen = scratch.seen;
      int[] touched = scratch.touched;
      for (int k = 0; k < entries.length; k++) {
        int e = entries[k];
        double add = qwIdf * (weights[k] / Posting.SCALE);
        if (!seen[e]) {
          seen[e] = true;
          if (n == touched.length) {
            touched = scratch.touched = java.util.Arrays.copyOf(touched, 2 * n);
          }
          touched[n++] = e;
        }
        scores[e] += add;
      }
    }
    return n;
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
      // Versions break ties between entries the text supports about equally; they never outweigh the
      // text. A component affected in every release ("*") says nothing of the paste's: it breaks no tie.
      double delta = 0;
      if (!v.isEmpty()) {
        delta = v.stream().noneMatch(x -> x.verdict().equals("affected")) ? -VERSION_PENALTY
            : v.stream().anyMatch(x -> x.verdict().equals("affected") && !x.ranges().equals("*")) ? VERSION_BONUS : 0;
      }
      out.add(s.withScore(s.score() + delta));
    }
    out.sort(BY_SCORE);
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
    out.sort(BY_SCORE);
    return out;
  }

  /**
   * The label of each answer in {@code top} (best score first). An alignment makes a confident
   * answer only for the entry that scores best on its line, with a clear margin over the next
   * entry aligned on the same line: two entries that explain the same line about equally are both
   * only possible, while failures on different lines of a log are each judged on their own.
   */
  private List<Confidence> confidences(List<Scored> top, Map<String, Double> query) {
    List<Confidence> out = new ArrayList<>();
    Set<Integer> claimed = new HashSet<>();
    for (int r = 0; r < top.size(); r++) {
      Scored s = top.get(r);
      Best b = s.shown();
      Confidence c = Confidence.POSSIBLE;
      if (b != null && claimed.add(b.line().number())) {
        Scored rival = null;
        for (int k = r + 1; k < top.size() && rival == null; k++) {
          Best o = top.get(k).shown();
          if (o != null && o.line().number() == b.line().number()) {
            rival = top.get(k);
          }
        }
        c = byAlignment(s, rival);
      }
      if (r == 0 && !c.confident() && (b == null || b.quality() < WEAK_QUALITY)) {
        c = byRelevance(s, top.size() > 1 ? top.get(1) : null, relevanceTerms(s.entry(), query));
      }
      out.add(c);
    }
    return out;
  }

  /**
   * The failure the paste shows that its confident answers leave unexplained, when each of them is
   * an error that follows from others (downstream) or stands only on a logger's warnings:
   * <ul>
   *   <li>before a downstream answer, a crash, an out-of-memory kill or the like anywhere before
   *   its line ({@link FailureLines#anywhere}), or a line that says it failed before that answer's
   *   record ({@link FailureLines#saysItFailed}): the server's summary ("failed to load all
   *   models"), a client's "failed to connect", a probe's "connection refused" after a model's
   *   own error are not its answer;
   *   <li>when one or more of them stand only on warnings (and ordinary INFO lines; the rest are
   *   downstream), a line anywhere in the paste that says the process is gone ({@link
   *   FailureLines#ends}: a crash, a kill), or an exception printed without a logger's mark
   *   ({@code RuntimeError: CUDA out of memory ...}) before any downstream answer's record: the
   *   container's "NVIDIA Driver was not detected" on a CPU-only server that then died of "Illegal
   *   instruction", a memory pool's fallback warned about beside PyTorch's own out-of-memory
   *   error, are true but not why it failed. A logger's error lines do not count here: a log with
   *   a known warning has errors of its own too often (measured: eight evaluation sets lost
   *   confident right answers), and a GPU's Xid from another job beside a slow server's known warning is no
   *   reason to doubt it.
   * </ul>
   * The earliest such line is what the sender needs explained, and no entry answered it with
   * confidence. The answers then stay among the answers, as possible ones, and the sender is shown
   * the line and offered to draft an entry for it.
   */
  private Optional<PreparedLine> unexplained(List<Scored> top, List<Confidence> labels, List<PreparedLine> lines, boolean newestFirst) {
    int first = Integer.MAX_VALUE;
    boolean besideWarnings = false;
    for (int r = 0; r < top.size(); r++) {
      if (labels.get(r).confident()) {
        if (downstream(top.get(r))) {
          first = Math.min(first, happened(top.get(r), newestFirst));
        } else if (top.get(r).warningsOnly()) {
          besideWarnings = true;
        } else {
          return Optional.empty();
        }
      }
    }
    java.util.function.ToIntFunction<PreparedLine> at = l -> newestFirst ? -l.number() : l.number();
    // The lines come most telling first: the earliest is looked for, not taken.
    Comparator<PreparedLine> earliest = Comparator.comparingInt(at).thenComparingInt(PreparedLine::part);
    int before = first == Integer.MAX_VALUE ? Integer.MAX_VALUE : newestFirst ? first : FailureLines.recordStart(lines, first);
    if (besideWarnings) {
      return lines.stream().filter(l -> FailureLines.ends(l, rules)
          || at.applyAsInt(l) < before && l.level().isEmpty() && FailureLines.saysItFailed(l, rules)).min(earliest);
    }
    if (first == Integer.MAX_VALUE) {
      return Optional.empty();
    }
    int answer = first;
    return lines.stream().filter(l -> at.applyAsInt(l) < answer && FailureLines.anywhere(l, rules)
            || at.applyAsInt(l) < before && FailureLines.saysItFailed(l, rules))
        .min(earliest);
  }

  /**
   * {@code sorted} with the causes of each confident answer whose entry's error can follow from
   * another confident answer's failure ({@code follows_from}) brought forward to just before it,
   * whatever the lines' order or marks say (the driver banner, a warning, before the GPU-id error
   * it causes, which comes before the server's summary). Two entries that name each other keep
   * the sorted order between them.
   */
  private List<Integer> causesFirst(List<Integer> sorted, List<Scored> top, List<Confidence> labels) {
    java.util.function.IntPredicate follows = r -> labels.get(r).confident() && !index.entry(top.get(r).entry()).followsFrom().isEmpty();
    if (sorted.stream().noneMatch(follows::test)) {
      return sorted;
    }
    List<Integer> out = new ArrayList<>(sorted.size());
    Set<Integer> placing = new java.util.HashSet<>();
    for (int r : sorted) {
      place(r, sorted, top, labels, follows, placing, out);
    }
    return out;
  }

  /** Places {@code r} after its causes among the confident answers not yet placed, each after its own. */
  private void place(int r, List<Integer> sorted, List<Scored> top, List<Confidence> labels,
      java.util.function.IntPredicate follows, Set<Integer> placing, List<Integer> out) {
    if (!placing.add(r)) {
      return;
    }
    if (follows.test(r)) {
      EntryInfo e = index.entry(top.get(r).entry());
      for (int q : sorted) {
        if (q != r && labels.get(q).confident() && e.followsFrom(index.entry(top.get(q).entry()))) {
          place(q, sorted, top, labels, follows, placing, out);
        }
      }
    }
    out.add(r);
  }

  /** Where an answer comes in the order things happened: its first line, or minus its last when the paste runs newest first. */
  private static int happened(Scored s, boolean newestFirst) {
    return newestFirst ? -s.last() : s.first();
  }

  /** Whether the answer's entry says its error follows from other failures ({@code downstream} in its front matter). */
  private static boolean downstream(Scored s) {
    return s.shown() != null && s.shown().template().downstream();
  }

  /**
   * Of the confident answers that are not downstream, those the sender's question asks about
   * ({@link SendersQuestion}). The paste is read for a question only when two or more such
   * answers need telling apart, which most pastes of a check never have.
   */
  private Set<Integer> askedAbout(List<Scored> top, List<Confidence> labels, Paste paste) {
    Map<Integer, Best> answers = new HashMap<>();
    for (int r = 0; r < top.size(); r++) {
      if (labels.get(r).confident() && !downstream(top.get(r)) && top.get(r).shown() != null) {
        answers.put(r, top.get(r).shown());
      }
    }
    List<String> words = answers.size() < 2 ? List.of() : SendersQuestion.words(paste.lines(), rules);
    if (words.isEmpty()) {
      return Set.of();
    }
    Map<Integer, Set<String>> own = new HashMap<>();
    answers.forEach((r, b) -> own.put(r, SendersQuestion.ownWords(b.tokens(), b.alignment())));
    return SendersQuestion.askedAbout(own, words);
  }

  private Confidence byAlignment(Scored s, Scored rival) {
    Best b = s.shown();
    if (b.alignment().contradicted()) {
      return Confidence.POSSIBLE;
    }
    double margin = rival == null ? s.score() : s.score() - rival.score();
    double needed = Math.max(MIN_MARGIN, MARGIN_SHARE * s.score());
    // An exact rival on the same line leaves the answer open, unless this symptom is the more
    // specific one (it fixes more words of the line: "expects 0 inputs" against "expects {n}
    // inputs") or the line is this entry's main error and only a line that comes with the rival's.
    boolean rivalExact = rival != null && rival.shown().alignment().exact()
        && rival.shown().alignment().matchedLiterals() >= b.alignment().matchedLiterals()
        && !(b.template().primary() && !rival.shown().template().primary());
    int informative = informative(b);
    if (b.alignment().exact() && informative >= MIN_INFORMATIVE && !(rivalExact && margin < needed)) {
      return Confidence.EXACT;
    }
    if (b.quality() >= LIKELY_QUALITY && b.alignment().coverage() >= LIKELY_COVERAGE && informative >= MIN_INFORMATIVE
        && (margin >= needed || b.alignment().exact())) {
      return Confidence.LIKELY;
    }
    return Confidence.POSSIBLE;
  }

  /** No line aligns well, but words that only this entry has (long identifiers) point at it. */
  private Confidence byRelevance(Scored s, Scored runnerUp, List<String> terms) {
    double margin = runnerUp == null ? s.score() : s.score() - runnerUp.score();
    long distinctive = terms.stream().filter(t -> index.posting(t).entries().length <= DISTINCTIVE_DF
        && t.length() >= DISTINCTIVE_LENGTH && (t.contains("_") || t.contains("."))).count();
    return distinctive >= MIN_DISTINCTIVE && s.rel() >= DISTINCTIVE_RELEVANCE && margin >= DISTINCTIVE_MARGIN
        ? Confidence.LIKELY : Confidence.POSSIBLE;
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
    Best b = s.shown();
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
      if (s.occurrences() > 1) {
        reasons.add("seen " + s.occurrences() + " times, first at line " + s.first());
      }
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
        tokens.subList(0, Math.min(SHOWN_TOKENS, tokens.size())), v, reasons, s.occurrences(), s.occurrences() == 0 ? 0 : s.first());
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
