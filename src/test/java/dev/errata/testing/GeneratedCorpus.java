package dev.errata.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Entries written by the benchmark's corpus generator ({@code ../shared/corpus/gen_corpus.py},
 * beside this checkout), for tests that need many entries shaped as people write them. Without
 * the generator such a test is skipped, except on CI ({@code CI} set), where it must be there.
 */
public final class GeneratedCorpus {
  public static final Path GENERATOR = Path.of("../shared/corpus/gen_corpus.py");

  private GeneratedCorpus() {}

  /** Writes {@code entries} entries into {@code folder} (and the generator's queries beside it). */
  public static void write(int entries, Path folder) throws IOException, InterruptedException {
    if (System.getenv("CI") == null) {
      assumeTrue(Files.isRegularFile(GENERATOR), GENERATOR + " is missing; CI has it");
    }
    Process p = new ProcessBuilder("python3", GENERATOR.toString(), Integer.toString(entries), folder.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the corpus generator did not finish");
    assertEquals(0, p.exitValue(), "the corpus generator failed");
  }
}
