package dev.errata.site;

import dev.errata.Checksum;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The bulk of a record that builds keep for later builds (each entry's form, each entry's word
 * counts), in a log file beside the record that each build appends to: the record says where
 * each of its byte strings lies, and a rebuild writes the strings it made, not again the many it
 * took unchanged. Rewritten whole (a new generation, under a new name) once less than half of it
 * is still pointed at.
 *
 * <p>Safe the way the record is: appending leaves every byte an earlier record points at where it
 * was, and a new generation is a new file, so the record in place stays valid until the one that
 * replaces it is written, and a build that stops half way leaves at worst bytes nobody points at.
 * Logs that no record names are removed by the next build that saves ({@link #commit}). Each
 * string's place comes with the checksum of its bytes, which the record keeps ({@link #writeAt})
 * and every read checks, so a damaged string costs its work again, never a wrong result.
 */
final class BlobLog implements AutoCloseable {
  /** Where a string lies in the log, and the checksum of its bytes. */
  record At(long position, int length, long checksum) {}

  /** {@code at} into a record, as {@link #readAt} reads it back. */
  static void writeAt(RecordBytes.Out out, At at) {
    out.fixed(at.position());
    out.count(at.length());
    out.fixed(at.checksum());
  }

  /** What {@link #writeAt} wrote. */
  static At readAt(RecordBytes.In in) {
    return new At(in.fixed(), in.count(), in.fixed());
  }

  /** Where the strings of the next record lie, in the order given, and the log that holds them. */
  record Written(String generation, List<At> at) {
    /** The start of the record that points into this: what it is, what it was made under, and the log's generation. */
    RecordBytes.Out head(String magic, String context) {
      RecordBytes.Out out = new RecordBytes.Out();
      out.text(magic);
      out.text(context);
      out.text(generation);
      return out;
    }
  }

  private static final java.util.concurrent.atomic.AtomicInteger GENERATIONS = new java.util.concurrent.atomic.AtomicInteger();

  private final Path dir;
  private final String name;
  private final String generation;
  private final FileChannel channel;

  private BlobLog(Path dir, String name, String generation, FileChannel channel) {
    this.dir = dir;
    this.name = name;
    this.generation = generation;
    this.channel = channel;
  }

  /** The log of generation {@code generation} named {@code name} in {@code dir}, open for reading; an empty one when it is missing. */
  static BlobLog open(Path dir, String name, String generation) {
    if (!generation.isEmpty()) {
      try {
        return new BlobLog(dir, name, generation, FileChannel.open(path(dir, name, generation), StandardOpenOption.READ));
      } catch (IOException | RuntimeException e) {
        // Missing or unreadable: every string it held is made again.
      }
    }
    return none(dir, name);
  }

  /** No log yet: the next {@link #write} starts one. */
  static BlobLog none(Path dir, String name) {
    return new BlobLog(dir, name, "", null);
  }

  private static Path path(Path dir, String name, String generation) {
    return dir.resolve(name + "-" + generation + ".log");
  }

  /** The string at {@code at}; an exception when the log does not hold it as it was written. */
  byte[] read(At at) throws IOException {
    if (channel == null) {
      throw new IOException("no log");
    }
    ByteBuffer b = ByteBuffer.allocate(at.length());
    while (b.hasRemaining()) {
      if (channel.read(b, at.position() + b.position()) < 0) {
        throw new java.io.EOFException("cut short");
      }
    }
    if (Checksum.of(b.array()) != at.checksum()) {
      throw new IOException("damaged");
    }
    return b.array();
  }

  /** The whole log at once, for a reader that takes most of its strings. */
  Whole whole() throws IOException {
    if (channel == null) {
      return new Whole(new byte[0]);
    }
    long size = channel.size();
    if (size > Integer.MAX_VALUE - 16) {
      throw new IOException("log too large");
    }
    ByteBuffer b = ByteBuffer.allocate((int) size);
    while (b.hasRemaining()) {
      if (channel.read(b, b.position()) < 0) {
        throw new java.io.EOFException("cut short");
      }
    }
    return new Whole(b.array());
  }

  /** A log read whole. */
  static final class Whole {
    private final byte[] bytes;

    private Whole(byte[] bytes) {
      this.bytes = bytes;
    }

    /** The string at {@code at}, to decode; {@link IllegalStateException} when it is not as it was written. */
    RecordBytes.In in(At at) {
      if (at.position() + at.length() > bytes.length
          || Checksum.of(ByteBuffer.wrap(bytes, (int) at.position(), at.length())) != at.checksum()) {
        throw new IllegalStateException("damaged");
      }
      return new RecordBytes.In(bytes, (int) at.position(), at.length());
    }
  }

  /**
   * Writes the strings of the next record: each of {@code strings} is either an {@link At} of this
   * log, taken as it is, or new bytes. Appended to this log while at least half of it would
   * still be pointed at, else written with the taken ones into a new generation.
   */
  Written write(List<Object> strings) throws IOException {
    long live = 0;
    long added = 0;
    for (Object s : strings) {
      if (s instanceof At a) {
        live += a.length();
      } else {
        added += ((byte[]) s).length;
      }
    }
    long size = channel == null ? 0 : channel.size();
    List<At> out = new ArrayList<>(strings.size());
    if (channel != null && 2 * (live + added) >= size + added) {
      try (FileChannel w = FileChannel.open(path(dir, name, generation), StandardOpenOption.WRITE)) {
        long end = w.size();
        for (Object s : strings) {
          if (s instanceof At a) {
            out.add(a);
          } else {
            byte[] bytes = (byte[]) s;
            writeFully(w, ByteBuffer.wrap(bytes), end);
            out.add(new At(end, bytes.length, Checksum.of(bytes)));
            end += bytes.length;
          }
        }
      }
      return new Written(generation, out);
    }
    // A name no file has: never the log being read from, nor one a killed build left.
    String next;
    do {
      next = Long.toString(System.currentTimeMillis(), 36) + "-" + ProcessHandle.current().pid() + "-" + GENERATIONS.incrementAndGet();
    } while (Files.exists(path(dir, name, next)));
    Files.createDirectories(dir);
    try (FileChannel w = FileChannel.open(path(dir, name, next), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long end = 0;
      for (Object s : strings) {
        byte[] bytes = s instanceof At a ? read(a) : (byte[]) s;
        writeFully(w, ByteBuffer.wrap(bytes), end);
        out.add(new At(end, bytes.length, s instanceof At a ? a.checksum() : Checksum.of(bytes)));
        end += bytes.length;
      }
    }
    return new Written(next, out);
  }

  /**
   * {@link #write}, or empty when it failed: this log is then closed, and the record in place
   * stays and still points at what it did.
   */
  java.util.Optional<Written> writeOrClose(List<Object> strings) {
    try {
      return java.util.Optional.of(write(strings));
    } catch (IOException | RuntimeException e) {
      close();
      return java.util.Optional.empty();
    }
  }

  private static void writeFully(FileChannel w, ByteBuffer b, long at) throws IOException {
    while (b.hasRemaining()) {
      w.write(b, at + b.position());
    }
  }

  /**
   * Replaces {@code record} with what {@code body} writes (a record that names {@code written}'s
   * generation), then removes the logs it no longer names, and closes this one.
   */
  void commit(Path record, CacheFile.Body body, Written written) {
    try {
      if (CacheFile.replace(record, body)) {
        keepOnly(dir, name, written.generation());
      }
    } finally {
      close();
    }
  }

  /**
   * Removes every log named {@code name} in {@code dir} but generation {@code keep}: called once
   * the record that names {@code keep} is in place (or none, with {@code keep} empty).
   */
  static void keepOnly(Path dir, String name, String keep) {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, name + "-*.log")) {
      for (Path p : s) {
        if (!p.getFileName().toString().equals(name + "-" + keep + ".log")) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException ignored) {
      // Left for the next save to remove.
    }
  }

  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Read only.
      }
    }
  }
}
