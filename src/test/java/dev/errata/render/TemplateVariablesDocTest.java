package dev.errata.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.ErrataException;
import dev.errata.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/template-variables.md is what the code gives templates, and a template error says what is missing where. */
class TemplateVariablesDocTest {
  @Test
  void theDocumentIsGeneratedFromTheCode() throws IOException {
    Golden.assertMatches(Path.of("docs/template-variables.md"), TemplateVariables.markdown());
    String doc = Files.readString(Path.of("docs/template-variables.md"));
    for (String template : TemplateVariables.PAGES.keySet()) {
      assertTrue(Files.exists(Path.of("templates", template)), template + " is a shipped template");
      assertTrue(doc.contains("## `" + template + "`"), template);
    }
    assertTrue(doc.contains("| `editUrl` | text |"), "entry fields are listed");
    assertTrue(doc.contains("| `newEntryUrl` | text |"), "site.yml fields are listed");
    assertTrue(Files.readString(Path.of("docs/site.md")).contains("(template-variables.md)"));
  }

  @Test
  void aModelThatIsNotWhatTheListSaysIsRefused() {
    Set<String> every = Set.of("site", "root", "entryCount", "path", "pageLang", "bundle", "t", "tn");
    Set<String> tags = new java.util.HashSet<>(every);
    tags.add("groups");
    TemplateVariables.check("tags.ftlh", tags);
    tags.add("extra");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> TemplateVariables.check("tags.ftlh", tags));
    assertTrue(e.getMessage().contains("docs/template-variables.md"), e.getMessage());
  }

  @Test
  void aMissingVariableIsNamedWithTheTemplateFileAndLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("entry.ftlh"), "<p>${entry.title}</p>\n<p>${entry.sourceFile}</p>\n");
    ErrataException e = assertThrows(ErrataException.class,
        () -> new Templates(dir).render("entry.ftlh", Map.of("entry", new Views.Link("a.html", "A"))));
    assertEquals(1, e.diagnostics().size());
    var d = e.diagnostics().get(0);
    assertEquals(dir.resolve("entry.ftlh").toString(), d.file());
    assertEquals(1, d.line(), "entry.title is the first thing missing: a Link has no title");
    assertTrue(d.message().contains("'entry.title' is missing"), d.message());
    assertTrue(d.hint().contains("docs/template-variables.md"), d.hint());
  }

  @Test
  void anErrorInAnImportedDefaultNamesThatTemplate(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("tags.ftlh"), "<#import \"layout.ftlh\" as l>\n<@l.page title=\"T\" root=root>x</@l.page>\n");
    ErrataException e = assertThrows(ErrataException.class,
        () -> new Templates(dir).render("tags.ftlh", Map.of("root", "", "entryCount", 1)));
    var d = e.diagnostics().get(0);
    assertEquals("(built-in template) layout.ftlh", d.file());
    // The layout's first use of a variable the model lacks: the page's language.
    assertTrue(d.line() > 0 && d.message().startsWith("'pageLang' is missing (rendering tags.ftlh)"), d.format());
  }
}
