package dev.errata.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.search.WordIndex;
import dev.errata.search.WordSearch;
import dev.errata.site.SiteBuilder;
import dev.errata.testing.ShippedRules;
import dev.errata.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The word index read back from a built site, only the parts a query needs, answers every query
 * as the whole index counted from the entries does: the same entries, scores and found terms.
 */
class SiteWordsTest {
  @TempDir static Path dir;
  static Path site;

  @BeforeAll
  static void build() throws IOException {
    site = dir.resolve("site");
    new SiteBuilder(Clock.systemUTC()).build(new SiteBuilder.Options(Path.of("content"), Path.of("templates"), site));
  }

  @Test
  void theNeededPartsAnswerAsTheWholeIndex() throws IOException {
    WordIndex whole = Workspace.of(Path.of("content"), null).words(WordIndex.Weights.SEARCH);
    SiteWords read = SiteWords.open(site).orElseThrow();
    for (String q : List.of("numpy", "numpy 2", "nump", "shared memry", "\"not enough space\"", "trtllm oom", "k8s probe",
        "kubern", "cuda out of memory", "model_config.pbtxt", "2.1.0", "\u5185\u5b58\u5206\u914d", "xyzzy", "t")) {
      List<WordSearch.Clause> clauses = WordSearch.parse(q, ShippedRules.get());
      WordIndex partial = read.forQuery(clauses);
      assertTrue(partial.postings().size() < whole.postings().size() / 2 || clauses.isEmpty(),
          q + ": only some parts read, " + partial.postings().size() + " of " + whole.postings().size() + " terms");
      assertEquals(new WordSearch(whole, ShippedRules.get()).search(q), new WordSearch(partial, ShippedRules.get()).search(q), q);
    }
  }

  @Test
  void aSiteWithoutAReadableManifestHasNone() throws IOException {
    assertFalse(SiteWords.open(dir.resolve("nowhere")).isPresent());
    Path broken = dir.resolve("broken");
    Files.createDirectories(broken.resolve("search"));
    Files.writeString(broken.resolve(SiteWords.MANIFEST), "errataIndex(\"manifest\",{\"schema\":6});");
    assertFalse(SiteWords.open(broken).isPresent());
  }
}
