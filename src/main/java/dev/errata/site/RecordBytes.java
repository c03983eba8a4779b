package dev.errata.site;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The byte format of what builds keep for later builds: unsigned variable-length numbers,
 * fixed 64-bit numbers and length-prefixed UTF-8 text.
 */
final class RecordBytes {
  private RecordBytes() {}

  /**
   * Texts a record repeats (ids, messages), each written once in a table and elsewhere as its
   * number in it ({@link In#texts} reads the table back).
   */
  static final class Table {
    private final java.util.Map<String, Integer> numbers = new java.util.HashMap<>();
    private final java.util.List<String> texts = new java.util.ArrayList<>();

    int number(String text) {
      return numbers.computeIfAbsent(text, t -> {
        texts.add(t);
        return texts.size() - 1;
      });
    }

    void writeTo(Out out) {
      out.count(texts.size());
      texts.forEach(out::text);
    }
  }

  /** Unsigned variable-length numbers and length-prefixed UTF-8 text, into a growing array. */
  static final class Out {
    private byte[] bytes = new byte[1 << 16];
    private int size;

    void count(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("negative count " + v);
      }
      while (v >= 0x80) {
        put((byte) (v | 0x80));
        v >>>= 7;
      }
      put((byte) v);
    }

    void fixed(long v) {
      for (int i = 0; i < 8; i++) {
        put((byte) (v >>> (8 * i)));
      }
    }

    void text(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      count(b.length);
      ensure(b.length);
      System.arraycopy(b, 0, bytes, size, b.length);
      size += b.length;
    }

    void diagnostic(dev.errata.Diagnostic d) {
      text(d.file());
      count(d.line());
      count(d.column());
      text(d.severity().name());
      text(d.message());
      text(d.hint());
    }

    int size() {
      return size;
    }

    void writeTo(OutputStream out) throws IOException {
      out.write(bytes, 0, size);
    }

    private void put(byte b) {
      ensure(1);
      bytes[size++] = b;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }
  }

  /** Reads what {@link Out} wrote; throws on anything cut short. */
  static final class In {
    private final byte[] bytes;
    private int at;

    In(byte[] bytes) {
      this.bytes = bytes;
    }

    int count() {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        byte b = bytes[at++];
        v |= (b & 0x7f) << shift;
        if (b >= 0) {
          if (v < 0) {
            throw new IllegalStateException("count out of range");
          }
          return v;
        }
      }
      throw new IllegalStateException("count too long");
    }

    long fixed() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v |= (bytes[at++] & 0xffL) << (8 * i);
      }
      return v;
    }

    String text() {
      int n = count();
      if (n > bytes.length - at) {
        throw new IllegalStateException("text cut short");
      }
      String s = new String(bytes, at, n, StandardCharsets.UTF_8);
      at += n;
      return s;
    }

    /** A table that {@link Table#writeTo} wrote, by number. */
    String[] texts() {
      String[] out = new String[count()];
      for (int i = 0; i < out.length; i++) {
        out[i] = text();
      }
      return out;
    }

    dev.errata.Diagnostic diagnostic() {
      return new dev.errata.Diagnostic(text(), count(), count(), dev.errata.Diagnostic.Severity.valueOf(text()), text(), text());
    }

    boolean atEnd() {
      return at == bytes.length;
    }
  }
}
