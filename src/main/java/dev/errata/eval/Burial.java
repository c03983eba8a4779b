package dev.errata.eval;

import dev.errata.model.KnowledgeBase;
import dev.errata.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiPredicate;

/**
 * Buries evaluation pastes in generated server logs, as people paste them: the error somewhere in
 * hundreds or thousands of ordinary lines, in the log's frame ({@code kubectl logs --prefix},
 * {@code docker compose logs}, timestamps). Deterministic for a seed.
 */
public final class Burial {
  /** A log with one or two known failures in it; {@code expected} holds their ids, {@code _none} for none. */
  public record Log(List<String> expected, Evaluation.Case source, int lines, String text) {}

  /** The same logs every run, so that figures compare: {@code errata eval --buried} and EvaluationTest use these. */
  public static final long SEED = 20261203L;
  public static final int[] LENGTHS = {200, 2000, 20000};
  public static final int PAIR_LENGTH = 2000;
  public static final int PAIRS = 100;

  private final long seed;
  private final BiPredicate<String, String> plausibleRelease;

  /**
   * @param plausibleRelease whether a container release fits a case's expected entry (an entry
   *     known in some releases only is buried in a log of one of them, as its error would be)
   */
  public Burial(long seed, BiPredicate<String, String> plausibleRelease) {
    this.seed = seed;
    this.plausibleRelease = plausibleRelease;
  }

  /**
   * Whether a release fits an entry of {@code kb}: inside one of its {@code tritonserver} windows
   * when it names any; every release when it does not, and for pastes with no entry.
   */
  public static BiPredicate<String, String> releasesOf(KnowledgeBase kb) {
    return (id, release) -> kb.find(id).flatMap(e -> e.components().stream().filter(c -> c.name().equals("tritonserver")).findFirst())
        .map(c -> c.affects(Version.parse(release))).orElse(true);
  }

  /** Each case buried at a random place of a log of {@code lines} lines. */
  public List<Log> bury(List<Evaluation.Case> cases, int lines) {
    List<Log> out = new ArrayList<>();
    for (Evaluation.Case c : cases) {
      long s = seed * 31 + c.file().toString().hashCode() * 17L + lines;
      Random random = new Random(s);
      TritonLog log = new TritonLog(s, release(random, c.expected(), null));
      List<String> text = new ArrayList<>(log.lines(lines));
      insert(text, c.text(), log, random, null);
      out.add(new Log(List.of(c.expected()), c, lines, String.join("\n", text) + "\n"));
    }
    return out;
  }

  /**
   * Logs that hold two different known failures, each at a random place: pairs of cases of
   * different entries, {@code count} of them, in logs of {@code lines} lines.
   */
  public List<Log> pairs(List<Evaluation.Case> cases, int lines, int count) {
    List<Evaluation.Case> known = cases.stream().filter(c -> !c.expected().equals(Evaluation.NONE)).toList();
    List<Log> out = new ArrayList<>();
    Random random = new Random(seed ^ 0x5DEECE66DL);
    while (out.size() < count && known.size() > 1) {
      Evaluation.Case a = known.get(random.nextInt(known.size()));
      Evaluation.Case b = known.get(random.nextInt(known.size()));
      if (a.expected().equals(b.expected())) {
        continue;
      }
      TritonLog log = new TritonLog(random.nextLong(), release(random, a.expected(), b.expected()));
      List<String> text = new ArrayList<>(log.lines(lines));
      int[] first = insert(text, a.text(), log, random, null);
      insert(text, b.text(), log, random, first);
      out.add(new Log(List.of(a.expected(), b.expected()), a, lines, String.join("\n", text) + "\n"));
    }
    return out;
  }

  private String release(Random random, String a, String b) {
    List<String> all = new ArrayList<>(TritonLog.releases());
    java.util.Collections.shuffle(all, random);
    for (String r : all) {
      if (plausibleRelease.test(a, r) && (b == null || plausibleRelease.test(b, r))) {
        return r;
      }
    }
    return all.get(0);
  }

  /**
   * The paste's lines, framed as the log's own, at a random place that is not inside {@code
   * avoid} (another paste's start and length); returns where they went.
   */
  private static int[] insert(List<String> log, String paste, TritonLog frame, Random random, int[] avoid) {
    List<String> lines = new ArrayList<>();
    for (String l : paste.strip().split("\r?\n", -1)) {
      lines.add(frame.framed(l));
    }
    int at = random.nextInt(log.size() + 1);
    if (avoid != null && at > avoid[0] && at < avoid[0] + avoid[1]) {
      at = avoid[0] + avoid[1];
    }
    log.addAll(at, lines);
    return new int[] {at, lines.size()};
  }
}
