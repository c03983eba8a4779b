package dev.errata.match;

import java.util.Locale;

/**
 * How sure a result is. {@code EXACT} and {@code LIKELY} are confident answers; {@code POSSIBLE}
 * is shown but is not one.
 */
public enum Confidence {
  EXACT,
  LIKELY,
  POSSIBLE;

  public boolean confident() {
    return this != POSSIBLE;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
