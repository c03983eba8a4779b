package dev.errata;

/**
 * Thrown, without a stack trace, where one of our fast readers or writers meets input outside the
 * subset it handles (front matter, Markdown): its caller catches it and hands the whole input to
 * the general library. It never reaches a user.
 */
public final class Declined extends RuntimeException {
  public static final Declined INSTANCE = new Declined();

  private Declined() {
    super(null, null, false, false);
  }
}
