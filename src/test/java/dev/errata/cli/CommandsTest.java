package dev.errata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.testing.CliRun;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A run that names a command gets that command only (picocli's reading of every command's
 * annotations was a tenth of a second of each start); anything else gets all of them, so help,
 * help of a command and suggestions for a misspelt one read as before.
 */
class CommandsTest {
  private static Set<String> added(String... args) {
    PrintWriter w = new PrintWriter(new StringWriter());
    CommandLine cmd = Cli.create(args, w, w, new ByteArrayInputStream(new byte[0]));
    return cmd.getSubcommands().keySet();
  }

  @Test
  void aNamedCommandIsTheOnlyOneAdded() {
    assertEquals(Set.of("build"), added("build", "--content", "x"));
    assertEquals(Set.of("match"), added("--verbose", "match", "some text"));
  }

  @Test
  void helpNoCommandAndUnknownWordsGetThemAll() {
    Set<String> all = Set.of("init", "new", "build", "check", "match", "show", "serve", "eval", "completion", "help");
    assertEquals(all, added());
    assertEquals(all, added("--help"));
    assertEquals(all, added("help", "build"));
    assertEquals(all, added("bild"));
    assertEquals(all, added("--", "build"));
    assertNull(Cli.commandName(new String[] {"help", "match"}));
  }

  @Test
  void helpAndSuggestionsStillReachEveryCommand() {
    CliRun help = CliRun.of("--help");
    for (String name : new String[] {"init", "new", "build", "check", "match", "show", "serve", "eval", "completion"}) {
      assertTrue(help.out().contains("  " + name + " "), name + " in\n" + help.out());
    }
    CliRun buildHelp = CliRun.of("help", "build");
    assertEquals(0, buildHelp.code(), buildHelp.err());
    assertTrue(buildHelp.out().contains("--content"), buildHelp.out());
    CliRun typo = CliRun.of("bild");
    assertEquals(2, typo.code());
    assertTrue(typo.err().contains("build"), typo.err());
  }

  @Test
  void theLookAheadReadsTheContentFolderAsPicocliWill() {
    assertEquals("content", MatchCommand.contentNamed(new String[] {"match", "not enough space"}));
    assertEquals("kb", MatchCommand.contentNamed(new String[] {"match", "--content", "kb", "--json", "text"}));
    assertEquals("kb", MatchCommand.contentNamed(new String[] {"--verbose", "match", "--content=kb"}));
    assertEquals("content", MatchCommand.contentNamed(new String[] {"match", "--", "--content", "kb"}), "after --, text");
  }

  @Test
  void theNamesWrittenOutAreTheAnnotations() {
    Cli.COMMANDS.forEach((name, c) -> assertEquals(name, c.getAnnotation(CommandLine.Command.class).name()));
  }
}
