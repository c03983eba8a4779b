package dev.errata;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * CRC-32 and CRC-32C of some bytes, as one 64-bit number: what the build sums a content file, an
 * example paste and the site's match index file by. Both run natively (intrinsics), where a digest
 * written in Java runs at the pace of the quick compiler that builds run on, and SHA-256 as plain
 * code. The inputs are the team's own files, so only chance makes two sums equal, about once in
 * 2^64 per pair; not made to resist bytes crafted to collide.
 */
public final class Checksum {
  private Checksum() {}

  /** The sum of {@code parts}, one after another. */
  public static long of(byte[]... parts) {
    CRC32 crc = new CRC32();
    CRC32C crcC = new CRC32C();
    for (byte[] p : parts) {
      crc.update(p, 0, p.length);
      crcC.update(p, 0, p.length);
    }
    return crc.getValue() << 32 | crcC.getValue();
  }

  /** The sum of the bytes {@code bytes} has left, which it leaves where they were. */
  public static long of(ByteBuffer bytes) {
    CRC32 crc = new CRC32();
    CRC32C crcC = new CRC32C();
    crc.update(bytes.slice());
    crcC.update(bytes.slice());
    return crc.getValue() << 32 | crcC.getValue();
  }
}
