package dev.errata.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
