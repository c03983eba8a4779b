package dev.errata.check;

import dev.errata.Diagnostic;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ids are permanent addresses: two entries may not share one, even in different folders. */
final class UniqueIds implements Rule {
  private final Map<String, List<String>> unloaded;

  /** @param unloaded ids of files left out for their own errors: they count as users of their id */
  UniqueIds(Map<String, List<String>> unloaded) {
    this.unloaded = unloaded;
  }

  @Override
  public List<Diagnostic> check(KnowledgeBase kb) {
    Map<String, List<Entry>> byId = new LinkedHashMap<>();
    for (Entry e : kb.entries()) {
      byId.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e);
    }
    List<Diagnostic> out = new ArrayList<>();
    byId.forEach((id, entries) -> {
      List<String> broken = unloaded.getOrDefault(id, List.of());
      if (entries.size() + broken.size() > 1) {
        for (Entry e : entries) {
          List<String> others = new ArrayList<>(entries.stream().filter(o -> o != e).map(o -> o.source().path()).toList());
          broken.forEach(b -> others.add(b + " (which has errors)"));
          out.add(Diagnostic.error(e.source().path(), e.source().line("/id"),
              "id '" + id + "' is also used by " + String.join(", ", others), "give one of them another id"));
        }
      }
    });
    unloaded.forEach((id, files) -> {
      if (files.size() > 1 && !byId.containsKey(id)) {
        for (String f : files) {
          out.add(Diagnostic.error(f, 0, "id '" + id + "' is also used by "
              + String.join(", ", files.stream().filter(o -> !o.equals(f)).toList()), "give one of them another id"));
        }
      }
    });
    return out;
  }
}
