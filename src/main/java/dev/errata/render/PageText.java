package dev.errata.render;

import java.io.Writer;

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

  @Override
  public String toString() {
    return text.toString();
  }
}
