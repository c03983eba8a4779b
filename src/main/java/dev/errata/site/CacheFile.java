package dev.errata.site;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file of what builds keep for later builds in one step: written beside it under this
 * process's number, then renamed over it, so a reader sees a whole record or the one before. A
 * record that cannot be written only makes the next build slower, so failures are swallowed.
 */
final class CacheFile {
  /** What writes a record's bytes. */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * A record made and not yet written: a build makes its records while its site is swapped in,
   * and writes them once the site is in place (a build that fails before keeps the last ones).
   */
  @FunctionalInterface
  interface Pending {
    void write();
  }

  private CacheFile() {}

  /** Whether the record is now the one {@code body} wrote. */
  static boolean replace(Path file, Body body) {
    String name = file.getFileName().toString();
    Path tmp = file.resolveSibling(name + ".tmp-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(file.getParent());
      removeLeftovers(file.getParent(), name);
      try (OutputStream out = Files.newOutputStream(tmp)) {
        body.writeTo(out);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // Nothing more to do: the next save removes it.
      }
      return false;
    }
  }

  /** What saves of builds killed while writing left: files of processes that are gone. */
  private static void removeLeftovers(Path folder, String name) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, name + ".tmp-*")) {
      for (Path p : s) {
        String pid = p.getFileName().toString().substring((name + ".tmp-").length());
        if (pid.chars().allMatch(Character::isDigit) && !pid.isEmpty() && pid.length() < 19
            && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
