package dev.errata.content;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * How a file looked: its size, its time of last change to the nanosecond as the file system keeps
 * it, and which file it is (device and inode where the system says so). A file equal in all three
 * to a look that can be trusted has not been written since, and a build takes what it knew of the
 * file without reading it.
 *
 * <p>A look can be trusted when it was taken well after the file was last written
 * ({@link #settled}): a file written twice within one tick of the file system's clock (a few
 * milliseconds here, two seconds on FAT), once before the look and once after, keeps its size and
 * its time. Git calls such a file racily clean and reads it again; so does the next build.
 */
public record FileStat(long size, long modified, String key) {
  /** How long before a build started a file must have been last written for that build's look at it to be trusted later. */
  static final long SETTLED_MILLIS = 2_000;

  public static FileStat of(BasicFileAttributes attrs) {
    Object key = attrs.fileKey();
    return new FileStat(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), key == null ? "" : key.toString());
  }

  // Field by field: a record's own equals goes through method handles, which the quick compiler
  // that builds run on leaves slow, and a rebuild compares 10,000 of them.
  @Override
  public boolean equals(Object o) {
    return o instanceof FileStat s && s.size == size && s.modified == modified && s.key.equals(key);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(size) * 31 + Long.hashCode(modified) * 17 + key.hashCode();
  }

  /**
   * Whether this look, taken after {@code startedMillis} (the wall clock when the build started,
   * which the file system's clock is), may be trusted by a later build.
   */
  public boolean settled(long startedMillis) {
    return Math.floorDiv(modified, 1_000_000L) < startedMillis - SETTLED_MILLIS;
  }
}
