package dev.errata.workspace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.site.SiteBuilder;
import dev.errata.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the commands may answer from the index a build wrote, and the look at the content taken ahead. */
class WorkspaceTest {
  static final Path FIXTURE = Path.of("src/test/resources/fixture/content");

  private static Path built(Path dir) throws IOException {
    Path content = dir.resolve("content");
    Trees.copy(FIXTURE, content);
    new SiteBuilder(Clock.systemUTC()).build(new SiteBuilder.Options(content, Path.of("templates"), dir.resolve("site")));
    return content;
  }

  private static void edit(Path content) throws IOException {
    try (Stream<Path> files = Files.walk(content)) {
      Path entry = files.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
      Files.writeString(entry, Files.readString(entry) + "\nOne more line.\n");
    }
  }

  @Test
  void theBuiltIndexAnswersWhileTheContentIsAsBuilt(@TempDir Path dir) throws IOException {
    Path content = built(dir);
    assertTrue(Workspace.of(content, dir.resolve("site")).prebuiltIndex().isPresent());
    edit(content);
    assertFalse(Workspace.of(content, dir.resolve("site")).prebuiltIndex().isPresent(), "an edited entry makes it stale");
  }

  /** The rules a build kept are read with its index, ahead of the look; a stale index's are not used. */
  @Test
  void theRulesAreTheContentsOwnOnceTheIndexIsStale(@TempDir Path dir) throws IOException {
    Path content = built(dir);
    Path site = dir.resolve("site");
    String line = "ledger: journal checksum mismatch at block 7";
    Workspace.lookAhead(content);
    assertFalse(Workspace.of(content, site).rules().reportsFailure(line));
    Path matching = content.resolve("matching.yml");
    String before = Files.exists(matching) ? Files.readString(matching) + "\n" : "";
    Files.writeString(matching, before + "failure_lines:\n  - pattern: '^ledger: journal checksum mismatch'\n"
        + "    example: '" + line + "'\n");
    Workspace.lookAhead(content);
    Workspace stale = Workspace.of(content, site);
    assertTrue(stale.rules().reportsFailure(line), "the content's matching.yml, not the rules the build kept");
    assertFalse(stale.prebuiltIndex().isPresent());
  }

  @Test
  void aLookAheadServesItsOwnFolderOnce(@TempDir Path dir) throws Exception {
    Path content = built(dir);
    Path site = dir.resolve("site");
    // A look at another folder (another state of the content) is not taken for this one's.
    Path other = dir.resolve("other");
    Trees.copy(content, other);
    edit(other);
    Workspace.lookAhead(other);
    assertTrue(Workspace.of(content, site).prebuiltIndex().isPresent());

    // Taken before an edit, it answers for the content as it was when the command started...
    Workspace.lookAhead(content).get();
    edit(content);
    assertTrue(Workspace.of(content, site).prebuiltIndex().isPresent(), "the look ahead was used");
    // ...and only for that command: the next looks again and finds the edit.
    assertFalse(Workspace.of(content, site).prebuiltIndex().isPresent());
  }
}
