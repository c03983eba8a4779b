package dev.errata.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.errata.model.Source;
import dev.errata.version.Version;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelDigestTest {
  record Row(String name, int count, List<String> words, Optional<LocalDate> date) {}

  @Test
  void equalValuesGiveEqualDigestsAndAnyDifferenceAnother() {
    Row row = new Row("ensemble", 2, List.of("numpy", "2.0"), Optional.of(LocalDate.of(2026, 1, 2)));
    assertEquals(ModelDigest.of(row), ModelDigest.of(new Row("ensemble", 2, List.of("numpy", "2.0"),
        Optional.of(LocalDate.of(2026, 1, 2)))));
    assertEquals(32, ModelDigest.of(row).length());
    List<Row> others = List.of(
        new Row("ensemblf", 2, List.of("numpy", "2.0"), Optional.of(LocalDate.of(2026, 1, 2))),
        new Row("ensemble", 3, List.of("numpy", "2.0"), Optional.of(LocalDate.of(2026, 1, 2))),
        new Row("ensemble", 2, List.of("2.0", "numpy"), Optional.of(LocalDate.of(2026, 1, 2))),
        new Row("ensemble", 2, List.of("numpy", "2.0", ""), Optional.of(LocalDate.of(2026, 1, 2))),
        new Row("ensemble", 2, List.of("numpy2.0"), Optional.of(LocalDate.of(2026, 1, 2))),
        new Row("ensemble", 2, List.of("numpy", "2.0"), Optional.of(LocalDate.of(2026, 1, 3))),
        new Row("ensemble", 2, List.of("numpy", "2.0"), Optional.empty()));
    for (Row other : others) {
      assertNotEquals(ModelDigest.of(row), ModelDigest.of(other), other::toString);
    }
  }

  @Test
  void textsDifferingInOneCharacterAnywhereDiffer() {
    String base = "not enough space: expected 1048576, got 0 — numpy";
    for (int i = 0; i < base.length(); i++) {
      String changed = base.substring(0, i) + (char) (base.charAt(i) + 1) + base.substring(i + 1);
      assertNotEquals(ModelDigest.of(base), ModelDigest.of(changed), changed);
    }
    assertNotEquals(ModelDigest.of(List.of("ab", "c")), ModelDigest.of(List.of("a", "bc")));
    assertNotEquals(ModelDigest.of(""), ModelDigest.of((Object) null));
  }

  /**
   * The digests are recorded between builds, so the same value gives the same digest in every
   * process, a long string as much as a short one.
   * Pinned: a change of the walk or of the mix must be one that means to drop every record.
   */
  @Test
  void digestsStayAsRecorded() {
    assertEquals("c3b292b746105e5731c2f7c4d1e383c4", ModelDigest.of("h\u00e9llo w\u00f6rld, \u56db \u2713"));
    assertEquals("48f883cc1ac6777ae27b8ce716cb4453",
        ModelDigest.of(List.of("abc", "x".repeat(70001), "\u03b1\u03b2\u03b3\u03b4\u03b5".repeat(30000))));
  }

  @Test
  void mapsByTheirEntriesInOrderAndVersionsByTheirText() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("root", "../");
    a.put("entryCount", 53);
    Map<String, Object> b = new LinkedHashMap<>(a);
    b.put("entryCount", 54);
    assertNotEquals(ModelDigest.of(a), ModelDigest.of(b));
    assertNotEquals(ModelDigest.of(Version.parse("2.0")), ModelDigest.of(Version.parse("2.0.0")));
    assertEquals(ModelDigest.of(Version.parse("23.02")), ModelDigest.of(Version.parse("23.02")));
  }

  @Test
  void aSourceIsItsPathsAndBodyLineNotItsLineLookup() {
    Source one = new Source("content/a.md", 30, pointer -> 3, "a.md");
    Source two = new Source("content/a.md", 30, pointer -> 4, "a.md");
    assertEquals(ModelDigest.of(one), ModelDigest.of(two));
    assertNotEquals(ModelDigest.of(one), ModelDigest.of(new Source("content/a.md", 31, pointer -> 3, "a.md")));
    assertNotEquals(ModelDigest.of(one), ModelDigest.of(new Source("content/b.md", 30, pointer -> 3, "a.md")));
  }

  @Test
  void versionRowsKeptByIdentityDigestAsTheirCells() {
    Views.VersionRow row = new Views.VersionRow("triton", "Triton", "../components/triton.html", ">23.02", "none",
        List.of(new Views.Cell("23.02", "unaffected", "", "23.02"), new Views.Cell("23.05", "affected", "", "23.05")), "en");
    Views.VersionRow other = new Views.VersionRow("triton", "Triton", "../components/triton.html", ">23.02", "none",
        List.of(new Views.Cell("23.02", "unaffected", "", "23.02"), new Views.Cell("23.05", "fixed", "", "23.05")), "en");
    Map<Object, long[]> rows = new java.util.IdentityHashMap<>();
    String once = ModelDigest.of(List.of("page", row), rows);
    assertEquals(once, ModelDigest.of(List.of("page", row), rows), "the kept digest of the row");
    assertEquals(once, ModelDigest.of(List.of("page", row), new java.util.IdentityHashMap<>()), "another build's");
    assertNotEquals(once, ModelDigest.of(List.of("page", other), rows));
  }

  @Test
  void intArraysByTheirNumbers() {
    assertEquals(ModelDigest.of(List.of(new int[] {1, 2, 3})), ModelDigest.of(List.of(new int[] {1, 2, 3})));
    assertNotEquals(ModelDigest.of(new int[] {1, 2, 3}), ModelDigest.of(new int[] {1, 2, 4}));
    assertNotEquals(ModelDigest.of(new int[] {1, 2}), ModelDigest.of(new int[] {1, 2, 0}));
    assertNotEquals(ModelDigest.of(new int[] {-1}), ModelDigest.of(new int[] {0, -1}));
    assertNotEquals(ModelDigest.of(List.of(new int[] {1}, new int[] {2, 3})), ModelDigest.of(List.of(new int[] {1, 2}, new int[] {3})));
  }

  @Test
  void refusesValuesItCannotTellApart() {
    assertThrows(IllegalArgumentException.class, () -> ModelDigest.of(List.of(new Object())));
    assertThrows(IllegalArgumentException.class, () -> ModelDigest.of(new StringBuilder("x")));
  }
}
