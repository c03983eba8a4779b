package dev.errata.model;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * All entries of a content folder, sorted by id, with the vocabulary they use and the rules
 * ({@code matching.yml}) that find their components and versions in pasted text.
 */
public record KnowledgeBase(SiteInfo site, Vocabulary vocabulary, List<Entry> entries, MatchingRules matching) {

  public KnowledgeBase {
    entries = entries.stream().sorted(Comparator.comparing(Entry::id)).toList();
  }

  /** A knowledge base with no matching rules of its own. */
  public KnowledgeBase(SiteInfo site, Vocabulary vocabulary, List<Entry> entries) {
    this(site, vocabulary, entries, MatchingRules.none());
  }

  public Optional<Entry> find(String id) {
    for (Entry e : entries) {
      if (e.id().equals(id)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  public Entry require(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("no entry " + id));
  }

  /** Component name to the entries that list it, names sorted. */
  public Map<String, List<Entry>> byComponent() {
    Map<String, List<Entry>> out = new TreeMap<>();
    for (Entry e : entries) {
      for (Component c : e.components()) {
        out.computeIfAbsent(c.name(), k -> new java.util.ArrayList<>()).add(e);
      }
    }
    return freeze(out);
  }

  /** Tag to the entries that carry it, tags sorted. */
  public Map<String, List<Entry>> byTag() {
    Map<String, List<Entry>> out = new TreeMap<>();
    for (Entry e : entries) {
      for (String t : new TreeSet<>(e.tags())) {
        out.computeIfAbsent(t, k -> new java.util.ArrayList<>()).add(e);
      }
    }
    return freeze(out);
  }

  /** Most recently modified first; ties by id so the order never depends on the file system. */
  public List<Entry> recentlyModified() {
    return entries.stream()
        .sorted(Comparator.comparing(Entry::modified).reversed().thenComparing(Entry::id))
        .toList();
  }

  private static Map<String, List<Entry>> freeze(Map<String, List<Entry>> in) {
    Map<String, List<Entry>> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(out);
  }
}
