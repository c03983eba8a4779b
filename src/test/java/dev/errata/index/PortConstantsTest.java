package dev.errata.index;

import dev.errata.testing.ShippedRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errata.match.MatchIndex;
import dev.errata.match.Template;
import dev.errata.model.KnowledgeBase;
import dev.errata.search.WordIndex;
import dev.errata.text.Rules;
import dev.errata.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each number the browser's port ranks with is written once, in Java: the JavaScript reads it
 * from the manifest as {@code K.Class.NAME}, every such name is a constant the manifest carries,
 * and the scripts that rank write no number of their own.
 */
class PortConstantsTest {
  static final Path ASSETS = Path.of("templates/assets");
  /** {@code K.Class.NAME}, or {@code K.Class} alone, which would hide the names from this test. */
  static final Pattern REFERENCE = Pattern.compile("(?<![\\w$.])K\\.(\\w+)(?:\\.(\\w+))?");
  static final Pattern NUMBER = Pattern.compile(
      "(?<![\\w$.])(0[xX][0-9a-fA-F]+|\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?|\\.\\d+(?:[eE][-+]?\\d+)?)(?![\\w$])");

  static List<Path> engineScripts() throws IOException {
    try (Stream<Path> s = Files.list(ASSETS)) {
      return s.filter(p -> p.getFileName().toString().matches("errata-[a-z]+\\.js")).sorted().toList();
    }
  }

  @Test
  void everyConstantTheScriptsReadIsAConstantOfAPortedClass() throws IOException {
    Map<String, ? extends Map<String, Number>> all = PortConstants.all();
    List<String> wrong = new ArrayList<>();
    Set<String> read = new TreeSet<>();
    for (Path js : engineScripts()) {
      Matcher m = REFERENCE.matcher(code(Files.readString(js, StandardCharsets.UTF_8)));
      while (m.find()) {
        String cls = m.group(1);
        String name = m.group(2);
        if (name == null) {
          wrong.add(js.getFileName() + ": K." + cls + " without a constant's name");
        } else if (!all.containsKey(cls) || !all.get(cls).containsKey(name)) {
          wrong.add(js.getFileName() + ": K." + cls + "." + name + " is not a public constant of a ported class"
              + " (PortConstants.PORTED), so the manifest does not carry it");
        } else {
          read.add(cls + "." + name);
        }
      }
    }
    assertEquals(List.of(), wrong);
    assertTrue(read.size() > 60, "the scripts read only " + read);
  }

  @Test
  void theManifestCarriesEveryConstantAndTheSlotNames() throws IOException {
    Path content = Path.of("src/test/resources/fixture/content");
    Workspace ws = Workspace.of(content, null);
    KnowledgeBase kb = ws.knowledgeBase();
    IndexPart part = new SearchIndexWriter().manifest(kb, SearchIndexWriter.Shape.of(MatchIndex.build(kb, ShippedRules.get())),
        ws.words(WordIndex.Weights.SEARCH), ShippedRules.get());
    String script = new String(part.bytes(), StandardCharsets.UTF_8);
    assertTrue(script.startsWith("errataIndex(\"manifest\",") && script.endsWith(");\n"), script);
    JsonNode manifest = new ObjectMapper().readTree(script.substring("errataIndex(\"manifest\",".length(), script.length() - 3));

    Map<String, Map<String, Double>> written = new TreeMap<>();
    manifest.get("constants").fields().forEachRemaining(c -> {
      Map<String, Double> values = new TreeMap<>();
      c.getValue().fields().forEachRemaining(v -> values.put(v.getKey(), v.getValue().doubleValue()));
      written.put(c.getKey(), values);
    });
    Map<String, Map<String, Double>> java = new TreeMap<>();
    PortConstants.all().forEach((c, values) -> {
      Map<String, Double> d = new TreeMap<>();
      values.forEach((k, v) -> d.put(k, v.doubleValue()));
      java.put(c, d);
    });
    assertEquals(java, written);
    assertEquals(0.25, written.get("Aligner").get("INSERT"));
    assertEquals(Arrays.stream(Template.Slot.values()).map(Enum::name).toList(),
        new ObjectMapper().convertValue(manifest.get("slots"), List.class));
    assertFalse(manifest.has("scale"), "the posting scale is a constant now: constants.Posting.SCALE");
  }

  /**
   * The scripts that rank write no number but 0 and 1: every other one is a Java constant read
   * from the manifest. The matcher also turns fractions into per cent and scores into
   * thousandths for display, as Matcher.explain does; word search's edit distance looks two
   * characters back for a swap.
   */
  @ParameterizedTest
  @CsvSource({"errata-match.js, 0 1 100 1000", "errata-search.js, 0 1 2"})
  void theRankingScriptsWriteNoNumberOfTheirOwn(String file, String allowed) throws IOException {
    Set<Double> ok = new TreeSet<>();
    for (String a : allowed.split(" ")) {
      ok.add(Double.parseDouble(a));
    }
    String code = code(Files.readString(ASSETS.resolve(file), StandardCharsets.UTF_8));
    List<String> found = new ArrayList<>();
    String[] lines = code.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = NUMBER.matcher(lines[i]);
      while (m.find()) {
        String n = m.group(1);
        double v = n.startsWith("0x") || n.startsWith("0X") ? Long.parseLong(n.substring(2), 16) : Double.parseDouble(n);
        if (!ok.contains(v)) {
          found.add(file + ":" + (i + 1) + ": " + n + " in: " + lines[i].strip());
        }
      }
    }
    assertEquals(List.of(), found, "a number in a script that ranks: make it a public constant of the Java class that"
        + " uses it and read it as K.Class.NAME");
  }

  @Test
  void commentsStringsAndRegularExpressionsAreNotCode() {
    String js = "var a = 2; // 3\n/* 4 */ b = \"5\" + '6' + x / 7 + y.split(/[8]/) + f(/9/); return /10/.test(s);";
    String code = code(js);
    Matcher m = NUMBER.matcher(code);
    List<String> numbers = new ArrayList<>();
    while (m.find()) {
      numbers.add(m.group(1));
    }
    assertEquals(List.of("2", "7"), numbers, code);
  }

  /**
   * The code of a script with comments, strings and regular expression literals blanked out
   * (line breaks kept, so line numbers stay). A slash starts a regular expression where an
   * operand is expected: after an operator, an opening bracket, a comma or {@code return}.
   */
  static String code(String js) {
    StringBuilder out = new StringBuilder(js.length());
    int n = js.length();
    int i = 0;
    while (i < n) {
      char c = js.charAt(i);
      if (c == '/' && i + 1 < n && js.charAt(i + 1) == '/') {
        while (i < n && js.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && js.charAt(i + 1) == '*') {
        int end = js.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        appendBreaks(js, i, end, out);
        i = end;
      } else if (c == '"' || c == '\'' || c == '`' || (c == '/' && operandExpected(out))) {
        int j = i + 1;
        boolean inClass = false;
        while (j < n) {
          char d = js.charAt(j);
          if (d == '\\') {
            j += 2;
            continue;
          }
          if (c == '/' && d == '[') {
            inClass = true;
          } else if (c == '/' && d == ']') {
            inClass = false;
          } else if (d == c && !inClass) {
            break;
          }
          j++;
        }
        j = Math.min(n, j + 1);
        out.append(c == '/' ? " /re/ " : " \"\" ");
        appendBreaks(js, i, j, out);
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean operandExpected(StringBuilder before) {
    int k = before.length() - 1;
    while (k >= 0 && Character.isWhitespace(before.charAt(k))) {
      k--;
    }
    if (k < 0) {
      return true;
    }
    char p = before.charAt(k);
    if ("(,=:[!&|?{};+-*%<>~^".indexOf(p) >= 0) {
      return true;
    }
    String tail = before.substring(Math.max(0, k - 5), k + 1);
    return tail.endsWith("return") || tail.endsWith("typeof");
  }

  private static void appendBreaks(String js, int from, int to, StringBuilder out) {
    for (int k = from; k < to; k++) {
      if (js.charAt(k) == '\n') {
        out.append('\n');
      }
    }
  }
}
