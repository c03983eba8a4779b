package dev.errata.render;

import dev.errata.model.Component;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.model.Vocabulary;
import dev.errata.version.Constraint;
import dev.errata.version.Version;
import dev.errata.version.VersionRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Draws an entry's versions as a row of cells per component. The columns are every version of
 * that component named anywhere in the knowledge base, so neighbouring entries line up and a
 * reader sees where a window starts and ends. Each cell carries a symbol as well as a colour, so
 * the picture reads without colour.
 */
final class VersionPicture {
  private final Map<String, List<Version>> known = new HashMap<>();
  private final Vocabulary vocabulary;

  VersionPicture(KnowledgeBase kb) {
    this.vocabulary = kb.vocabulary();
    Map<String, TreeSet<Version>> sets = new HashMap<>();
    for (Entry e : kb.entries()) {
      for (Component c : e.components()) {
        TreeSet<Version> s = sets.computeIfAbsent(c.name(), k -> new TreeSet<>());
        for (VersionRange r : c.affected()) {
          for (Constraint k : r.constraints()) {
            s.add(k.version());
          }
        }
        s.addAll(c.fixed());
      }
    }
    sets.forEach((k, v) -> known.put(k, List.copyOf(v)));
  }

  /**
   * The symbols are written as character references, which the template outputs as they are: a
   * page with no character beyond Latin-1 stays a compact string all the way to the disk, and
   * the symbols were the only such characters on most pages.
   */
  Views.VersionRow row(Component c, String root) {
    List<Views.Cell> cells = new ArrayList<>();
    for (Version v : known.getOrDefault(c.name(), List.of())) {
      cells.add(switch (c.verdict(v)) {
        case AFFECTED -> new Views.Cell(v.text(), "affected", "&#x2717;", v.text() + ": affected");
        case FIXED -> new Views.Cell(v.text(), "fixed", "&#x2713;", v.text() + ": fixed");
        case NOT_AFFECTED -> new Views.Cell(v.text(), "unaffected", "&#xb7;", v.text() + ": not affected");
      });
    }
    String affected = c.allVersions() ? "all known versions"
        : c.affected().stream().map(VersionRange::text).collect(Collectors.joining("; "));
    String fixed = c.fixed().isEmpty() ? "no fixed release known"
        : c.fixed().stream().map(Version::text).collect(Collectors.joining(", "));
    return new Views.VersionRow(c.name(), vocabulary.componentTitle(c.name()),
        root + "components/" + c.name() + ".html", affected, fixed, cells);
  }
}
