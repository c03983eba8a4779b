package dev.errata.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.content.ContentLoader;
import dev.errata.model.Entry;

import dev.errata.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A builder that remembers its last build ({@code errata serve}'s) writes what a fresh builder
 * writes after edits of what it keeps: an entry's body and front matter, a template, a message
 * bundle, and the settings every entry is read with (the default language, the vocabulary).
 */
class BuildMemoryTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  @Test
  void editsOfWhatIsRememberedBuildWhatAFreshBuilderBuilds(@TempDir Path dir) throws IOException {
    Path content = dir.resolve("content");
    Path templates = dir.resolve("templates");
    Trees.copy(Path.of("content"), content);
    Trees.copy(Path.of("templates"), templates);
    // Last written an hour ago, so that the builds take the files they see unchanged without reading them.
    Trees.settle(content);
    SiteBuilder remembering = new SiteBuilder(CLOCK).remembering();
    Path site = dir.resolve("out/site");
    Map<String, String> first = same(remembering, content, templates, site, dir.resolve("fresh0/site"));

    Path entry = content.resolve("python-backend/python-backend-numpy2-empty-output-tensors.md");
    edit(entry, s -> s + "\nA sentence added to the body, with `code`.\n");
    same(remembering, content, templates, site, dir.resolve("fresh1/site"));
    edit(entry, s -> s.replaceFirst("\ntitle: \"?", "$0Edited: "));
    same(remembering, content, templates, site, dir.resolve("fresh2/site"));
    // The same size and text length, so that only the modification time tells the listing apart.
    edit(templates.resolve("entry.ftlh"), s -> s.replace("<section", "<section data-edited=\"1\""));
    Map<String, String> edited = same(remembering, content, templates, site, dir.resolve("fresh3/site"));
    assertNotEquals(first.get("entries/python-backend-numpy2-empty-output-tensors.html"),
        edited.get("entries/python-backend-numpy2-empty-output-tensors.html"));
    edit(templates.resolve("messages/en.properties"), s -> s.replace("entry.versions=Versions\n", "entry.versions=Versions edited\n"));
    same(remembering, content, templates, site, dir.resolve("fresh4/site"));
    edit(content.resolve("vocabulary.yml"), s -> s.replaceFirst("\ntags:\n", "\ntags:\n  - added-by-an-edit\n"));
    same(remembering, content, templates, site, dir.resolve("fresh5/site"));
    Files.writeString(content.resolve("site.yml"), Files.readString(content.resolve("site.yml")) + "\ndefault_lang: zh\n");
    same(remembering, content, templates, site, dir.resolve("fresh6/site"));
  }

  @Test
  void aFileThatLooksAsTheLastLoadSawItIsNotReadAgain(@TempDir Path dir) throws IOException {
    Path content = dir.resolve("content");
    Trees.copy(Path.of("content"), content);
    Trees.settle(content);
    BuildMemory memory = new BuildMemory();
    List<Entry> first = load(memory, content, new java.util.HashSet<>());
    Set<Path> taken = new java.util.HashSet<>();
    List<Entry> second = load(memory, content, taken);
    assertEquals(first.size(), taken.size(), "every file is taken unread");
    for (int i = 0; i < first.size(); i++) {
      assertSame(first.get(i), second.get(i));
    }

    // Edited: read again, and only it; its entry is the new text's.
    Path edited = content.resolve(first.get(3).source().contentPath());
    edit(edited, s -> s + "\nA sentence added.\n");
    taken.clear();
    List<Entry> third = load(memory, content, taken);
    assertEquals(first.size() - 1, taken.size());
    assertTrue(!taken.contains(edited) && third.get(3) != first.get(3) && third.get(3).body().text().endsWith("A sentence added.\n"));
    // Written just now, so not yet trusted: read once more (and found equal, so the same entry).
    taken.clear();
    assertSame(third.get(3), load(memory, content, taken).get(3));
    assertTrue(!taken.contains(edited));

    // Another vocabulary: every file's entry is made under it, none taken.
    edit(content.resolve("vocabulary.yml"), s -> s.replaceFirst("\ntags:\n", "\ntags:\n  - added-by-an-edit\n"));
    taken.clear();
    load(memory, content, taken);
    assertEquals(Set.of(), taken);
  }

  /** One load with {@code memory}, as a build of it starts one; {@code taken} gets the files it took unread. */
  private static List<Entry> load(BuildMemory memory, Path content, Set<Path> taken) {
    memory.begin();
    ContentLoader.Results noting = new ContentLoader.Results() {
      @Override
      public ContentLoader.FileResult unchanged(ContentLoader.FileAt at) {
        ContentLoader.FileResult r = memory.unchanged(at);
        if (r != null) {
          synchronized (taken) {
            taken.add(at.file());
          }
        }
        return r;
      }

      @Override
      public ContentLoader.FileResult file(ContentLoader.FileAt at, ContentLoader.FileInput input,
          java.util.function.Supplier<ContentLoader.FileResult> parse) {
        return memory.file(at, input, parse);
      }
    };
    return new ContentLoader(noting).load(content).knowledgeBase().entries();
  }

  private static Map<String, String> same(SiteBuilder remembering, Path content, Path templates, Path site, Path fresh) {
    remembering.build(new SiteBuilder.Options(content, templates, site));
    new SiteBuilder(CLOCK).build(new SiteBuilder.Options(content, templates, fresh, true));
    Map<String, String> expected = Trees.read(fresh);
    assertEquals(expected, Trees.read(site));
    return expected;
  }

  private static void edit(Path f, UnaryOperator<String> change) throws IOException {
    String before = Files.readString(f);
    String after = change.apply(before);
    assertNotEquals(before, after, f + " unchanged");
    Files.writeString(f, after);
  }
}
