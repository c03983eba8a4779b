package dev.errata.model;

import java.util.List;

/** Pastes that must find the entry first ({@code match}) and near misses that must not. */
public record Examples(List<String> match, List<String> noMatch) {
  public Examples {
    match = List.copyOf(match);
    noMatch = List.copyOf(noMatch);
  }

  public static Examples none() {
    return new Examples(List.of(), List.of());
  }
}
