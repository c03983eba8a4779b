package dev.errata.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The id and language checks, written out by hand, accept exactly what their patterns describe. */
class EntryMapperTest {
  private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  @Test
  void idsAndLanguageTagsAreCheckedAsTheirPatternsSay() {
    String alphabet = "aaz09--AZ_é.";
    Random random = new Random(11);
    int kebab = 0;
    int lang = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(14);
      for (int k = 0; k < n; k++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = b.toString();
      boolean k1 = KEBAB.matcher(s).matches();
      boolean l1 = LANG.matcher(s).matches();
      assertEquals(k1, EntryMapper.isKebab(s), () -> "kebab: " + s);
      assertEquals(l1, EntryMapper.isLanguageTag(s), () -> "language tag: " + s);
      kebab += k1 ? 1 : 0;
      lang += l1 ? 1 : 0;
    }
    // Both answers must have come up often enough for the comparison to mean something.
    assertEquals(true, kebab > 1000 && lang > 1000, kebab + " ids, " + lang + " tags accepted");
    for (String ok : new String[] {"en", "zh", "pt-BR", "zh-Hans-CN", "numpy2-empty-tensors", "a", "0-1"}) {
      assertEquals(true, EntryMapper.isLanguageTag(ok) || EntryMapper.isKebab(ok), ok);
    }
  }
}
