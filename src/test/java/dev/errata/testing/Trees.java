package dev.errata.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Whole folders for tests: read as relative path to bytes (a built site through its link), or copied. */
public final class Trees {
  private Trees() {}

  public static Map<String, String> read(Path root) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root.toRealPath())) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        out.put(root.toRealPath().relativize(f).toString().replace('\\', '/'),
            java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** Copies the folder {@code from}, files and subfolders, to {@code to} (a test's own copy of a content folder). */
  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  /**
   * Sets the time of last change of every file under {@code root} to an hour ago: files a build
   * may take as unchanged without reading them, as a team's files are between edits (a file
   * written in the last seconds before a build is read by the next one whatever it looks like).
   */
  public static void settle(Path root) throws IOException {
    java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(f, hourAgo);
      }
    }
  }
}
