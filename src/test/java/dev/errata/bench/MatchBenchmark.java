package dev.errata.bench;

import dev.errata.testing.ShippedRules;
import dev.errata.match.MatchReport;
import dev.errata.match.Matcher;
import dev.errata.text.Rules;
import dev.errata.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Warm matching of a 200-line paste against a built index (run by bench/run, not by the tests):
 * 199 INFO lines of a server starting and one error line from the corpus generator's queries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MatchBenchmark {
  @Param("bench/work/c10k/entries")
  public String content;

  @Param("bench/work/c10k/site")
  public String site;

  @Param("bench/work/c10k/queries.txt")
  public String queries;

  Matcher matcher;
  String paste;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    matcher = Workspace.of(Path.of(content), Path.of(site)).matcher();
    List<String> q = Files.readAllLines(Path.of(queries));
    paste = paste200(q.get(0).substring(q.get(0).indexOf('\t') + 1));
  }

  static String paste200(String error) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 199; i++) {
      if (i == 120) {
        b.append("E1126 10:00:00.000000 1 model_lifecycle.cc:638] ").append(error).append('\n');
      }
      b.append(String.format("I1126 10:00:%02d.%06d 1 model_lifecycle.cc:%d] loading: model_%d:1%n", i % 60, i * 37, 400 + i, i));
    }
    return b.toString();
  }

  @Benchmark
  public MatchReport match200Lines() {
    return matcher.match(paste, Matcher.Options.defaults());
  }

  /** Entry point for a quick look without JMH's harness. */
  public static void main(String[] args) throws IOException {
    MatchBenchmark b = new MatchBenchmark();
    b.content = args[0];
    b.site = args[1];
    b.queries = args[2];
    b.setUp();
    ShippedRules.get();
    for (int i = 0; i < 200; i++) {
      b.match200Lines();
    }
    long t0 = System.nanoTime();
    int n = 500;
    for (int i = 0; i < n; i++) {
      b.match200Lines();
    }
    System.out.printf("%.3f ms per match%n", (System.nanoTime() - t0) / 1e6 / n);
  }
}
