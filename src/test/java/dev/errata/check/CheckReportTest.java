package dev.errata.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.testing.CliRun;
import dev.errata.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code errata check} over a folder of broken entries reports every problem, with lines. */
class CheckReportTest {
  private static final String BROKEN = "src/test/resources/check/broken";

  @Test
  void reportsEveryProblemInEveryFileWithLinesAndHints() {
    CliRun r = CliRun.of("check", "--content", BROKEN);
    assertEquals(3, r.code(), r.err());
    Golden.assertMatches(Golden.ROOT.resolve("check/broken.txt"), r.out());
  }

  @Test
  void bytesThatAreNotUtf8AreReportedAndAReplacementCharacterIsNot(@TempDir Path dir) throws IOException {
    String good = Files.readString(Path.of(BROKEN, "good-entry.md"));
    byte[] utf8 = good.replace("\n---\n", "\n---\nA \uFFFD stands for a lost character.\n").getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("replacement.md"), utf8);
    byte[] broken = good.getBytes(StandardCharsets.UTF_8);
    broken[broken.length - 2] = (byte) 0xC3; // starts a two-byte sequence that never ends
    Files.write(dir.resolve("latin1.md"), broken);
    CliRun r = CliRun.of("check", "--content", dir.toString());
    assertTrue(r.out().contains("latin1.md") && r.out().contains("not valid UTF-8"), r.out());
    assertEquals(1, r.out().split("not valid UTF-8", -1).length - 1, r.out());
  }

  @Test
  void anEntryReachedThroughALinkIsRead(@TempDir Path dir) throws IOException {
    Path fixture = Path.of("src/test/resources/fixture/content").toAbsolutePath();
    try (var files = Files.walk(fixture)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path link = dir.resolve(fixture.relativize(f).toString());
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, f);
      }
    }
    CliRun r = CliRun.of("check", "--content", dir.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("Checked 3 entries: 0 errors, 0 warnings.\n", r.out());
  }

  @Test
  void cleanContentExitsZero() {
    CliRun r = CliRun.of("check", "--content", "src/test/resources/fixture/content");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("Checked 3 entries: 0 errors, 0 warnings.\n", r.out());
  }

  /**
   * One run reports the problems of every kind: a YAML error in one file does not hold back the
   * field errors of another, and an entry left out for its errors still counts for the rules
   * across entries (it exists for related, and shares its id).
   */
  @Test
  void oneRunReportsYamlFieldAndCrossEntryProblemsTogether(@TempDir Path dir) throws IOException {
    String good = Files.readString(Path.of(BROKEN, "good-entry.md"));
    Files.copy(Path.of(BROKEN, "vocabulary.yml"), dir.resolve("vocabulary.yml"));
    Files.writeString(dir.resolve("yaml-broken.md"), good.replace("id: good-entry", "id: yaml-broken").replace("title: A valid entry", "title: [oops"));
    Files.writeString(dir.resolve("field-broken.md"), good.replace("id: good-entry", "id: field-broken").replace("status: confirmed", "status: confimed"));
    Files.createDirectories(dir.resolve("other"));
    Files.writeString(dir.resolve("other/field-broken.md"), good.replace("id: good-entry", "id: field-broken")
        .replace("something failed", "another thing failed"));
    Files.writeString(dir.resolve("linking.md"), good.replace("id: good-entry", "id: linking")
        .replace("something failed", "a third thing failed").replace("references:", "related: [yaml-broken, field-broken, missing-one]\nreferences:"));
    Files.writeString(dir.resolve("wrong-first.md"), good.replace("id: good-entry", "id: wrong-first")
        .replace("something failed", "a fourth thing failed").replace("match: [\"in ensemble 'x', a fourth thing failed: 3\"",
            "match: [\"in ensemble 'x', a third thing failed: 3\""));
    CliRun r = CliRun.of("check", "--content", dir.toString());
    assertEquals(3, r.code(), r.out());
    String out = r.out();
    assertTrue(out.contains("yaml-broken.md:4: error: YAML"), out);
    assertTrue(out.contains("field-broken.md:6: error: unknown status 'confimed'"), out);
    assertTrue(out.contains("other/field-broken.md:2: error: id 'field-broken' is also used by ") && out.contains("(which has errors)"), out);
    assertTrue(out.contains("related entry 'missing-one' does not exist"), out);
    assertFalse(out.contains("related entry 'yaml-broken'") || out.contains("related entry 'field-broken'"), out);
    assertTrue(out.contains("wrong-first.md:21: error: example 1 of examples.match finds 'linking' first"), out);
  }

  @Test
  void withoutAVocabularyCheckSaysOnceThatTagsAndComponentsGoUnchecked(@TempDir Path dir) throws IOException {
    Files.copy(Path.of(BROKEN, "good-entry.md"), dir.resolve("good-entry.md"));
    CliRun r = CliRun.of("check", "--content", dir.toString());
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("vocabulary.yml: warning: no vocabulary.yml, so the tags and components of the entries are not checked"), r.out());
    assertEquals(1, r.out().lines().filter(l -> l.contains("vocabulary")).count(), r.out());
  }
}
