package dev.errata.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.errata.testing.GeneratedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines of front-matter keys, and the shortcut that answers "not there" without parsing. */
class YamlLinesTest {
  private static int line(String yaml, String pointer) {
    return new YamlLines(new YAMLFactory(), yaml).exact(pointer);
  }

  @Test
  void keysAreFoundWhereverTheWordAlsoAppearsAsText() {
    String yaml = "id: x\nsummary: \"the examples: and references here\"\nexamples:\n  match: [a]\n";
    assertEquals(3, line(yaml, "/examples"));
    assertEquals(4, line(yaml, "/examples/match"));
    assertEquals(0, line(yaml, "/references"));
    assertEquals(1, line(yaml, ""));
  }

  @Test
  void quotedFlowAndSpacedKeysCountAsKeys() {
    assertEquals(2, line("id: x\n\"examples\": {match: [a]}\n", "/examples"));
    assertEquals(1, line("{id: x, examples: {match: [a]}}\n", "/examples"));
    assertEquals(2, line("id: x\nexamples :\n  match: [a]\n", "/examples"));
  }

  /**
   * In front matter that SimpleYaml reads, a top-level key's line is found by its name at the
   * start of a line: the same line as the positions Jackson reads, for every key of the shipped,
   * fixture and generated entries, and none for keys that are not there.
   */
  @Test
  void topLevelKeysOfSimpleFrontMatterAreFoundOnTheLinesJacksonReads(@TempDir Path dir) throws IOException, InterruptedException {
    Path generated = dir.resolve("generated");
    GeneratedCorpus.write(200, generated);
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Path.of("content"), Path.of("src/test/resources/fixture/content"), generated)) {
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(f -> f.toString().endsWith(".md")).forEach(files::add);
      }
    }
    int compared = 0;
    for (Path f : files) {
      java.util.Optional<FrontMatter> fm = FrontMatter.split(Files.readString(f), new StringBuilder());
      if (fm.isEmpty() || SimpleYaml.entry(fm.get().yaml()).isEmpty()) {
        continue;
      }
      String yaml = fm.get().yaml();
      YamlLines fast = new YamlLines(new YAMLFactory(), yaml, true);
      YamlLines read = new YamlLines(new YAMLFactory(), yaml, false);
      List<String> names = new ArrayList<>(List.of("examples", "references", "related", "fixes", "nope", "summary"));
      for (String line : yaml.split("\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && !line.startsWith(" ") && !line.startsWith("-")) {
          names.add(line.substring(0, colon));
        }
      }
      for (String name : names) {
        assertEquals(read.exact("/" + name), fast.exact("/" + name), f + ": " + name);
        compared++;
      }
    }
    assertTrue(compared > 2000, "keys compared: " + compared);
  }

  @Test
  void aWordThatIsNoKeyNeedsNoParse() {
    assertEquals(false, YamlLines.mayBeKey("summary: see the examples below\n", "examples"));
    assertEquals(true, YamlLines.mayBeKey("summary: see\nexamples: []\n", "examples"));
    assertEquals(true, YamlLines.mayBeKey("'examples' : []\n", "examples"));
    assertEquals(false, YamlLines.mayBeKey("", "examples"));
  }
}
