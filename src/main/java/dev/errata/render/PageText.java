package dev.errata.render;

import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Where a template writes a page: a StringBuilder, without the lock StringWriter takes on every
 * one of the thousands of small writes a page is made of, sized for a typical entry page.
 */
final class PageText extends Writer {
  private final StringBuilder text = new StringBuilder(24 * 1024);

  @Override
  public void write(char[] chars, int offset, int length) {
    text.append(chars, offset, length);
  }

  @Override
  public void write(String s) {
    text.append(s);
  }

  @Override
  public void write(String s, int offset, int length) {
    text.append(s, offset, offset + length);
  }

  @Override
  public void write(int c) {
    text.append((char) c);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /**
   * The page as UTF-8. The builder's bytes are copied twice on the way (its String, then the
   * String's bytes), yet that is cheaper than a writer that encodes each character itself: a
   * loop per character under the C1 compiler costs more than the bulk copies do.
   */
  byte[] bytes() {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
