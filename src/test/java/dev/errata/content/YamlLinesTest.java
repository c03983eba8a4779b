package dev.errata.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

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

  @Test
  void aWordThatIsNoKeyNeedsNoParse() {
    assertEquals(false, YamlLines.mayBeKey("summary: see the examples below\n", "examples"));
    assertEquals(true, YamlLines.mayBeKey("summary: see\nexamples: []\n", "examples"));
    assertEquals(true, YamlLines.mayBeKey("'examples' : []\n", "examples"));
    assertEquals(false, YamlLines.mayBeKey("", "examples"));
  }
}
