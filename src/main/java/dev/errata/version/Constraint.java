package dev.errata.version;

import java.util.Objects;

/** One condition of a window, such as {@code >=23.12}. */
public record Constraint(Operator operator, Version version) {

  /** The comparison operators a range may use. */
  public enum Operator {
    GE(">="),
    GT(">"),
    LE("<="),
    LT("<"),
    EQ("==");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  public Constraint {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(version, "version");
  }

  public boolean test(Version v) {
    int c = v.compareTo(version);
    return switch (operator) {
      case GE -> c >= 0;
      case GT -> c > 0;
      case LE -> c <= 0;
      case LT -> c < 0;
      case EQ -> c == 0;
    };
  }

  @Override
  public String toString() {
    return operator.symbol() + version.text();
  }
}
