package dev.errata.content;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a content folder looks like without reading it: a digest of its file names and sizes,
 * and the newest modification time. A built index records the digest (deterministic: the same
 * content gives the same bytes); it is current when the digest still holds and no file is
 * newer than the index. One look at each file, no parse.
 *
 * <p>{@code errata match} waits for this on every run, so the digest is a sum over the files of
 * a 128-bit mix of each one's name and size: no sort, no text to build, no cryptographic digest
 * to set up (together some 60-100 ms of a cold start at 10,000 files). It guards against edits,
 * not against an adversary: two different folders share a digest with odds near 2^-128.
 */
public record Fingerprint(String digest, long newestMillis) {

  /** @param salt what else an index depends on (the tool's version, its rules) */
  public static Fingerprint of(Path contentDir, String salt) {
    try {
      // The folder's entries are looked at on all cores: a match of one paste waits for this,
      // and one stat after another grows with the number of files.
      String prefix = contentDir.toString();
      List<Stat> files = children(contentDir).parallelStream()
          .flatMap(p -> stats(p, prefix).stream())
          .toList();
      long newest = 0;
      long a = 0;
      long b = 0;
      for (Stat f : files) {
        newest = Math.max(newest, f.modified());
        long one = mix(hash(f.name()) + mix(f.size()));
        a += one;
        b += mix(one ^ 0x9e3779b97f4a7c15L);
      }
      long s = hash(salt);
      return new Fingerprint(HexFormat.of().toHexDigits(mix(a ^ s)) + HexFormat.of().toHexDigits(mix(b + s)), newest);
    } catch (UncheckedIOException e) {
      throw unreadable(contentDir, e.getCause());
    } catch (IOException e) {
      throw unreadable(contentDir, e);
    }
  }

  /** 64-bit FNV-1a over the text's chars. */
  static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  /** SplitMix64's finaliser: every bit of the input moves about half of the output's. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
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
