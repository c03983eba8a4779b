package dev.errata.check;

import dev.errata.match.Confidence;
import dev.errata.match.EditReach;
import dev.errata.match.Match;
import dev.errata.match.Reach;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * What each example paste found, kept between runs. A paste's answers are a function of the
 * match index, the tool and the paste (with the language it is matched for), so answers recorded
 * under the same {@link #key} are the answers the matcher would give again: an edit that leaves
 * the match index as it was (a body, an example, a date) runs only the examples that changed.
 * When the answers were recorded under an index that differs from this one only by the edit of a
 * few entries, an {@link EditReach} tells which pastes that edit may have reached; the others
 * keep their answers, and the rest run again.
 */
public final class ExampleResults {
  /** The answers of one paste, best first: all that the examples rule reads of a report. */
  public record Answer(String id, String family, Confidence confidence) {}

  /** A paste's answers and how far its match reached into the index. */
  public record Recorded(List<Answer> answers, Reach reach) {
    public Recorded {
      answers = List.copyOf(answers);
    }
  }

  private final String key;
  private final Map<String, Recorded> known;
  private final Optional<EditReach> edit;
  private final Map<String, Recorded> used = new ConcurrentHashMap<>();
  private final Map<String, FutureTask<List<Answer>>> answered = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger matched = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * @param key what the answers depend on besides the paste: the match index and the tool
   * @param known answers recorded under {@code key} by an earlier run (empty when the key differs)
   */
  public ExampleResults(String key, Map<String, Recorded> known) {
    this(key, known, Optional.empty());
  }

  /**
   * @param known answers recorded under another index
   * @param edit what separates that index from this one: a recorded answer is taken only where
   *     the edit cannot have reached it
   */
  public ExampleResults(String key, Map<String, Recorded> known, Optional<EditReach> edit) {
    this.key = key;
    this.known = Map.copyOf(known);
    this.edit = edit;
  }

  /** Nothing recorded: every example runs. */
  public static ExampleResults none() {
    return new ExampleResults("", Map.of());
  }

  /** Whether nothing is recorded: every example will be matched. */
  public boolean recordsNothing() {
    return known.isEmpty();
  }

  public String key() {
    return key;
  }

  /** What the matcher said of a paste: all a record keeps of it. */
  public record Matched(List<Match> matches, Reach reach) {}

  /**
   * The answers of {@code paste} matched in {@code lang}: those recorded where the edit cannot
   * have changed them, else {@code match}'s. Examples often share a paste (a near miss that
   * many entries list under no_match, translations of one entry): each distinct paste is
   * matched once per run, and an example that shares it waits for that answer.
   */
  List<Answer> answers(String lang, String paste, java.util.function.Supplier<Matched> match) {
    String k = pasteKey(lang, paste);
    FutureTask<List<Answer>> task = new FutureTask<>(() -> recorded(k, paste).orElseGet(() -> put(k, match.get())));
    FutureTask<List<Answer>> first = answered.putIfAbsent(k, task);
    if (first == null) {
      task.run();
      first = task;
    }
    try {
      return first.get();
    } catch (ExecutionException e) {
      // The task reads the record and runs a Supplier: what it throws is unchecked, rethrown as it was.
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw (RuntimeException) e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while another thread matched the same example", e);
    }
  }

  private Optional<List<Answer>> recorded(String k, String paste) {
    Recorded r = known.get(k);
    if (r == null || edit.map(e -> e.mayChange(paste, r.reach())).orElse(false)) {
      return Optional.empty();
    }
    used.put(k, r);
    reused.incrementAndGet();
    return Optional.of(r.answers());
  }

  private List<Answer> put(String k, Matched m) {
    List<Answer> a = m.matches().stream().map(x -> new Answer(x.entry().id(), x.entry().family(), x.confidence())).toList();
    used.put(k, new Recorded(a, m.reach()));
    matched.incrementAndGet();
    return a;
  }

  /** How many distinct example pastes this run matched. */
  public int matched() {
    return matched.get();
  }

  /** How many distinct example pastes this run took the recorded answers of rather than matching them. */
  public int reused() {
    return reused.get();
  }

  /** The answers of this run's examples, to record for the next run (by paste key). */
  public Map<String, Recorded> used() {
    return Map.copyOf(used);
  }

  /**
   * A paste by its digest: the record stays small whatever was pasted. The {@link
   * dev.errata.Checksum} of its UTF-8 bytes, with the language's before them, and their lengths
   * (SHA-256, which this was, runs as plain code on the quick compiler that builds run on: 3% of
   * a rebuild's samples, for 20,000 pastes).
   */
  public static String pasteKey(String lang, String paste) {
    byte[] l = lang.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] p = paste.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return java.util.HexFormat.of().toHexDigits(dev.errata.Checksum.of(l, new byte[] {0}, p)) + "-" + Integer.toHexString(l.length)
        + "-" + Integer.toHexString(p.length);
  }
}
