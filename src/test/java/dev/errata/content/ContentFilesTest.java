package dev.errata.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small readers behind the content checks: bad bytes, lone carriage returns, page names. */
class ContentFilesTest {
  @Test
  void findsTheFirstByteThatIsNotUtf8() {
    assertEquals(-1, ContentFiles.firstMalformed("plain, 内存 ✓".getBytes(StandardCharsets.UTF_8)));
    assertEquals(3, ContentFiles.firstMalformed(new byte[] {'a', 'b', 'c', (byte) 0xC3, '('}));
    assertEquals(1, ContentFiles.firstMalformed(new byte[] {'a', (byte) 0xFF}));
    assertEquals(2, ContentFiles.firstMalformed(new byte[] {'a', 'b', (byte) 0xE2, (byte) 0x82}), "cut at the end");
  }

  @Test
  void findsTheLineThatEndsWithACarriageReturnAlone() {
    assertEquals(0, ContentLoader.loneCarriageReturnLine("a\nb\r\nc\r\n"));
    assertEquals(1, ContentLoader.loneCarriageReturnLine("---\rid: x\r"));
    assertEquals(3, ContentLoader.loneCarriageReturnLine("a\r\nb\nc\rd"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"startup", "python-backend", "numpy2", "TensorRT", "v1.2_beta", "a"})
  void pageNames(String name) {
    assertTrue(PageName.isPageName(name), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../../x", "a/b", "a\\b", ".hidden", "-flag", "with space", "", "日本", "a:b",
      "x12345678901234567890123456789012345678901234567890123456789012345"})
  void notPageNames(String name) {
    assertFalse(PageName.isPageName(name), name);
  }
}
