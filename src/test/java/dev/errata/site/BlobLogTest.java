package dev.errata.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log of byte strings grows by what each record adds while at least half of it is pointed at,
 * leaves every string an earlier record points at where it was, and is written afresh, under a
 * new name, once most of it is strings nobody points at any more.
 */
class BlobLogTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> logs(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".log")).sorted().toList();
    }
  }

  @Test
  void appendsWhatIsNewAndPointsAtWhatIsTaken(@TempDir Path dir) throws IOException {
    BlobLog.Written first = BlobLog.none(dir, "forms").write(List.of(bytes("alpha"), bytes("beta"), bytes("gamma")));
    long size = Files.size(dir.resolve("forms-" + first.generation() + ".log"));
    assertEquals(14, size);

    // One string of three replaced: appended, the others pointed at where they are.
    BlobLog.Written second;
    try (BlobLog log = BlobLog.open(dir, "forms", first.generation())) {
      second = log.write(List.of(first.at().get(0), bytes("BETA!"), first.at().get(2)));
    }
    assertEquals(first.generation(), second.generation());
    assertEquals(first.at().get(0), second.at().get(0));
    assertEquals(first.at().get(2), second.at().get(2));
    assertEquals(new BlobLog.At(14, 5, dev.errata.Checksum.of(bytes("BETA!"))), second.at().get(1));
    try (BlobLog log = BlobLog.open(dir, "forms", second.generation())) {
      assertArrayEquals(bytes("alpha"), log.read(second.at().get(0)));
      assertArrayEquals(bytes("BETA!"), log.read(second.at().get(1)));
      assertArrayEquals(bytes("gamma"), log.read(second.at().get(2)));
      // What the first record pointed at is still there: a build that fails after appending keeps it valid.
      assertArrayEquals(bytes("beta"), log.read(first.at().get(1)));
    }
  }

  @Test
  void writesAfreshOnceLessThanHalfIsPointedAt(@TempDir Path dir) throws IOException {
    BlobLog.Written w = BlobLog.none(dir, "forms").write(List.of(bytes("a".repeat(100)), bytes("b".repeat(100))));
    String generation = w.generation();
    List<String> seen = new ArrayList<>();
    // Each round replaces the second string: the log grows until what the record points at is
    // less than half of it, and is then written afresh with the strings pointed at alone.
    for (int round = 0; round < 4 && w.generation().equals(generation); round++) {
      try (BlobLog log = BlobLog.open(dir, "forms", w.generation())) {
        w = log.write(List.of(w.at().get(0), bytes(String.valueOf(round).repeat(100))));
      }
      seen.add(w.generation());
    }
    assertNotEquals(generation, w.generation(), "never written afresh: " + seen);
    Path fresh = dir.resolve("forms-" + w.generation() + ".log");
    assertEquals(200, Files.size(fresh));
    try (BlobLog log = BlobLog.open(dir, "forms", w.generation())) {
      assertArrayEquals(bytes("a".repeat(100)), log.read(w.at().get(0)));
    }
    assertEquals(2, logs(dir).size(), "the old log stays until the record naming the new one is in place");
    BlobLog.keepOnly(dir, "forms", w.generation());
    assertEquals(List.of(fresh.getFileName().toString()), logs(dir));
  }

  @Test
  void aMissingLogHoldsNothing(@TempDir Path dir) {
    try (BlobLog log = BlobLog.open(dir, "forms", "gone")) {
      assertThrows(IOException.class, () -> log.read(new BlobLog.At(0, 1, 0)));
    }
  }
}
