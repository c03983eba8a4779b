package dev.errata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code errata check} reports the keys a team's message bundle lacks, and languages without one. */
class CheckLanguagesTest {
  static final String KB = "src/test/resources/i18n/content";

  @Test
  void shippedBundlesAndTheChineseKnowledgeBaseCheckClean() {
    CliRun run = CliRun.of("check", "--content", KB, "--templates", "templates");
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("Checked 3 entries: 0 errors, 0 warnings."), run.out());
  }

  @Test
  void aBundleWithMissingKeysIsReportedWithItsFileAndKeys(@TempDir Path templates) throws IOException {
    Path fr = templates.resolve("messages/fr.properties");
    Files.createDirectories(fr.getParent());
    Files.writeString(fr, "entry.cause=Cause\n");
    CliRun run = CliRun.of("check", "--content", KB, "--templates", templates.toString());
    assertEquals(0, run.code(), "warnings only: " + run.out() + run.err());
    assertTrue(run.out().contains(fr + ": warning: no message 'entry.fix'; pages in fr show the English words instead"
        + " (add the line entry.fix=... (the English: Fix))"), run.out());
  }

  @Test
  void anEntryLanguageWithoutABundleIsReported(@TempDir Path tmp) throws IOException {
    Path content = tmp.resolve("content");
    Files.createDirectories(content);
    Files.writeString(content.resolve("site.yml"), "title: T\ndefault_lang: fr\n");
    CliRun run = CliRun.of("check", "--content", content.toString(), "--templates", tmp.resolve("none").toString());
    assertTrue(run.out().contains("no message bundle for language 'fr'"), run.out());
  }
}
