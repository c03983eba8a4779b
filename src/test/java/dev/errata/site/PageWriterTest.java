package dev.errata.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The digest a site records of each file, taken from the file's bytes or from the file mapped. */
class PageWriterTest {
  @Test
  void aMappedFileHasTheDigestOfItsBytes(@TempDir Path dir) throws IOException {
    Random random = new Random(7);
    for (int length : new int[] {0, 1, 7, 8, 9, 15, 16, 17, 1000, 65_537}) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      Path file = dir.resolve("f" + length);
      Files.write(file, bytes);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        java.nio.ByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        assertEquals(PageWriter.digest(bytes), PageWriter.digest(mapped), length + " bytes");
        assertEquals(PageWriter.digest(bytes), PageWriter.digest(java.nio.ByteBuffer.wrap(bytes)), length + " bytes");
      }
    }
  }
}
