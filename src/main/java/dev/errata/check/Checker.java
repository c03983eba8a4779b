package dev.errata.check;

import dev.errata.Diagnostic;
import dev.errata.model.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;

/** Runs every cross-entry rule and returns all their diagnostics, sorted by file and line. */
public final class Checker {
  private final List<Rule> rules;

  public Checker(List<Rule> extra) {
    List<Rule> all = new ArrayList<>(List.of(new UniqueIds(), new LinksExist()));
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
