package dev.errata;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.content.EntryLimits;
import dev.errata.markdown.MarkdownLimits;
import dev.errata.text.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** docs/limits.md states the limits the code has, and the README links to it. */
class LimitsDocTest {
  @Test
  void theDocumentStatesTheLimitsOfTheCode() throws IOException {
    String doc = Files.readString(Path.of("docs/limits.md"));
    for (String limit : List.of(
        "| size of an entry file | " + EntryLimits.MAX_FILE_BYTES / 1024 + " KiB |",
        "| size of `site.yml`, `vocabulary.yml` | " + EntryLimits.MAX_SETTINGS_BYTES / (1024 * 1024) + " MiB |",
        "| symptoms of one entry | " + EntryLimits.MAX_SYMPTOMS + " |",
        "| characters in a symptom | " + String.format(Locale.ROOT, "%,d", EntryLimits.MAX_SYMPTOM_CHARS) + " |",
        "| tag and component names | " + EntryLimits.MAX_NAME_CHARS + " characters",
        "| a phrase of `synonyms` in `matching.yml` | " + dev.errata.text.Synonyms.MAX_WORDS + " words",
        "| " + MarkdownLimits.MAX_NESTING + " levels |",
        "| " + String.format(Locale.ROOT, "%,d", MarkdownLimits.MAX_LINE_CHARS) + " characters |",
        "| " + String.format(Locale.ROOT, "%,d", MarkdownLimits.MAX_PARAGRAPH_CHARS) + " characters |",
        String.format(Locale.ROOT, "| %,d lines or %d MiB", Rules.defaults().maxLines, Rules.defaults().maxInputBytes >> 20))) {
      assertTrue(doc.contains(limit), "docs/limits.md should say " + limit);
    }
    assertTrue(Files.readString(Path.of("README.md")).contains("(docs/limits.md)"));
  }
}
