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
 * the picture reads without colour: the shipped stylesheet draws it from the cell's state (so
 * pages do not repeat the same three symbols in markup), and templates of one's own may still
 * write {@link Views.Cell#symbol()}.
 */
final class VersionPicture {
  private final Map<String, List<Version>> known = new HashMap<>();
  /**
   * Rows already drawn, by what they show: equal rows are one object, which the entry template's
   * {@code <@cached key=v>} renders once (see {@link Cached}). Keyed by the texts of the ranges
   * and versions, not by {@link Component}: versions that order alike ({@code 2.0}, {@code 2.0.0})
   * are equal, but each row shows its own spelling.
   */
  private final Map<String, Views.VersionRow> rows = new java.util.concurrent.ConcurrentHashMap<>();
  private final Vocabulary vocabulary;
  private final Map<String, Columns> columns = new java.util.concurrent.ConcurrentHashMap<>();

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
   * The row of {@code c} under {@code columns} ({@link #columns} of its name). The symbols are
   * character references, which a template outputs as they are, so that a page of ASCII content
   * stays ASCII (see {@code AsciiPagesTest}).
   */
  Views.VersionRow row(Component c, Columns columns, String root, String lang, Map<String, String> words) {
    StringBuilder key = new StringBuilder(root).append('\n').append(lang).append('\n').append(c.name());
    c.affected().forEach(r -> key.append('\n').append(r.text()));
    key.append('\n');
    c.fixed().forEach(v -> key.append('\n').append(v.text()));
    return rows.computeIfAbsent(key.toString(), k -> draw(c, columns, root, lang, words));
  }

  /**
   * What a component's rows show besides an entry's own ranges: its title and every version of it
   * the knowledge base names, in order. One object per component, which many pages share.
   */
  record Columns(String title, List<Version> versions) {}

  /** The columns of the component {@code name}, the same object each time. */
  Columns columns(String name) {
    return columns.computeIfAbsent(name, n -> new Columns(vocabulary.componentTitle(n), known.getOrDefault(n, List.of())));
  }

  private Views.VersionRow draw(Component c, Columns columns, String root, String lang, Map<String, String> words) {
    List<Views.Cell> cells = new ArrayList<>();
    for (Version v : columns.versions()) {
      cells.add(switch (c.verdict(v)) {
        case AFFECTED -> new Views.Cell(v.text(), "affected", "&#x2717;", Say.format(words.get("version.cell_affected"), List.of(v.text())));
        case FIXED -> new Views.Cell(v.text(), "fixed", "&#x2713;", Say.format(words.get("version.cell_fixed"), List.of(v.text())));
        case NOT_AFFECTED -> new Views.Cell(v.text(), "unaffected", "&#xb7;", Say.format(words.get("version.cell_unaffected"), List.of(v.text())));
      });
    }
    String affected = c.allVersions() ? words.get("version.all")
        : c.affected().stream().map(VersionRange::text).collect(Collectors.joining("; "));
    String fixed = c.fixed().isEmpty() ? words.get("version.no_fix")
        : c.fixed().stream().map(Version::text).collect(Collectors.joining(", "));
    return new Views.VersionRow(c.name(), columns.title(),
        root + "components/" + c.name() + ".html", affected, fixed, cells, lang);
  }
}
