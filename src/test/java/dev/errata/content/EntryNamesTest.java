package dev.errata.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.model.Entry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An entry's names (as messages show its file, and inside the content folder) are made from the
 * text of the path the walk found, not by path operations: they are the names those operations
 * give, however the content folder is spelt.
 */
class EntryNamesTest {
  @Test
  void theNamesAreThoseOfThePathOperationsForEverySpellingOfTheFolder() {
    List<Path> spellings = List.of(Path.of("content"), Path.of("./content"), Path.of("content").toAbsolutePath(),
        Path.of("src/../content"), Path.of("content/"));
    List<String> inside = null;
    for (Path root : spellings) {
      List<Entry> entries = new ContentLoader().load(root).knowledgeBase().entries();
      assertTrue(entries.size() > 10, root + ": " + entries.size());
      for (Entry e : entries) {
        Path file = root.resolve(e.source().contentPath());
        assertEquals(ContentLoader.contentPath(root, file), e.source().contentPath(), root + " " + file);
        assertEquals(ContentLoader.display(file), e.source().path(), root + " " + file);
      }
      List<String> these = entries.stream().map(e -> e.source().contentPath()).toList();
      if (inside != null) {
        assertEquals(inside, these, root.toString());
      }
      inside = these;
    }
    assertTrue(inside.stream().anyMatch(p -> p.contains("/")), "no entry in a subfolder: " + inside);
  }
}
