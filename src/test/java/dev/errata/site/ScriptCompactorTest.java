package dev.errata.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What ScriptCompactor keeps and drops. That the shipped scripts still work compacted is pinned
 * where they run: the parity tests and the browser tests load them from a built site.
 */
class ScriptCompactorTest {

  @Test
  void dropsCommentsIndentationAndBlankLinesButKeepsLineBreaks() {
    String js = "// about\n(function () {\n\n  /** doc */\n  var a = 1; // one\n  var b = a\n  return b;\n})();\n";
    assertEquals("(function () {\nvar a = 1;\nvar b = a\nreturn b;\n})();\n", ScriptCompactor.compact(js));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "a string holding comment openers | var u = \"http://x/*y*/\"; // c | var u = \"http://x/*y*/\";",
      "a pattern holding slashes and quotes | var r = /\\/\\/'\"[/]/g; // c | var r = /\\/\\/'\"[/]/g;",
      "a pattern after return | return /a\\/\\/b/.test(s); // c | return /a\\/\\/b/.test(s);",
      "a pattern after an if's head | if (x) /\\/\\//.test(s); // c | if (x) /\\/\\//.test(s);",
      "a division after a call's parentheses | var h = f(a + b) / 2; // half | var h = f(a + b) / 2;",
      "a division after a grouping and a pattern's flags | x = (a) / /b/g.length / 2; // c | x = (a) / /b/g.length / 2;",
      "divisions after brackets, names and numbers | x = a[1] / b / 2.5 // c | x = a[1] / b / 2.5",
      "a division after a postfix increment | x = a++ / 2 // c | x = a++ / 2",
      "a pattern after a block | if (a) { b(); } /c\\/\\//.test(d) | if (a) { b(); } /c\\/\\//.test(d)",
      "a division after a property of an object literal | var n = {a: 1}.a / 2 // c | var n = {a: 1}.a / 2",
      "a template literal with code inside | s = `//${ {a: '/*'}.a }/x` // c | s = `//${ {a: '/*'}.a }/x`",
      "a comment inside a line | a = 1 /* one */ + 2; | a = 1   + 2;",
      "a licence comment | /*! MIT */ var a; | /*! MIT */ var a;",
  })
  void keepsWhatIsNotAComment(String what, String js, String expected) {
    assertEquals(expected + "\n", ScriptCompactor.compact(js), what);
  }

  @Test
  void aCommentAcrossLinesStillEndsTheLine() {
    // "return" then a line break returns undefined; the compacted script must too.
    assertEquals("return\na;\n", ScriptCompactor.compact("return /* not\n the value */ a;\n"));
  }

  @Test
  void aLineCommentEndsAtEveryLineTerminatorJavaScriptKnows() {
    assertEquals("a = 1; \rb = 2;\n", ScriptCompactor.compact("a = 1; // one\rb = 2;\n"), "a lone carriage return");
    assertEquals("a = 1; \u2028b = 2;\n", ScriptCompactor.compact("a = 1; // one\u2028b = 2;\n"), "a line separator");
    assertEquals("return\na;\n", ScriptCompactor.compact("return /* x\r */ a;\n"), "a block comment across a carriage return");
  }

  @Test
  void aStringContinuedOnTheNextLineKeepsItsSpaces() {
    assertEquals("var s = 'a\\\n   b';\n", ScriptCompactor.compact("  var s = 'a\\\n   b';\n"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "an unterminated string | var s = 'abc",
      "an unterminated comment | a(); /* b",
      "an unterminated pattern | x = /abc",
      "an unterminated template | x = `a${b}",
      "a slash after a word that may be a name, before a quote | for (var x of /'/.exec(s)) {}",
  })
  void givesUpWhenItCannotBeSure(String what, String js) {
    assertNull(ScriptCompactor.compact(js), what);
  }

  @Test
  void aMinifiedScriptOfOneLongLineIsReadInLinearTime() {
    // Each slash after an unmatched parenthesis is open to both readings and asks whether a quote
    // follows on the line; looking at the rest of the line each time would take hours here.
    String line = ")/b,".repeat(1_000_000) + "'x'";
    assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> assertTrue(ScriptCompactor.compact(line) == null));
    String clean = "x = a" + ")/b".repeat(1_000_000) + ";\n";
    assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> assertTrue(clean.equals(ScriptCompactor.compact(clean))));
  }

  @Test
  void everyShippedScriptCompactsAndTheyShrinkByAQuarter() throws IOException {
    int before = 0;
    int after = 0;
    for (String name : Assets.DEFAULTS) {
      if (!name.endsWith(".js")) {
        continue;
      }
      String js = Files.readString(Path.of("templates/assets", name));
      String compact = ScriptCompactor.compact(js);
      assertNotNull(compact, name + " was not compacted");
      assertTrue(gzip(compact) < gzip(js), name);
      before += gzip(js);
      after += gzip(compact);
    }
    assertTrue(after <= 0.75 * before, after + " of " + before + " bytes gzip");
  }

  private static int gzip(String s) throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var z = new java.util.zip.GZIPOutputStream(bytes)) {
      z.write(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return bytes.size();
  }
}
