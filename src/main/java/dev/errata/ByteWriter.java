package dev.errata;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Bytes into a growing array: variable-length numbers (seven bits a byte, low first, the high bit
 * saying more follow), fixed-width numbers and length-prefixed UTF-8 text. The match index and
 * the records builds keep are written with it. Not a {@code DataOutputStream} over a {@code
 * ByteArrayOutputStream}: on the quick compiler every byte through those was a synchronized call,
 * a tenth of encoding a large index.
 */
public class ByteWriter {
  private byte[] bytes;
  private int size;

  public ByteWriter(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /** Any int, as unsigned: a negative one takes five bytes. */
  public final void varint(int v) {
    ensure(5);
    while ((v & ~0x7f) != 0) {
      bytes[size++] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    bytes[size++] = (byte) v;
  }

  public final void u8(int v) {
    ensure(1);
    bytes[size++] = (byte) v;
  }

  /** Eight bytes, low first. */
  public final void fixed64(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      bytes[size++] = (byte) (v >>> (8 * i));
    }
  }

  /** Four bytes, high first (as {@code DataOutputStream.writeInt}). */
  public final void int32(int v) {
    ensure(4);
    bytes[size++] = (byte) (v >>> 24);
    bytes[size++] = (byte) (v >>> 16);
    bytes[size++] = (byte) (v >>> 8);
    bytes[size++] = (byte) v;
  }

  /** Its UTF-8 length as a varint, then the bytes. */
  public final void utf8(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    varint(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
  }

  /** A diagnostic, as {@link ByteReader#diagnostic} reads it. */
  public final void diagnostic(Diagnostic d) {
    utf8(d.file());
    varint(d.line());
    varint(d.column());
    utf8(d.severity().name());
    utf8(d.message());
    utf8(d.hint());
  }

  public final int size() {
    return size;
  }

  public final void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  public final byte[] toByteArray() {
    return java.util.Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
