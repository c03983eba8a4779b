package dev.errata.text;

import dev.errata.testing.ShippedRules;
import dev.errata.search.TermCounts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index build finds terms where they lie in the text ({@link Terms#scan}); queries list them
 * from tokens ({@link Terms#of}). Both must give the same terms, or a word in an entry would not
 * be found by typing it.
 */
class TermsTest {
  private static final Rules RULES = ShippedRules.get();

  private static List<String> listed(String text) {
    return Terms.of(Tokenizer.tokenize(text), RULES);
  }

  private static List<String> scanned(String text, TermTable table) {
    List<String> out = new ArrayList<>();
    Terms.scan(text, table, id -> out.add(table.term(id)));
    return out;
  }

  private static void assertSameTerms(String text, TermTable table) {
    List<String> expected = new ArrayList<>(listed(text));
    List<String> actual = scanned(text, table);
    expected.sort(null);
    actual.sort(null);
    assertEquals(expected, actual, () -> "terms of: " + text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "Failed to load model 'resnet50_gpu_0' with TYPE_FP16",
    "tritonclient.utils.InferenceServerException: [StatusCode.INTERNAL] not enough space",
    "NumPy 2.0.1 and numpy<2; driver 545.23.08, CUDA 12.6 and 1.2.3.4.5.6.7.8.9.10.11.12",
    "the THE The a_b_c __init__ x.y.z 3rd_party A-B-C llama-3.1-8b",
    "内存分配失败 mixed 中文 text 和 English",
    "İstanbul İİ ǅ Straße STRASSE ﬁle",
    "/models/resnet/1/model.plan and https://example.org/a?b=c#d",
    "",
  })
  void scanningFindsTheTermsThatListingFinds(String text) {
    assertSameTerms(text, new TermTable(new TermTable.Registry(), RULES));
  }

  @Test
  void tokensLongerThanTheCutAreTheSame() {
    String longWord = "Ab_".repeat(100) + "end";
    assertSameTerms(longWord + " " + longWord.toLowerCase(), new TermTable(new TermTable.Registry(), RULES));
  }

  @Test
  void everyShippedEntryGivesTheSameTermsBothWays() throws IOException {
    TermTable table = new TermTable(new TermTable.Registry(), RULES);
    try (Stream<Path> files = Files.walk(Path.of("content"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        assertSameTerms(Files.readString(p), table);
      }
    }
  }

  @Test
  void randomTextOfTrickyCharactersGivesTheSameTermsBothWays() {
    String alphabet = "aZq09._-+/:~@ \n\t'\"İ中文ß界é";
    Random random = new Random(42);
    TermTable table = new TermTable(new TermTable.Registry(), RULES);
    for (int i = 0; i < 3000; i++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(60);
      for (int k = 0; k < n; k++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertSameTerms(b.toString(), table);
    }
  }

  @Test
  void aTableGivesOneIdPerTermAndOneNumberAndStringPerTermAcrossTables() {
    TermTable.Registry registry = new TermTable.Registry();
    TermTable a = new TermTable(registry, RULES);
    TermTable b = new TermTable(registry, RULES);
    char[] text = "Numpy numpy NUMPY".toCharArray();
    int id = a.id(text, 0, 5);
    assertEquals(id, a.id(text, 6, 11));
    assertEquals(id, a.id(text, 12, 17));
    assertEquals(1, a.size());
    assertEquals("numpy", a.term(id));
    assertEquals(true, a.term(id) == b.term(b.id("numpy")));
    assertEquals(a.registered(id), b.registered(b.id("numpy")));
    assertEquals(false, a.registered(id) == a.registered(a.id("other")));
  }
}
