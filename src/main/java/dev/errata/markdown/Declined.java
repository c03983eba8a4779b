package dev.errata.markdown;

/**
 * Thrown, without a stack trace, where one of our fast Markdown readers or writers meets input
 * outside the subset it handles: its caller catches it and hands the whole input to Flexmark. It
 * never reaches a user.
 */
final class Declined extends RuntimeException {
  static final Declined INSTANCE = new Declined();

  private Declined() {
    super(null, null, false, false);
  }
}
