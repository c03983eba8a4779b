package dev.errata.match;

import dev.errata.search.Posting;
import dev.errata.text.Rules;
import dev.errata.text.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether an edit of a few entries may change the answers a paste got before it. The two indexes
 * hold the same entries (by id) in the same order and the same number of templates, and every
 * entry but the edited ones contributes the same words with the same lengths (the caller makes
 * sure, and the average length that BM25 divides by is held on a grid, so one edit leaves it as
 * it was). Then a paste's answers are the same unless one of these holds, each checked against what the
 * paste's earlier match recorded ({@link Reach}):
 *
 * <ul>
 *   <li>a word of the paste is in a different number of entries (its idf moved);
 *   <li>a word of the paste, or of a template that could be aligned with it, is in a different
 *       number of templates (its weight in alignments moved);
 *   <li>a template of an edited entry, before or after, shares enough with a line to be aligned
 *       there;
 *   <li>an edited entry, before or after, scores well enough on relevance alone to be ranked.
 * </ul>
 *
 * Otherwise the edited entries took no part in the answers, before or after, and everything that
 * did is unchanged. Comparisons leave a margin for rounding: a close call runs the paste again.
 */
public final class EditReach {
  private static final double SLACK = 1e-9;
  /**
   * Past this many templates to watch one by one, each paste's candidates are found again from
   * its own keys instead (the accumulation of the matcher's first step, without aligning).
   */
  static final int MAX_WATCHED = 2048;

  private final MatchData now;
  private final MatchData before;
  private final Rules rules;
  private final int[] edited;
  private final Set<String> changedKeys;
  private final List<Set<String>> watched;
  /** The templates (numbered as in {@code now}) whose weights moved, when too many to watch one by one. */
  private final java.util.BitSet crowd;
  /** Per word of a paste, what its relevance part needs of both indexes ({@link #termOf}), looked up once per build. */
  private final Map<String, double[]> terms = new ConcurrentHashMap<>();
  private final ThreadLocal<double[]> shared;

  private EditReach(MatchData now, MatchData before, Rules rules, int[] edited, Set<String> changedKeys, List<Set<String>> watched,
      java.util.BitSet crowd) {
    this.now = now;
    this.before = before;
    this.rules = rules;
    this.edited = edited.clone();
    this.changedKeys = changedKeys;
    this.watched = watched;
    this.crowd = crowd;
    this.shared = ThreadLocal.withInitial(() -> new double[now.templateCount()]);
  }

  /**
   * The reach of editing entries {@code edited} (by number) from {@code before} to {@code now};
   * empty when the edit reaches too far to be worth deciding paste by paste (run them all).
   */
  public static Optional<EditReach> of(MatchData now, MatchData before, int[] edited, Rules rules) {
    return of(now, before, edited, rules, MAX_WATCHED);
  }

  static Optional<EditReach> of(MatchData now, MatchData before, int[] edited, Rules rules, int maxWatched) {
    if (now.entryCount() != before.entryCount() || now.templateCount() != before.templateCount()) {
      return Optional.empty();
    }
    Set<Integer> editedSet = new HashSet<>();
    for (int e : edited) {
      // A renamed entry moves others in the order that breaks ties: not an edit in place.
      if (!now.entry(e).id().equals(before.entry(e).id())) {
        return Optional.empty();
      }
      editedSet.add(e);
    }
    List<Template> own = new ArrayList<>();
    for (MatchData index : List.of(now, before)) {
      for (int t = 0; t < index.templateCount(); t++) {
        Template tpl = index.template(t);
        if (editedSet.contains(tpl.entry())) {
          own.add(tpl);
        }
      }
    }
    Set<String> changedKeys = new HashSet<>();
    for (Template tpl : own) {
      for (String k : MatchIndex.templateKeys(tpl)) {
        if (weightMoved(k, now, before, rules)) {
          changedKeys.add(k);
        }
      }
    }
    // Templates whose alignments weigh a changed key: an edited entry's own, and any other with that key.
    java.util.BitSet others = new java.util.BitSet(now.templateCount());
    for (String k : changedKeys) {
      int[] p = now.templatesWithKey(k);
      for (int t : p == null ? new int[0] : p) {
        others.set(t);
      }
    }
    List<Set<String>> watched = new ArrayList<>();
    own.forEach(t -> watched.add(MatchIndex.templateKeys(t)));
    if (others.cardinality() > maxWatched) {
      return Optional.of(new EditReach(now, before, rules, edited, changedKeys, watched, others));
    }
    others.stream().forEach(t -> watched.add(MatchIndex.templateKeys(now.template(t))));
    return Optional.of(new EditReach(now, before, rules, edited, changedKeys, watched, null));
  }

  /** Whether a key found templates in only one of the indexes, or weighs differently in them. */
  private static boolean weightMoved(String key, MatchData now, MatchData before, Rules rules) {
    return (now.templatesWithKey(key) == null) != (before.templatesWithKey(key) == null)
        || now.literalWeight(key, rules) != before.literalWeight(key, rules);
  }

  /** Whether {@code paste}, whose earlier match reached {@code reach}, may get other answers now. */
  public boolean mayChange(String paste, Reach reach) {
    Matcher.Query q = Matcher.Query.of(paste, rules);
    if (reach.lineCount() > q.lines().size()) {
      return true; // not this paste's record
    }
    List<double[]> factors = new ArrayList<>(q.terms().size());
    for (String term : q.terms().keySet()) {
      double[] f = terms.computeIfAbsent(term, this::termOf);
      if (f[0] != 0) {
        return true;
      }
      factors.add(f);
    }
    for (int li = 0; li < q.lines().size(); li++) {
      for (String k : q.lineKeys().get(li)) {
        if (changedKeys.contains(k)) {
          return true;
        }
      }
      for (Token t : q.lines().get(li).tokens()) {
        if (changedKeys.contains(t.text())) {
          return true;
        }
      }
    }
    for (int li = 0; li < reach.lineCount(); li++) {
      for (Set<String> keys : watched) {
        if (mayBeCandidate(keys, q.lineKeys().get(li), q.allowed(), reach.line(li))) {
          return true;
        }
      }
      if (crowd != null && crowdMayBeCandidate(q.lineKeys().get(li), q.allowed(), reach.line(li))) {
        return true;
      }
    }
    for (int x = 0; x < edited.length; x++) {
      for (int ix = 0; ix < 2; ix++) {
        double bm = bm25(q.terms(), factors, ix, x);
        if (!Double.isNaN(bm) && (Double.isNaN(reach.worst())
            || Matcher.W_RELEVANCE * Matcher.relevanceOf(bm) >= reach.worst() - SLACK)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What a word's part of an edited entry's relevance is made from, in both indexes: at 0
   * whether its number of entries moved (1) or not (0); then for {@code now}, then {@code
   * before}, its idf and each edited entry's weight of it (NaN where the entry lacks it). A paste's
   * words are mostly those of thousands of others: each is looked up in the two indexes once.
   */
  private double[] termOf(String term) {
    double[] out = new double[1 + 2 * (1 + edited.length)];
    List<MatchData> indexes = List.of(now, before);
    out[0] = df(now.posting(term)) != df(before.posting(term)) ? 1 : 0;
    for (int ix = 0; ix < 2; ix++) {
      MatchData index = indexes.get(ix);
      Posting p = index.posting(term);
      int at = 1 + ix * (1 + edited.length);
      out[at] = p == null ? Double.NaN : index.idf(term);
      for (int x = 0; x < edited.length; x++) {
        int k = p == null ? -1 : java.util.Arrays.binarySearch(p.entries(), edited[x]);
        out[at + 1 + x] = k >= 0 ? p.weight()[k] / Posting.SCALE : Double.NaN;
      }
    }
    return out;
  }

  /**
   * Edited entry {@code x}'s BM25 sum in index {@code ix} (0 now, 1 before), added term by term in
   * query order as {@link Matcher#bm25} adds it, so equal to the bit; NaN when it has none of the words.
   */
  private double bm25(Map<String, Double> query, List<double[]> factors, int ix, int x) {
    int at = 1 + ix * (1 + edited.length);
    double sum = Double.NaN;
    int i = 0;
    for (double weight : query.values()) {
      double[] f = factors.get(i++);
      double w = f[at + 1 + x];
      if (!Double.isNaN(w)) {
        double qwIdf = Math.min(Matcher.MAX_QUERY_WEIGHT, weight) * f[at];
        sum = (Double.isNaN(sum) ? 0 : sum) + qwIdf * w;
      }
    }
    return sum;
  }

  private static int df(Posting p) {
    return p == null ? 0 : p.entries().length;
  }

  /**
   * Whether one of the crowd of templates whose weights moved shares with the line what its
   * candidates did: the line's keys (none of them changed) give every template the same shared
   * weight in both indexes, so the candidates are found again as the matcher finds them.
   */
  private boolean crowdMayBeCandidate(Set<String> lineKeys, Set<String> allowed, double threshold) {
    double[] acc = shared.get();
    List<Integer> touched = new ArrayList<>();
    for (String k : lineKeys) {
      int[] p = allowed.contains(k) ? now.templatesWithKey(k) : null;
      if (p == null) {
        continue;
      }
      double w = now.literalWeight(k, rules);
      for (int t : p) {
        if (acc[t] == 0) {
          touched.add(t);
        }
        acc[t] += w;
      }
    }
    boolean hit = false;
    for (int t : touched) {
      hit |= crowd.get(t) && acc[t] >= threshold - SLACK;
      acc[t] = 0;
    }
    return hit;
  }

  /** Whether a template with these keys shares with the line what the line's candidates did (summed as the matcher sums). */
  private boolean mayBeCandidate(Set<String> templateKeys, Set<String> lineKeys, Set<String> allowed, double threshold) {
    double acc = 0;
    for (String k : lineKeys) {
      if (allowed.contains(k) && templateKeys.contains(k) && now.templatesWithKey(k) != null) {
        acc += now.literalWeight(k, rules);
      }
    }
    return acc > 0 && acc >= threshold - SLACK;
  }
}
