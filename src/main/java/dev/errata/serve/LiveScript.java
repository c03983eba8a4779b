package dev.errata.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The reload script of {@code errata serve} and its tag, added to each HTML page as it is served
 * so that no built file ever holds it.
 */
final class LiveScript {
  static final String TEXT = load();
  static final byte[] TAG = ("<script src=\"" + LiveEvents.SCRIPT + "\"></script>\n").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BODY_END = "</body>".getBytes(StandardCharsets.US_ASCII);

  private LiveScript() {}

  /** The page with the script tag before its last {@code </body>}, or at its end when it has none. */
  static byte[] inject(byte[] page) {
    int at = lastIndexOf(page, BODY_END);
    if (at < 0) {
      at = page.length;
    }
    byte[] out = new byte[page.length + TAG.length];
    System.arraycopy(page, 0, out, 0, at);
    System.arraycopy(TAG, 0, out, at, TAG.length);
    System.arraycopy(page, at, out, at + TAG.length, page.length - at);
    return out;
  }

  private static int lastIndexOf(byte[] text, byte[] part) {
    for (int i = text.length - part.length; i >= 0; i--) {
      int j = 0;
      while (j < part.length && text[i + j] == part[j]) {
        j++;
      }
      if (j == part.length) {
        return i;
      }
    }
    return -1;
  }

  private static String load() {
    try (InputStream in = LiveScript.class.getResourceAsStream("live.js")) {
      if (in == null) {
        throw new IllegalStateException("live.js is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
