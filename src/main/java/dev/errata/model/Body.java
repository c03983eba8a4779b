package dev.errata.model;

import dev.errata.Lazy;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An entry's Markdown body, unrendered. A rebuild takes most entries from what the last build
 * kept of their files without reading the files; such an entry's body is read from its file only
 * when something asks for it (its page is rendered again), and most never are. Two bodies are
 * equal when their texts are.
 */
public final class Body {
  private final Lazy<String> text;

  private Body(Lazy<String> text) {
    this.text = text;
  }

  public static Body of(String text) {
    Objects.requireNonNull(text, "text");
    Lazy<String> at = Lazy.of(() -> text);
    at.get();
    return new Body(at);
  }

  /**
   * A body read by {@code read} when first asked for. What {@code read} throws (the file changed
   * or went away since it was looked at) goes to the caller that asked, and the next asks again.
   */
  public static Body later(Supplier<String> read) {
    Objects.requireNonNull(read, "read");
    return new Body(Lazy.of(() -> Objects.requireNonNull(read.get(), "body")));
  }

  /** The Markdown, read first if it was not. */
  public String text() {
    return text.get();
  }

  /** Whether the text is at hand, without reading it. */
  public boolean isRead() {
    return text.made();
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
