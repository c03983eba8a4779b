package dev.errata;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteWriter} wrote, from a part of an array; throws {@link IllegalStateException}
 * (or an index error) on anything cut short or out of range, which a reader of a record takes as a
 * record it cannot use.
 */
public class ByteReader {
  private final byte[] bytes;
  private final int end;
  private int at;

  public ByteReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  public ByteReader(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.at = offset;
    this.end = offset + length;
  }

  /** A non-negative number written by {@link ByteWriter#varint}. */
  public final int count() {
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      byte b = next();
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

  public final int u8() {
    return next() & 0xff;
  }

  /** What {@link ByteWriter#fixed64} wrote. */
  public final long fixed() {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v |= (next() & 0xffL) << (8 * i);
    }
    return v;
  }

  /** What {@link ByteWriter#utf8} wrote. */
  public final String text() {
    int n = count();
    if (n > end - at) {
      throw new IllegalStateException("text cut short");
    }
    String s = new String(bytes, at, n, StandardCharsets.UTF_8);
    at += n;
    return s;
  }

  /** What {@link ByteWriter#diagnostic} wrote. */
  public final Diagnostic diagnostic() {
    return new Diagnostic(text(), count(), count(), Diagnostic.Severity.valueOf(text()), text(), text());
  }

  public final boolean atEnd() {
    return at == end;
  }

  private byte next() {
    if (at >= end) {
      throw new IllegalStateException("cut short");
    }
    return bytes[at++];
  }
}
