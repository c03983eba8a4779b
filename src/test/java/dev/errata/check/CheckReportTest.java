package dev.errata.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.errata.testing.CliRun;
import dev.errata.testing.Golden;
import org.junit.jupiter.api.Test;

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
  void cleanContentExitsZero() {
    CliRun r = CliRun.of("check", "--content", "src/test/resources/fixture/content");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("Checked 3 entries: 0 errors, 0 warnings.\n", r.out());
  }
}
