package dev.errata.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The benchmark cannot rot: {@code bench/run --smoke} runs every step (corpus in both shapes, Errata
 * and Hugo builds, check alone, Pagefind, bytes per query in chromium, errata match, a log, builds
 * after editing one entry) on 100 entries, and the shipped entries copied twice. Needs what
 * the benchmark needs; CI installs it all, elsewhere the test is skipped when a tool is missing.
 */
class BenchSmokeIT {
  @Test
  void theBenchmarkRunsEndToEnd() throws IOException, InterruptedException {
    boolean tools = Files.isExecutable(Path.of("/usr/bin/hugo")) && Files.isExecutable(Path.of("/usr/bin/chromium"))
        && Files.isExecutable(Path.of("/usr/bin/time")) && Files.isDirectory(Path.of("bench/node_modules/pagefind"))
        && Files.isRegularFile(Path.of("../shared/corpus/gen_corpus.py"));
    if (System.getenv("CI") == null) {
      assumeTrue(tools, "hugo, chromium, GNU time, bench/node_modules or ../shared missing; CI installs them");
    }
    Process p = new ProcessBuilder("python3", "bench/run", "--smoke").redirectErrorStream(true)
        .redirectOutput(Path.of("target/bench-smoke.log").toFile()).start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "bench/run --smoke did not finish in 10 minutes");
    assertEquals(0, p.exitValue(), Files.readString(Path.of("target/bench-smoke.log")));
    String report = Files.readString(Path.of("bench/work/smoke.md"));
    for (String row : new String[] {"| `errata build` (check with every example, pages, search index) |",
        "| Hugo (same pages, no search) |", "| `errata check` alone |", "| pasted error |", "| word query |", "`errata match`",
        "| the first `errata match` after a build (median of ", "| symptom |", "| example |", "| body |",
        "## 100 entries, default shape", "## 100 entries, flow shape", "## Targets of issue 15",
        "## The shipped entries copied to", "a paragraph appended to the body of"}) {
      assertTrue(report.contains(row), row + " missing from\n" + report);
    }
  }
}
