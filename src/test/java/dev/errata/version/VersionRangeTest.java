package dev.errata.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionRangeTest {

  @ParameterizedTest(name = "{0} < {1}")
  @CsvSource({
    "23.02, 23.12",
    "23.12, 24.08",
    "1.26.4, 2.0.0rc1",
    "2.0.0rc1, 2.0.0",
    "2.0.0b1, 2.0.0rc1",
    "9.9, 10.0",
    "2.1.0, 2.1.1+cu121",
    "v1.2, 1.10",
  })
  void ordersVersionsAsUsersExpect(String lower, String higher) {
    assertTrue(Version.parse(lower).compareTo(Version.parse(higher)) < 0, lower + " < " + higher);
    assertTrue(Version.parse(higher).compareTo(Version.parse(lower)) > 0, higher + " > " + lower);
  }

  @ParameterizedTest(name = "{0} == {1}")
  @CsvSource({"2.0, 2.0.0", "2.1.0+cu121, 2.1.0", "24.08, 24.8"})
  void treatsTrailingZerosAndLocalLabelsAsEqual(String a, String b) {
    assertEquals(Version.parse(a), Version.parse(b));
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource(delimiter = '|', value = {
    ">23.02          | 23.02       | false",
    ">23.02          | 23.12       | true",
    ">23.02          | 24.08       | true",
    ">=23.12, <24.10 | 23.12       | true",
    ">=23.12, <24.10 | 24.09       | true",
    ">=23.12, <24.10 | 24.10       | false",
    ">=23.12, <24.10 | 23.11       | false",
    ">=2.0           | 1.26.4      | false",
    ">=2.0           | 2.0.0rc1    | false",
    ">=2.0           | 2.0.0       | true",
    ">=2.0           | 2.1.0+cu121 | true",
    "<=24.05         | 24.05       | true",
    "==24.08         | 24.08       | true",
    "==24.08         | 24.09       | false",
    "*               | 0.1         | true",
  })
  void decidesMembership(String range, String version, boolean expected) {
    assertEquals(expected, VersionRange.parse(range).contains(Version.parse(version)));
  }

  @ParameterizedTest(name = "{0} is empty: {1}")
  @CsvSource(delimiter = '|', value = {
    ">=24.10, <23.12 | true",
    ">=24.10, <24.10 | true",
    ">24.10, <=24.10 | true",
    ">=24.10, <=24.10 | false",
    "==24.08, ==24.09 | true",
    "==24.08, >=24.01 | false",
    ">=23.12, <24.10 | false",
    "*               | false",
  })
  void detectsEmptyWindows(String range, boolean empty) {
    assertEquals(empty, VersionRange.parse(range).isEmpty());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "''           | empty range",
    "23.12        | has no operator",
    "~=23.12      | is not one of",
    ">=abc        | is not a version",
    ">=23.12,     | empty condition",
  })
  void rejectsMalformedRangesWithAReason(String range, String reason) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(range));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void keepsTheTextAsWritten() {
    assertEquals("2.1.0+cu121", Version.parse("2.1.0+cu121").text());
    assertEquals(">=23.12, <24.10", VersionRange.parse(" >=23.12, <24.10 ").text());
  }
}
