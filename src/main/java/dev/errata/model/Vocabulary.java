package dev.errata.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The names entries may use: components (with a title and description for their pages) and
 * tags. Anything else is reported by {@code errata check}.
 */
public record Vocabulary(Map<String, ComponentInfo> components, List<String> tags) {

  /** What the site says about a component. */
  public record ComponentInfo(String name, String title, String description) {}

  public Vocabulary {
    components = java.util.Collections.unmodifiableMap(new TreeMap<>(components));
    tags = tags.stream().sorted().toList();
  }

  public static Vocabulary empty() {
    return new Vocabulary(Map.of(), List.of());
  }

  public Optional<ComponentInfo> findComponent(String name) {
    return Optional.ofNullable(components.get(name));
  }

  /** The component's title, or its name when the vocabulary does not describe it. */
  public String componentTitle(String name) {
    return findComponent(name).map(ComponentInfo::title).orElse(name);
  }
}
