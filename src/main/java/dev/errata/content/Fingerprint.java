package dev.errata.content;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a content folder looks like without reading it: a digest of its file names and sizes,
 * and the newest modification time. A built index records the digest (deterministic: the same
 * content gives the same bytes); it is current when the digest still holds and no file is
 * newer than the index. One directory walk, no parse.
 */
public record Fingerprint(String digest, long newestMillis) {

  /** @param salt what else an index depends on (the tool's version, its rules) */
  public static Fingerprint of(Path contentDir, String salt) {
    Map<String, Long> files = new TreeMap<>();
    long[] newest = {0};
    try {
      Files.walkFileTree(contentDir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          if (name.endsWith(".md") || name.endsWith(".yml") || name.endsWith(".yaml")) {
            files.put(contentDir.relativize(file).toString().replace('\\', '/'), attrs.size());
            newest[0] = Math.max(newest[0], attrs.lastModifiedTime().toMillis());
          }
          return FileVisitResult.CONTINUE;
        }
      });
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(salt.getBytes(StandardCharsets.UTF_8));
      files.forEach((k, v) -> d.update((k + "\u0000" + v + "\n").getBytes(StandardCharsets.UTF_8)));
      return new Fingerprint(HexFormat.of().formatHex(d.digest()), newest[0]);
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot read the content folder " + contentDir + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
