package dev.errata.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interface's message bundles: complete when shipped, reported when a team's file lacks keys. */
class MessagesTest {

  @Test
  void shippedBundlesAreTheFilesOfTheMessagesFolder() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("templates", Messages.FOLDER))) {
      assertEquals(Messages.SHIPPED, files.map(f -> f.getFileName().toString().replace(".properties", "")).sorted().toList());
    }
  }

  @Test
  void shippedBundlesHaveEveryKey() {
    Messages m = Messages.load(null);
    assertEquals(List.of(), m.problems());
    assertEquals(Set.of("en", "zh"), m.languages());
    // Chinese says every word itself: no value is left as the English one, except names.
    Map<String, String> en = m.of("en");
    Map<String, String> zh = m.of("zh");
    assertEquals(en.keySet(), zh.keySet());
    List<String> same = en.keySet().stream().filter(k -> en.get(k).equals(zh.get(k)) && en.get(k).matches(".*[a-z]{3,}.*"))
        .toList();
    assertEquals(List.of(), same, "Chinese words still in English");
  }

  @Test
  void reportsKeysMissingFromATeamsBundleNamingFileAndKey(@TempDir Path templates) throws IOException {
    Path fr = write(templates, "fr.properties", "entry.symptoms=Messages d'erreur\nentry.cause=Cause\n");
    Messages m = Messages.load(templates);
    List<Diagnostic> problems = m.problems();
    assertFalse(problems.isEmpty());
    assertTrue(problems.stream().allMatch(d -> d.file().equals(fr.toString()) && !d.isError()), problems.toString());
    assertTrue(problems.stream().anyMatch(d -> d.message().equals(
        "no message 'entry.fix'; pages in fr show the English words instead")), problems.toString());
    assertTrue(problems.stream().noneMatch(d -> d.message().contains("'entry.symptoms'")), problems.toString());
    int english = Messages.load(null).of("en").size();
    assertEquals(english - 2, problems.size(), "one warning per missing key");
    // Missing words are English; present ones are the team's.
    assertEquals("Messages d'erreur", m.of("fr").get("entry.symptoms"));
    assertEquals("Fix", m.of("fr").get("entry.fix"));
  }

  @Test
  void reportsUnknownKeysWithTheirLine(@TempDir Path templates) throws IOException {
    Path zh = write(templates, "zh.properties", "# ours\nentry.symptoms=错误信息\nentry.symptom=拼错了\n");
    Messages m = Messages.load(templates);
    assertEquals(List.of(Diagnostic.warning(zh.toString(), 3, "unknown message 'entry.symptom'; no page shows it",
        "check its spelling against templates/messages/en.properties in the documentation")), m.problems());
    assertEquals("错误信息", m.of("zh").get("entry.symptoms"), "a team's file replaces words of a shipped language");
    assertEquals("原因", m.of("zh").get("entry.cause"), "and keeps the others");
  }

  @Test
  void aLanguageFallsBackToItsBaseThenToEnglish() {
    Messages m = Messages.load(null);
    assertEquals("zh", m.bundleFor("zh-TW"));
    assertEquals("原因", m.of("zh-TW").get("entry.cause"));
    assertEquals("en", m.bundleFor("fr"));
    assertEquals("Cause", m.of("fr").get("entry.cause"));
    List<Diagnostic> missing = m.missingLanguages(Set.of("en", "zh-TW", "fr"), "content/site.yml");
    assertEquals(1, missing.size(), missing.toString());
    assertTrue(missing.get(0).message().contains("'fr'"), missing.toString());
    assertTrue(missing.get(0).hint().contains("templates/messages/fr.properties"), missing.toString());
  }

  @Test
  void scriptWordsAreAnAsciiScriptOfTheJsKeysOnly() {
    String zh = new String(Messages.load(null).script("zh"), StandardCharsets.UTF_8);
    assertTrue(zh.chars().allMatch(c -> c < 0x80), "ASCII, whatever the language");
    assertTrue(zh.contains("window.ErrataMessages = {"), zh);
    assertTrue(zh.contains("\"copy\": \"\\u590d\\u5236\""), zh);
    assertFalse(zh.contains("entry.symptoms"), "page words are not shipped to the browser");
  }

  @Test
  void placeholdersAreFilledAndUnknownOnesKept() {
    assertEquals("3 entries, with the versions of numpy each concerns.",
        Say.format("{0} entries, with the versions of {1} each concerns.", List.of(3, "numpy")));
    assertEquals("a {2} {x} {", Say.format("a {2} {x} {", List.of("b")));
  }

  private static Path write(Path templates, String name, String text) throws IOException {
    Path dir = templates.resolve(Messages.FOLDER);
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
