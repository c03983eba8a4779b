package dev.errata.check;

import dev.errata.Diagnostic;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.model.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code related}, {@code follows_from} and {@code translation_of} must name entries that exist. */
final class LinksExist implements Rule {
  private final Set<String> unloaded;

  /** @param unloaded ids of entries that exist but were left out for their own errors, which are reported */
  LinksExist(Set<String> unloaded) {
    this.unloaded = Set.copyOf(unloaded);
  }

  @Override
  public List<Diagnostic> check(KnowledgeBase kb) {
    Set<String> ids = new java.util.HashSet<>();
    kb.entries().forEach(e -> ids.add(e.id()));
    List<Diagnostic> out = new ArrayList<>();
    // Many links to one missing entry (renamed or removed) get one search for a hint, among the
    // ids in order (ties go to the first), sorted only when a link is broken.
    java.util.Map<String, String> hints = new java.util.HashMap<>();
    Set<String> sorted = new TreeSet<>();
    java.util.function.BiFunction<String, String, String> hint = (typed, otherwise) -> {
      if (sorted.isEmpty()) {
        sorted.addAll(ids);
      }
      return hints.computeIfAbsent(typed + "\n" + otherwise, k -> hint(typed, sorted, otherwise));
    };
    for (Entry e : kb.entries()) {
      links(e, "related", e.related(), ids, hint, out);
      links(e, "follows_from", e.followsFrom(), ids, hint, out);
      String t = e.translationOf();
      if (t != null) {
        int line = e.source().line("/translation_of");
        if (t.equals(e.id())) {
          out.add(Diagnostic.error(e.source().path(), line, "entry is a translation of itself", "name the original entry's id"));
        } else if (!ids.contains(t)) {
          // An original left out for its own errors exists; those errors are reported on its file.
          if (!unloaded.contains(t)) {
            out.add(Diagnostic.error(e.source().path(), line, "translation_of names '" + t + "', which does not exist",
                hint.apply(t, "name the id of the original entry")));
          }
        } else {
          Entry original = kb.require(t);
          if (original.translationOf() != null) {
            out.add(Diagnostic.error(e.source().path(), line, "'" + t + "' is itself a translation of '" + original.translationOf() + "'",
                "point translation_of at the original, '" + original.translationOf() + "'"));
          } else if (original.lang().equals(e.lang())) {
            out.add(Diagnostic.error(e.source().path(), e.source().line("/lang"),
                "a translation of '" + t + "' has the same lang '" + e.lang() + "'", "set lang to the translation's language"));
          }
        }
      }
    }
    return out;
  }

  /** Each id of the list {@code key} names another entry that exists (or was left out for its own errors). */
  private void links(Entry e, String key, List<String> linked, Set<String> ids,
      java.util.function.BiFunction<String, String, String> hint, List<Diagnostic> out) {
    for (int i = 0; i < linked.size(); i++) {
      String r = linked.get(i);
      // A key's line is looked up only for a problem: finding it reads the front matter again.
      if (r.equals(e.id())) {
        out.add(Diagnostic.error(e.source().path(), e.source().line("/" + key + "/" + i),
            key.equals("related") ? "entry lists itself as related" : "entry lists itself in " + key, "remove '" + r + "' from " + key));
      } else if (!ids.contains(r) && !unloaded.contains(r)) {
        out.add(Diagnostic.error(e.source().path(), e.source().line("/" + key + "/" + i),
            key.equals("related") ? "related entry '" + r + "' does not exist" : key + " names '" + r + "', which does not exist",
            hint.apply(r, "remove it or write that entry")));
      }
    }
  }

  private static String hint(String typed, Set<String> ids, String otherwise) {
    String h = Names.didYouMean(typed, ids);
    return h.isEmpty() ? otherwise : h;
  }
}
