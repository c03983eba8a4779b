package dev.errata.check;

import dev.errata.Diagnostic;
import dev.errata.model.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;

/** Runs every cross-entry rule and returns all their diagnostics, sorted by file and line. */
public final class Checker {
  private final List<Rule> rules;

  public Checker(List<Rule> extra) {
    this(extra, java.util.Map.of());
  }

  /**
   * @param unloaded ids of entries left out of {@code kb} for their own errors, with their files:
   *     they exist, so naming one is no broken link, and sharing one is a duplicate now
   */
  public Checker(List<Rule> extra, java.util.Map<String, List<String>> unloaded) {
    List<Rule> all = new ArrayList<>(List.of(new UniqueIds(unloaded), new LinksExist(unloaded.keySet())));
    all.addAll(extra);
    this.rules = List.copyOf(all);
  }

  public Checker() {
    this(List.of());
  }

  public List<Diagnostic> check(KnowledgeBase kb) {
    List<Diagnostic> out = new ArrayList<>();
    for (Rule r : rules) {
      out.addAll(r.check(kb));
    }
    return out.stream().sorted(Diagnostic.ORDER).toList();
  }
}
