package dev.errata.version;

import java.util.Locale;
import java.util.Objects;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * A version as people write it ({@code 23.02}, {@code 2.0.0rc1}, {@code 2.1.0+cu121}), ordered by
 * Maven's {@link ComparableVersion}.
 *
 * <p>Why Maven's ordering: it is maintained, has no dependencies, and already orders the shapes
 * our components use the way users expect: numeric segments compare as numbers ({@code 23.02 <
 * 23.12}), missing trailing zeros are equal ({@code 2.0 == 2.0.0}) and pre-release qualifiers sort
 * before the release ({@code 2.0.0rc1 < 2.0.0}). What it does not know is PEP 440's local version
 * label: {@code +cu121} would become a qualifier that sorts <em>after</em> the release. pip
 * ignores the local label when the other side has none, so we drop it before comparing and keep
 * it only for display.
 */
public final class Version implements Comparable<Version> {
  private final String text;
  private final ComparableVersion order;

  private Version(String text, String comparable) {
    this.text = text;
    this.order = new ComparableVersion(comparable);
  }

  /**
   * Parses a version; it must start with a digit (an optional leading {@code v} is dropped).
   *
   * @throws IllegalArgumentException with a message fit for a diagnostic
   */
  public static Version parse(String raw) {
    Objects.requireNonNull(raw, "raw");
    String text = raw.strip();
    String body = text;
    if (body.startsWith("v") || body.startsWith("V")) {
      body = body.substring(1);
    }
    if (body.isEmpty() || !Character.isDigit(body.charAt(0))) {
      throw new IllegalArgumentException(
          "'" + raw + "' is not a version: a version starts with a digit, such as 23.02 or 2.0.0");
    }
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      boolean ok = Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '+' || c == '_';
      if (!ok || c > 127) {
        throw new IllegalArgumentException(
            "'" + raw + "' is not a version: unexpected character '" + c + "'");
      }
    }
    int plus = body.indexOf('+');
    String comparable = plus >= 0 ? body.substring(0, plus) : body;
    if (comparable.isEmpty()) {
      throw new IllegalArgumentException("'" + raw + "' is not a version");
    }
    return new Version(text, comparable.toLowerCase(Locale.ROOT));
  }

  /** The version as written. */
  public String text() {
    return text;
  }

  @Override
  public int compareTo(Version other) {
    return order.compareTo(other.order);
  }

  /** Equal when they order equally: {@code 2.0} equals {@code 2.0.0} and {@code 2.1.0+cu121}. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Version v && order.equals(v.order);
  }

  @Override
  public int hashCode() {
    return order.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
