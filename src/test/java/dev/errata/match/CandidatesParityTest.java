package dev.errata.match;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.errata.testing.Parity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A line's candidate templates in two runtimes: the same templates, in the same order, from the
 * same words, postings and weights, in Java ({@link Matcher#candidates}) and in {@code
 * errata-match.js} ({@code parity/candidates.json}; see {@link Parity}). The shipped content is
 * too small for a crowd (more templates sharing exactly as much with a line than {@link
 * Matcher#CANDIDATES_PER_SHARE}), so the postings here are made up: crowds above and below the
 * last place, ties, and random ones.
 *
 * <p>Java's tests run first (by name), so that after a rewrite the JavaScript is held to the new file.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class CandidatesParityTest {
  static final String FILE = "candidates.json";

  /** Words of a line in order, each with its weight and the templates (ascending) that have it. */
  record Line(String name, List<String> keys, Map<String, Double> weights, Map<String, int[]> literal) {}

  static List<Line> lines() {
    List<Line> out = new ArrayList<>();
    // 500 templates share every word of the line (listed as a consequence); one shares fewer.
    Map<String, int[]> crowd = new LinkedHashMap<>();
    crowd.put("failed", range(0, 501));
    crowd.put("load", range(0, 501));
    crowd.put("models", range(0, 500));
    out.add(new Line("a crowd above a shorter main error", List.of("failed", "load", "models"),
        Map.of("failed", 2.5, "load", 3.0, "models", 1.5), crowd));
    // Two crowds of 40 at different shares, and a few templates between them.
    Map<String, int[]> two = new LinkedHashMap<>();
    two.put("alpha", range(0, 90));
    two.put("beta", range(0, 40));
    two.put("gamma", range(40, 85));
    out.add(new Line("two crowds", List.of("alpha", "beta", "gamma"), Map.of("alpha", 4.0, "beta", 2.0, "gamma", 1.0), two));
    // No crowd: every share differs.
    Map<String, int[]> spread = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    Map<String, Double> weights = new LinkedHashMap<>();
    for (int k = 0; k < 8; k++) {
      keys.add("w" + k);
      weights.put("w" + k, 1.0 + k * 0.37);
      spread.put("w" + k, range(k * 10, 100));
    }
    out.add(new Line("no crowd", keys, weights, spread));
    // A backtrace on one line: 300 words, one template sharing 40 of the line's 600 weight.
    Map<String, int[]> trace = new LinkedHashMap<>();
    List<String> traceKeys = new ArrayList<>();
    Map<String, Double> traceWeights = new LinkedHashMap<>();
    for (int k = 0; k < 300; k++) {
      traceKeys.add("t" + k);
      traceWeights.put("t" + k, 2.0);
      trace.put("t" + k, k < 20 ? new int[] {7} : range(100 + k, 101 + k));
    }
    out.add(new Line("a message among a backtrace on one line", traceKeys, traceWeights, trace));
    Random random = new Random(15);
    for (int n = 0; n < 12; n++) {
      List<String> rk = new ArrayList<>();
      Map<String, Double> rw = new LinkedHashMap<>();
      Map<String, int[]> rl = new LinkedHashMap<>();
      int words = 2 + random.nextInt(6);
      for (int k = 0; k < words; k++) {
        String key = "r" + k;
        rk.add(key);
        // Few distinct weights, so that many templates tie.
        rw.put(key, 0.3 + random.nextInt(4));
        rl.put(key, random.ints(random.nextInt(400), 0, 600).distinct().sorted().toArray());
      }
      out.add(new Line("random " + n, rk, rw, rl));
    }
    return out;
  }

  private static int[] range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).toArray();
  }

  /** Java's candidates, added up as Matcher.align adds them: word by word in the line's order. */
  static int[] javaCandidates(Line l) {
    double[] acc = new double[1000];
    int[] touched = new int[1000];
    int n = 0;
    double lineWeight = 0;
    for (String key : l.keys()) {
      double w = l.weights().get(key);
      lineWeight += w;
      for (int tid : l.literal().get(key)) {
        if (acc[tid] == 0) {
          touched[n++] = tid;
        }
        acc[tid] += w;
      }
    }
    int[] best = new int[Matcher.CANDIDATES_PER_LINE];
    int got = Matcher.candidates(touched, n, acc, Matcher.leastShare(lineWeight), best);
    return java.util.Arrays.copyOf(best, got);
  }

  static ArrayNode vectors() {
    ArrayNode out = Parity.array();
    for (Line l : lines()) {
      ObjectNode v = Parity.vector(out, l.name());
      l.keys().forEach(v.putArray("keys")::add);
      ObjectNode w = v.putObject("weights");
      l.keys().forEach(k -> w.put(k, l.weights().get(k)));
      ObjectNode lit = v.putObject("literal");
      l.literal().forEach((k, p) -> {
        ArrayNode a = lit.putArray(k);
        for (int t : p) {
          a.add(t);
        }
      });
      ArrayNode expected = v.putObject("expected").putArray("candidates");
      for (int t : javaCandidates(l)) {
        expected.add(t);
      }
    }
    return out;
  }

  @Test
  void theVectorsHoldCrowds() {
    // The first vector: 32 of the crowd, then the template that shares fewer words.
    int[] c = javaCandidates(lines().get(0));
    assertTrue(c.length == Matcher.CANDIDATES_PER_SHARE + 1 && c[Matcher.CANDIDATES_PER_SHARE] == 500,
        java.util.Arrays.toString(c));
  }

  /**
   * A message and its backtrace on one line (a log platform's export with the record's newlines
   * escaped): the message's template shares 40 of the line's 600, less than a quarter of the line
   * but more than a quarter of LINE_WEIGHT_CAP, and is a candidate; a CSV export lost its exact
   * answer when a new symptom raised the weight of such a line above what the share allowed.
   */
  @Test
  void aMessageAmongABacktraceOnOneLineIsACandidate() {
    Line trace = lines().stream().filter(l -> l.name().startsWith("a message among")).findFirst().orElseThrow();
    assertTrue(java.util.Arrays.stream(javaCandidates(trace)).anyMatch(t -> t == 7), "the message's template");
  }

  @Test
  void javaGivesTheRecordedCandidates() {
    Parity.assertJavaGives(FILE, "A line's candidate templates: Matcher.candidates in Java, Errata.match.candidates in"
        + " errata-match.js. The line's words in order, their weights and postings are given; each side adds the shares"
        + " and selects, at most CANDIDATES_PER_SHARE of any one share.", vectors());
  }

  @Test
  void theShippedJavaScriptGivesTheSameCandidates() {
    Parity.assertJavaScriptGives(FILE);
  }
}
