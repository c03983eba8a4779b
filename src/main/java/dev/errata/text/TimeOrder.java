package dev.errata.text;

/**
 * Whether a paste runs newest first, as log platforms show and export logs (Grafana Explore,
 * Kibana Discover, GCP's Logs Explorer): told by the time of day each line shows first
 * ({@code hh:mm:ss} with its fraction), compared with the line before that showed one. A paste
 * runs newest first when its times go back at least three times and more than twice as often as
 * they go forward; a log in the order it was written goes forward, with a step back at most where
 * pods interleave or a day turns.
 */
final class TimeOrder {
  private long previous = -1;
  private int back;
  private int forward;

  /** Takes the next line's time of day, if it shows one. */
  void line(String line) {
    long t = timeOfDay(line);
    if (t < 0) {
      return;
    }
    if (previous >= 0 && t < previous) {
      back++;
    } else if (previous >= 0 && t > previous) {
      forward++;
    }
    previous = t;
  }

  boolean newestFirst() {
    return back >= 3 && back > 2 * forward;
  }

  /**
   * The first {@code hh:mm:ss} of {@code line} (hours of one or two digits), with up to nine
   * digits of its fraction after a point or a comma, in nanoseconds of the day; -1 when it has none.
   */
  static long timeOfDay(String line) {
    int n = line.length();
    for (int i = line.indexOf(':'); i >= 0 && i + 5 < n; i = line.indexOf(':', i + 1)) {
      if (!digits(line, i + 1, 2) || line.charAt(i + 3) != ':' || !digits(line, i + 4, 2)
          || (i + 6 < n && isDigit(line.charAt(i + 6))) || i < 1 || !isDigit(line.charAt(i - 1))) {
        continue;
      }
      int h0 = i >= 2 && isDigit(line.charAt(i - 2)) ? i - 2 : i - 1;
      if (h0 > 0 && isDigit(line.charAt(h0 - 1))) {
        continue;
      }
      // Read in place: every line of every paste comes here, most of them with a time.
      long seconds = number(line, h0, i) * 3600 + number(line, i + 1, i + 3) * 60 + number(line, i + 4, i + 6);
      long nanos = 0;
      int f = i + 6;
      if (f + 1 < n && (line.charAt(f) == '.' || line.charAt(f) == ',') && isDigit(line.charAt(f + 1))) {
        long scale = 100_000_000L;
        for (int k = f + 1; k < n && isDigit(line.charAt(k)) && scale > 0; k++, scale /= 10) {
          nanos += (line.charAt(k) - '0') * scale;
        }
      }
      return seconds * 1_000_000_000L + nanos;
    }
    return -1;
  }

  /** The digits {@code s[from, to)} as a number. */
  private static long number(String s, int from, int to) {
    long v = 0;
    for (int k = from; k < to; k++) {
      v = v * 10 + (s.charAt(k) - '0');
    }
    return v;
  }

  private static boolean digits(String s, int from, int count) {
    for (int k = from; k < from + count; k++) {
      if (k >= s.length() || !isDigit(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
