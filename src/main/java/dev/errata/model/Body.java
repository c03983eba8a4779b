package dev.errata.model;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * An entry's Markdown body, unrendered. A rebuild takes most entries from what the last build
 * kept of their files without reading the files; such an entry's body is read from its file only
 * when something asks for it (its page is rendered again), and most never are. Two bodies are
 * equal when their texts are.
 */
public final class Body {
  private Supplier<String> read;
  private String text;

  private Body(String text, Supplier<String> read) {
    this.text = text;
    this.read = read;
  }

  public static Body of(String text) {
    return new Body(Objects.requireNonNull(text, "text"), null);
  }

  /**
   * A body read by {@code read} when first asked for. What {@code read} throws (the file changed
   * or went away since it was looked at) goes to the caller that asked, and the next asks again.
   */
  public static Body later(Supplier<String> read) {
    return new Body(null, Objects.requireNonNull(read, "read"));
  }

  /** The Markdown, read first if it was not. */
  public synchronized String text() {
    if (text == null) {
      text = Objects.requireNonNull(read.get(), "body");
      read = null;
    }
    return text;
  }

  /** Whether the text is at hand, without reading it. */
  public synchronized boolean isRead() {
    return text != null;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Body b && text().equals(b.text());
  }

  @Override
  public int hashCode() {
    return text().hashCode();
  }

  @Override
  public String toString() {
    return text();
  }
}
