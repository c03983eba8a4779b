package dev.errata.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One window of versions: conditions that all hold ({@code >=23.12, <24.10}), or every version
 * ({@code *}). A component lists several windows when a fix was backported.
 *
 * <p>This is OSV's "introduced / fixed / last affected" written the way people write ranges: a
 * lower bound is where the problem was introduced, an upper {@code <} bound is the first
 * version without it, an upper {@code <=} bound the last version known to have it.
 */
public record VersionRange(String text, List<Constraint> constraints) {

  public VersionRange {
    constraints = List.copyOf(constraints);
  }

  /** The window that contains every version. */
  public static VersionRange any() {
    return new VersionRange("*", List.of());
  }

  /**
   * Parses {@code ">=23.12, <24.10"}, {@code ">23.02"}, {@code "==24.08"} or {@code "*"}.
   *
   * @throws IllegalArgumentException with a message fit for a diagnostic
   */
  public static VersionRange parse(String raw) {
    String text = raw == null ? "" : raw.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("an empty range: write a window such as \">=23.12, <24.10\" or \"*\"");
    }
    if (text.equals("*")) {
      return any();
    }
    List<Constraint> constraints = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      constraints.add(parseConstraint(part.strip(), raw));
    }
    return new VersionRange(text, constraints);
  }

  private static Constraint parseConstraint(String part, String raw) {
    if (part.isEmpty()) {
      throw new IllegalArgumentException("range '" + raw + "' has an empty condition between commas");
    }
    for (Constraint.Operator op : new Constraint.Operator[] {
        Constraint.Operator.GE, Constraint.Operator.LE, Constraint.Operator.EQ,
        Constraint.Operator.GT, Constraint.Operator.LT}) {
      if (part.startsWith(op.symbol())) {
        String v = part.substring(op.symbol().length()).strip();
        try {
          return new Constraint(op, Version.parse(v));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("range '" + raw + "': " + e.getMessage(), e);
        }
      }
    }
    if (part.startsWith("=") || part.startsWith("!") || part.startsWith("~") || part.startsWith("^")) {
      throw new IllegalArgumentException(
          "range '" + raw + "': operator in '" + part + "' is not one of >=, >, <=, <, ==");
    }
    Optional<String> hyphen = hyphenRange(part);
    if (hyphen.isPresent()) {
      throw new IllegalArgumentException("range '" + raw + "': a hyphen range is not accepted; write " + hyphen.get());
    }
    throw new IllegalArgumentException(
        "range '" + raw + "': '" + part + "' has no operator; write >=" + part + ", ==" + part
            + " or <" + part);
  }

  /**
   * What to write for {@code 2.18-2.19} (from one version to another, as people write a span):
   * both ends included, and the form up to the next release when the last part of the upper end
   * is a number. Empty when the text is no such span: {@code 2.0.0-rc1} is one version.
   */
  static Optional<String> hyphenRange(String part) {
    int dash = part.indexOf('-');
    if (dash <= 0 || dash != part.lastIndexOf('-') || dash == part.length() - 1) {
      return Optional.empty();
    }
    String low = part.substring(0, dash).strip();
    String high = part.substring(dash + 1).strip();
    try {
      if (!Character.isDigit(high.charAt(0)) || Version.parse(low).compareTo(Version.parse(high)) >= 0) {
        return Optional.empty();
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String inclusive = "\">=" + low + ", <=" + high + "\"";
    int lastDot = high.lastIndexOf('.');
    String last = high.substring(lastDot + 1);
    if (!last.isEmpty() && last.chars().allMatch(Character::isDigit) && last.length() < 9) {
      String next = high.substring(0, lastDot + 1) + String.format(java.util.Locale.ROOT, "%0" + last.length() + "d", Integer.parseInt(last) + 1);
      return Optional.of("\">=" + low + ", <" + next + "\" (up to the next release) or " + inclusive + " (both ends included)");
    }
    return Optional.of(inclusive + " (both ends included)");
  }

  public boolean contains(Version v) {
    for (Constraint c : constraints) {
      if (!c.test(v)) {
        return false;
      }
    }
    return true;
  }

  /** The lowest bound, if the window has one: {@code >=} or {@code >} or {@code ==}. */
  public Optional<Constraint> lower() {
    Constraint best = null;
    for (Constraint c : constraints) {
      if (c.operator() == Constraint.Operator.GE || c.operator() == Constraint.Operator.GT
          || c.operator() == Constraint.Operator.EQ) {
        if (best == null || c.version().compareTo(best.version()) > 0
            || (c.version().equals(best.version()) && c.operator() == Constraint.Operator.GT)) {
          best = c;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The highest bound, if the window has one: {@code <=} or {@code <} or {@code ==}. */
  public Optional<Constraint> upper() {
    Constraint best = null;
    for (Constraint c : constraints) {
      if (c.operator() == Constraint.Operator.LE || c.operator() == Constraint.Operator.LT
          || c.operator() == Constraint.Operator.EQ) {
        if (best == null || c.version().compareTo(best.version()) < 0
            || (c.version().equals(best.version()) && c.operator() == Constraint.Operator.LT)) {
          best = c;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** True when no version can satisfy every condition, such as {@code >=24.10, <23.12}. */
  public boolean isEmpty() {
    Optional<Constraint> lo = lower();
    Optional<Constraint> hi = upper();
    if (lo.isEmpty() || hi.isEmpty()) {
      return false;
    }
    int c = lo.get().version().compareTo(hi.get().version());
    if (c > 0) {
      return true;
    }
    if (c == 0) {
      boolean closed = lo.get().operator() != Constraint.Operator.GT
          && hi.get().operator() != Constraint.Operator.LT;
      return !closed || !contains(lo.get().version());
    }
    // Two different == conditions also leave nothing; contains() of either bound tells.
    return constraints.stream().anyMatch(k -> k.operator() == Constraint.Operator.EQ)
        && constraints.stream()
            .filter(k -> k.operator() == Constraint.Operator.EQ)
            .noneMatch(k -> contains(k.version()));
  }

  @Override
  public String toString() {
    return text;
  }
}
