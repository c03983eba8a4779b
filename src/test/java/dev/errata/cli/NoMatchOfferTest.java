package dev.errata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.testing.CliRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** errata match with no answer offers the command that drafts the entry, and site.yml's link. */
class NoMatchOfferTest {
  @Test
  void quotesThePasteForAShellWhateverItHolds() {
    assertEquals("plain-word.txt", ShellQuote.quote("plain-word.txt"));
    assertEquals("'it'\\''s $HOME `x` \"q\"\nline two'", ShellQuote.quote("it's $HOME `x` \"q\"\nline two"));
    assertEquals("''", ShellQuote.quote(""));
  }

  @Test
  void theDraftCommandNamesTheSameInput() {
    assertEquals("errata new --from-error 'a b'\\'''", MatchCommand.draftCommand(null, List.of("a", "b'")));
    assertEquals("errata new --from-error --file 'logs/my server.log'", MatchCommand.draftCommand(Path.of("logs/my server.log"), List.of()));
    assertTrue(MatchCommand.draftCommand(null, List.of()).startsWith("errata new --from-error -"));
  }

  @Test
  void aPasteThatMatchesNothingIsOfferedTheDraftAndTheLink() {
    CliRun run = CliRun.of("match", "--content", "src/test/resources/fixture/content", "zqxv: the wombat's frobnicator is unhappy");
    assertEquals(1, run.code(), run.err());
    assertTrue(run.out().contains("$ errata new --from-error 'zqxv: the wombat'\\''s frobnicator is unhappy'"), run.out());
    assertTrue(run.out().contains("or propose it: https://git.example.org/errata/issues/new?title=zqxv%3A%20the%20wombat's"
        + "%20frobnicator%20is%20unhappy&body=zqxv%3A"), run.out());
  }

  @Test
  void aConfidentMatchOffersNothing() {
    CliRun run = CliRun.of("match", "--content", "src/test/resources/fixture/content",
        "in ensemble 'ens', onnx runtime error 2: not enough space: expected 1048576, got 0");
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(!run.out().contains("--from-error"), run.out());
  }
}
