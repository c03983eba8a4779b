package dev.errata.content;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a content folder looks like without reading it: a digest of its file names and sizes,
 * and the newest modification time. A built index records the digest (deterministic: the same
 * content gives the same bytes); it is current when the digest still holds and no file is
 * newer than the index. One look at each file, no parse.
 */
public record Fingerprint(String digest, long newestMillis) {

  /** @param salt what else an index depends on (the tool's version, its rules) */
  public static Fingerprint of(Path contentDir, String salt) {
    try {
      // The folder's entries are looked at on all cores: a match of one paste waits for this,
      // and one stat after another grows with the number of files.
      String prefix = contentDir.toString();
      List<Stat> files = new ArrayList<>(children(contentDir).parallelStream()
          .flatMap(p -> stats(p, prefix).stream())
          .toList());
      files.sort(Comparator.comparing(Stat::name));
      long newest = 0;
      StringBuilder text = new StringBuilder(salt.length() + files.size() * 64);
      for (Stat f : files) {
        newest = Math.max(newest, f.modified());
        text.append(f.name()).append('\u0000').append(f.size()).append('\n');
      }
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(salt.getBytes(StandardCharsets.UTF_8));
      d.update(text.toString().getBytes(StandardCharsets.UTF_8));
      return new Fingerprint(HexFormat.of().formatHex(d.digest()), newest);
    } catch (UncheckedIOException e) {
      throw unreadable(contentDir, e.getCause());
    } catch (IOException e) {
      throw unreadable(contentDir, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Stat(String name, long size, long modified) {}

  /**
   * The content files at or under {@code p}, named relative to the content folder with "/":
   * what a walk of the tree that follows no links would visit.
   */
  private static List<Stat> stats(Path p, String prefix) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attrs.isDirectory()) {
        List<Stat> out = new ArrayList<>();
        for (Path child : children(p)) {
          out.addAll(stats(child, prefix));
        }
        return out;
      }
      String name = p.getFileName().toString();
      if (name.endsWith(".md") || name.endsWith(".yml") || name.endsWith(".yaml")) {
        String relative = p.toString().substring(prefix.length() + 1).replace('\\', '/');
        return List.of(new Stat(relative, attrs.size(), attrs.lastModifiedTime().toMillis()));
      }
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> children(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.toList();
    }
  }

  private static ErrataException unreadable(Path contentDir, IOException e) {
    return new ErrataException(ExitCode.IO, "cannot read the content folder " + contentDir + ": " + e.getMessage(), e);
  }
}
