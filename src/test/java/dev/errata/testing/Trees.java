package dev.errata.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads a folder as relative path to bytes, to compare whole trees; a built site is read through its link. */
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
}
