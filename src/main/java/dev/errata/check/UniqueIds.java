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
  @Override
  public List<Diagnostic> check(KnowledgeBase kb) {
    Map<String, List<Entry>> byId = new LinkedHashMap<>();
    for (Entry e : kb.entries()) {
      byId.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e);
    }
    List<Diagnostic> out = new ArrayList<>();
    byId.forEach((id, entries) -> {
      if (entries.size() > 1) {
        for (Entry e : entries) {
          String others = entries.stream().filter(o -> o != e).map(o -> o.source().path()).reduce((a, b) -> a + ", " + b).orElse("");
          out.add(Diagnostic.error(e.source().path(), e.source().line("/id"),
              "id '" + id + "' is also used by " + others, "give one of them another id"));
        }
      }
    });
    return out;
  }
}
