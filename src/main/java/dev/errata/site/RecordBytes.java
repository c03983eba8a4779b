package dev.errata.site;

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
  static final class Out extends dev.errata.ByteWriter {
    Out() {
      super(1 << 16);
    }

    void count(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("negative count " + v);
      }
      varint(v);
    }

    void fixed(long v) {
      fixed64(v);
    }

    void text(String s) {
      utf8(s);
    }

    void diagnostic(dev.errata.Diagnostic d) {
      text(d.file());
      count(d.line());
      count(d.column());
      text(d.severity().name());
      text(d.message());
      text(d.hint());
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
