package dev.errata.version;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.errata.testing.Parity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Versions in two runtimes: order, range membership and what counts as a version are the same
 * in Java (Maven's ComparableVersion, wrapped by {@link Version}) and in {@code errata-version.js}
 * ({@code parity/versions.json}; see {@link Parity}).
 *
 * <p>Java's tests run first (by name), so that after a rewrite the JavaScript is held to the new file.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class VersionParityTest {
  static final String FILE = "versions.json";

  /** Pairs to order: the shapes entries and pastes use, and the edges of the qualifiers. */
  static final List<List<String>> PAIRS = List.of(
      List.of("23.02", "23.12"), List.of("24.10", "24.9"), List.of("1.26.4", "2.0.0rc1"), List.of("2.0.0rc1", "2.0.0"),
      List.of("2.0", "2.0.0"), List.of("2", "2.0.0.0"), List.of("2.1.0+cu121", "2.1.0"), List.of("2.1.0+cu121", "2.1.0+cu118"),
      List.of("v24.08", "24.08"), List.of("V3", "3"), List.of("1.10", "1.9"), List.of("10.0", "9.9"),
      List.of("535.104.05", "535.86.10"), List.of("12.4", "12.4.1"), List.of("1.0-alpha", "1.0-beta"),
      List.of("1.0a1", "1.0b1"), List.of("1.0-beta2", "1.0-rc1"), List.of("1.0-m1", "1.0-alpha1"), List.of("1.0-rc1", "1.0-cr1"),
      List.of("1.0-SNAPSHOT", "1.0"), List.of("1.0-SNAPSHOT", "1.0-rc1"), List.of("1.0", "1.0-sp1"), List.of("1.0-ga", "1.0"),
      List.of("1.0.final", "1.0"), List.of("1.0-release", "1.0"), List.of("2.0.0.post1", "2.0.0"), List.of("2.0.0.dev0", "2.0.0"),
      List.of("1.0-foo", "1.0-bar"), List.of("1.0-foo", "1.0"), List.of("1.0-foo", "1.0-rc1"), List.of("24.05-py3", "24.05"),
      List.of("24.05-py3", "24.05-py2"), List.of("0.0.0", "0"), List.of("1_0", "1.0"), List.of("1.0.0", "1-0"), List.of("1-1", "1.1"),
      List.of("2.0.0-rc.1", "2.0.0rc1"), List.of("3.10.12", "3.9.18"), List.of("0.4.2", "0.4.10"), List.of("1.0RC1", "1.0rc1"));

  /** Window, version: whether the version is in the window. */
  static final List<List<String>> RANGES = List.of(
      List.of(">=23.12, <24.10", "24.05"), List.of(">=23.12, <24.10", "24.10"), List.of(">=23.12, <24.10", "23.12"),
      List.of(">23.02", "23.02"), List.of(">23.02", "23.03"), List.of("==24.08", "24.08.0"), List.of("*", "1.0"),
      List.of("<=2.0", "2.0.0"), List.of(">=2.0", "2.0.0rc1"), List.of(">=2.0", "2.1.0+cu121"), List.of(">= 1.0 , < 2.0", "1.5"),
      List.of(">=23.05, <24.01", "24.01"), List.of(">=24.03, <=24.05", "24.05"), List.of("<535.104.05", "535.86.10"),
      List.of(">=2.0", "v2.0"), List.of("<1.0", "1.0-SNAPSHOT"));

  /** Texts that are or are not versions. */
  static final List<String> TEXTS = List.of("23.02", "v2.0", "V3", "2.1.0+cu121", "1.0_beta", "1+", "abc", "", "v", "+cu121",
      "1.0 beta", "1.\u00e9", "\u0661.0", " 24.08 ", "2.0!");

  static ArrayNode vectors() {
    ArrayNode out = Parity.array();
    for (List<String> p : PAIRS) {
      int order = Integer.signum(Version.parse(p.get(0)).compareTo(Version.parse(p.get(1))));
      Parity.vector(out, p.get(0) + " vs " + p.get(1)).put("a", p.get(0)).put("b", p.get(1)).putObject("expected").put("order", order);
    }
    for (List<String> r : RANGES) {
      boolean in = VersionRange.parse(r.get(0)).contains(Version.parse(r.get(1)));
      Parity.vector(out, r.get(1) + " in " + r.get(0)).put("range", r.get(0)).put("version", r.get(1)).putObject("expected")
          .put("contains", in);
    }
    for (String t : TEXTS) {
      boolean valid;
      try {
        Version.parse(t);
        valid = true;
      } catch (IllegalArgumentException e) {
        valid = false;
      }
      Parity.vector(out, "'" + t + "' is a version").put("text", t).putObject("expected").put("valid", valid);
    }
    return out;
  }

  @Test
  void javaGivesTheRecordedOrdersAndRanges() {
    Parity.assertJavaGives(FILE, "Versions: order (-1, 0, 1) of a and b, whether a window contains a version, whether a text"
        + " is a version. Version and VersionRange (Maven's ComparableVersion) in Java, Errata.version.compare, inRange and"
        + " valid in errata-version.js.", vectors());
  }

  @Test
  void theShippedJavaScriptGivesTheSameOrdersAndRanges() {
    Parity.assertJavaScriptGives(FILE);
  }

  /**
   * Beyond the recorded vectors: random versions built from numbers, qualifiers and separators
   * order the same in both runtimes (ComparableVersion has many corners; this finds them).
   */
  @Test
  void randomVersionsOrderTheSameInBothRuntimes(@TempDir Path dir) throws IOException {
    java.util.Random random = new java.util.Random(20261203);
    String[] atoms = {"0", "1", "2", "10", "05", "00", "123456789012", "12345678901234567890", "alpha", "a", "b", "beta", "m",
        "milestone", "rc", "cr", "snapshot", "ga", "final", "release", "sp", "foo", "bar", "py", "post", "dev", "x", "",
        "SNAPSHOT", "RC"};
    String[] separators = {".", "-", "_", "", ".", "-"};
    ArrayNode vectors = Parity.array();
    for (int k = 0; vectors.size() < 3000; k++) {
      String[] v = new String[2];
      for (int j = 0; j < 2; j++) {
        StringBuilder b = new StringBuilder(String.valueOf(random.nextInt(3)));
        for (int p = random.nextInt(5); p > 0; p--) {
          b.append(separators[random.nextInt(separators.length)]).append(atoms[random.nextInt(atoms.length)]);
        }
        v[j] = b.toString();
      }
      int order = Integer.signum(Version.parse(v[0]).compareTo(Version.parse(v[1])));
      Parity.vector(vectors, "random " + k + ": " + v[0] + " vs " + v[1]).put("a", v[0]).put("b", v[1]).putObject("expected")
          .put("order", order);
    }
    Path file = dir.resolve(FILE);
    Files.writeString(file, Parity.JSON.writeValueAsString(Parity.JSON.createObjectNode().set("vectors", vectors)));
    Parity.assertJavaScriptGives(file);
  }
}
