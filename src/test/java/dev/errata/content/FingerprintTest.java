package dev.errata.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What makes a built index stale: content files added, removed, renamed or resized, in any folder. */
class FingerprintTest {
  private static void write(Path file, String text, long millis) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
  }

  @Test
  void namesSizesAndTheNewestTimeOfContentFilesInEveryFolder(@TempDir Path dir) throws IOException {
    write(dir.resolve("a.md"), "one", 1_000_000);
    write(dir.resolve("server/b.md"), "two", 3_000_000);
    write(dir.resolve("server/deep/c.yml"), "three", 2_000_000);
    write(dir.resolve("notes.txt"), "not content", 9_000_000);
    Fingerprint first = Fingerprint.of(dir, "salt");
    assertEquals(3_000_000, first.newestMillis(), "the newest content file, not notes.txt");
    assertEquals(first, Fingerprint.of(dir, "salt"), "the same folder gives the same fingerprint");
    assertNotEquals(first.digest(), Fingerprint.of(dir, "other salt").digest());

    write(dir.resolve("notes.txt"), "still not content, longer", 9_000_000);
    assertEquals(first.digest(), Fingerprint.of(dir, "salt").digest(), "other files do not count");

    write(dir.resolve("server/deep/c.yml"), "three and more", 2_000_000);
    String resized = Fingerprint.of(dir, "salt").digest();
    assertNotEquals(first.digest(), resized, "a nested file that changed size");

    Files.move(dir.resolve("server/b.md"), dir.resolve("server/b2.md"));
    assertNotEquals(resized, Fingerprint.of(dir, "salt").digest(), "a renamed file");
  }

  @Test
  void theDigestIsFixedForAGivenFolder(@TempDir Path dir) throws IOException {
    // Pins the digest of one folder, so that a faster walk cannot quietly make every index built
    // before it look stale, or fresh ("a/z.md" of 3 bytes and "b.md" of 2, with the salt "s").
    write(dir.resolve("b.md"), "xy", 1);
    write(dir.resolve("a/z.md"), "xyz", 1);
    assertEquals("c39c4d0b1f884e2c2d5d69a0b2fe7885", Fingerprint.of(dir, "s").digest());
  }
}
