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

  /**
   * The server's summary after a model's failure that no entry knows: the line of that failure
   * is named, the summary's entry listed as possible, the draft offered, exit 1; --json says the
   * same as {@code unexplained}.
   */
  @Test
  void aSummaryAfterAnUnknownFailureNamesThatFailure() {
    String log = "E1205 00:58:20.041182 1 model_lifecycle.cc:642] \"failed to load 'embed' version 2: Internal: "
        + "the frobnicator refused the widget\"\n"
        + "I1205 00:58:21.275292 1 server.cc:347] \"Timeout 29: Found 0 live models and 0 in-flight non-inference requests\"\n"
        + "error: creating server: Internal - failed to load all models\n";
    CliRun run = CliRun.of("match", "--color=never", log);
    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.out().startsWith("No known entry explains the failure at line 1:\n   E1205 00:58:20.041182 1 "
        + "model_lifecycle.cc:642] \"failed to load 'embed' version 2: Internal: the frobnicator refused the widget\"\n"), run.out());
    assertTrue(run.out().contains("1. [possible] Triton exits at startup with \"error: creating server: Internal - failed to load all models\""),
        run.out());
    assertTrue(run.out().contains("$ errata new --from-error"), run.out());
    CliRun json = CliRun.of("match", "--json", log);
    assertTrue(json.out().contains("\"unexplained\" : {\n    \"number\" : 1,\n    \"text\" : \"E1205 00:58:20.041182"), json.out());
  }

  @Test
  void aConfidentMatchOffersNothing() {
    CliRun run = CliRun.of("match", "--content", "src/test/resources/fixture/content",
        "in ensemble 'ens', onnx runtime error 2: not enough space: expected 1048576, got 0");
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(!run.out().contains("--from-error"), run.out());
  }
}
