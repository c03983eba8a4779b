package dev.errata.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NumberListTest {
  @Test
  void smallNumbersTakeOneCharacterAndLargerOnesMore() {
    assertEquals("0", new NumberList().add(0).toString());
    assertEquals("1v", new NumberList().add(1).add(31).toString());
    // 32 = 1 * 32 + 0; 19771 = 19 * 1024 + 9 * 32 + 27.
    assertEquals("B0", new NumberList().add(32).toString());
    assertEquals("TJr", new NumberList().add(19771).toString());
  }

  @Test
  void everyListReadsBackAsWritten() {
    Random r = new Random(7);
    for (int round = 0; round < 1000; round++) {
      int[] numbers = new int[r.nextInt(20)];
      NumberList list = new NumberList();
      for (int i = 0; i < numbers.length; i++) {
        int bits = r.nextInt(32);
        numbers[i] = bits == 31 ? Integer.MAX_VALUE - r.nextInt(3) : r.nextInt(1 << bits);
        list.add(numbers[i]);
      }
      assertArrayEquals(numbers, NumberList.decode(list.toString()), list.toString());
      assertEquals("\"" + list + "\"", json(list), "as the index writes it");
    }
  }

  private static String json(NumberList list) {
    java.io.StringWriter out = new java.io.StringWriter();
    try (com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
      list.write(g);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  @Test
  void itsCharactersNeedNoEscapingInJson() {
    for (char c : (NumberList.LAST + NumberList.LEADING).toCharArray()) {
      assertEquals(false, c == '"' || c == '\\' || c < 0x20, "character " + c);
    }
    assertEquals(64, (NumberList.LAST + NumberList.LEADING).chars().distinct().count());
  }

  @Test
  void aNegativeNumberOrACutListIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new NumberList().add(-1));
    assertThrows(IllegalArgumentException.class, () -> NumberList.decode("1B"));
    assertThrows(IllegalArgumentException.class, () -> NumberList.decode("1 2"));
  }
}
