package dev.errata.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a golden file, whole. Run with {@code -Derrata.golden.update=true} to
 * rewrite the golden files instead; review the diff before committing it.
 */
public final class Golden {
  public static final Path ROOT = Path.of("src/test/resources/golden");

  private Golden() {}

  public static boolean updating() {
    return Boolean.getBoolean("errata.golden.update");
  }

  public static void assertMatches(Path golden, String actual) {
    try {
      if (updating()) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      assertTrue(Files.exists(golden), "missing golden file " + golden + "; run with -Derrata.golden.update=true to create it");
      assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
          "output differs from " + golden + " (rewrite with -Derrata.golden.update=true and review the diff)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
