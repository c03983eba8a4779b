package dev.errata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.site.SiteBuilder;
import dev.errata.testing.CliRun;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * errata match answers words typed, rather than an error pasted, as the site's search box does:
 * when nothing matches them confidently, with the entries word search ranks first and the words
 * each was found by, from the site's word index when it is current and from the entries else.
 */
class TypedWordsTest {
  private static void assertWordAnswers(CliRun run) {
    assertEquals(1, run.code(), run.err());
    assertTrue(run.out().startsWith("No known entry matches these words confidently; these entries have them:"), run.out());
    int first = run.out().indexOf("1. [possible]");
    assertTrue(first > 0 && run.out().indexOf("tensorrtllm-out-of-memory-creating-model-instance") > first
        && run.out().indexOf("tensorrtllm-out-of-memory-creating-model-instance") < run.out().indexOf("2. [possible]"), run.out());
    assertTrue(run.out().contains("- has the words trtllm, oom"), run.out());
    assertFalse(run.out().contains("--from-error"), "words are not a paste to draft an entry from: " + run.out());
  }

  @Test
  void typedWordsFindTheEntriesThatHaveThem(@TempDir Path dir) {
    assertWordAnswers(CliRun.of("match", "--content", "content", "--site", dir.resolve("none").toString(), "trtllm", "oom"));
    Path site = dir.resolve("site");
    new SiteBuilder(Clock.systemUTC()).build(new SiteBuilder.Options(Path.of("content"), Path.of("templates"), site));
    assertWordAnswers(CliRun.of("match", "--content", "content", "--site", site.toString(), "trtllm", "oom"));
  }

  @Test
  void aPastedErrorIsStillTheMatchersToAnswer() {
    CliRun run = CliRun.of("match", "--content", "content", "--site", "nowhere", "--json",
        "Failed to allocate memory for requested buffer: onnx runtime error 6");
    assertTrue(run.out().contains("\"symptom\" : \"onnx runtime error 6"), run.out());
    assertFalse(run.out().contains("has the word"), run.out());
  }
}
