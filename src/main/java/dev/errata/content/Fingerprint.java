package dev.errata.content;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * What a content folder looks like without reading it: a digest of its file names and sizes,
 * and the newest modification time. A built index records the digest (deterministic: the same
 * content gives the same bytes); it is current when the digest still holds and no file is
 * newer than the index. One look at each file, no parse.
 *
 * <p>{@code errata match} waits for this on every run, so the digest is a sum over the files of
 * a 128-bit mix of each one's name and size: no text to build, no cryptographic digest to set up
 * (together some 60-100 ms of a cold start at 10,000 files). A build makes it from the look it
 * takes to find its entry files ({@link FolderLook}). It guards against edits,
 * not against an adversary: two different folders share a digest with odds near 2^-128.
 */
public record Fingerprint(String digest, long newestMillis) {

  /**
   * The folder's fingerprint, from a look at it of its own; a file or folder it cannot look at is
   * an error.
   *
   * @param salt what else an index depends on (the tool's version, its rules)
   */
  public static Fingerprint of(Path contentDir, String salt) {
    FolderLook look = FolderLook.of(contentDir);
    if (!look.failed().isEmpty()) {
      throw unreadable(contentDir, look.failed().get(0).error());
    }
    if (!Files.isDirectory(contentDir)) {
      throw unreadable(contentDir, new java.nio.file.NotDirectoryException(contentDir.toString()));
    }
    return of(look, salt);
  }

  /**
   * The fingerprint of what {@code look} saw: a file it could not look at does not count (a build
   * reports it as a problem of the content).
   */
  public static Fingerprint of(FolderLook look, String salt) {
    String prefix = look.root().toString();
    long newest = 0;
    long a = 0;
    long b = 0;
    for (FolderLook.Seen f : look.files()) {
      String name = f.path().getFileName().toString();
      if (!(name.endsWith(".md") || name.endsWith(".yml") || name.endsWith(".yaml"))) {
        continue;
      }
      String relative = f.path().toString().substring(prefix.length() + 1).replace('\\', '/');
      newest = Math.max(newest, f.attrs().lastModifiedTime().toMillis());
      long one = mix(hash(relative) + mix(f.attrs().size()));
      a += one;
      b += mix(one ^ 0x9e3779b97f4a7c15L);
    }
    long s = hash(salt);
    return new Fingerprint(HexFormat.of().toHexDigits(mix(a ^ s)) + HexFormat.of().toHexDigits(mix(b + s)), newest);
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

  private static ErrataException unreadable(Path contentDir, IOException e) {
    return new ErrataException(ExitCode.IO, "cannot read the content folder " + contentDir + ": " + e.getMessage(), e);
  }
}
