package dev.errata.testing;

import dev.errata.content.ContentLoader;
import dev.errata.text.Rules;
import java.nio.file.Path;

/** The rules the shipped site matches with: the tool's generic ones and {@code content/matching.yml}. */
public final class ShippedRules {
  private ShippedRules() {}

  private static final class Holder {
    static final Rules RULES = Rules.forContent(new ContentLoader().matchingRules(Path.of("content")));
  }

  public static Rules get() {
    return Holder.RULES;
  }
}
