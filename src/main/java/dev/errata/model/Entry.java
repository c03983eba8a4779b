package dev.errata.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One troubleshooting entry: the front matter, typed, and the Markdown body as written.
 *
 * @param translationOf the id of the original when this entry is a translation, else null
 * @param downstream whether its error usually follows from another failure (the server's summary
 *     of failed models, a client that cannot connect to a server that died): answers for such an
 *     entry come after the other confident ones
 * @param followsFrom ids of entries whose failure this entry's error can follow from: when a paste
 *     shows both confidently, theirs comes first, whatever the order of the lines
 * @param body the Markdown body, unrendered (read from its file when first asked for, {@link Body})
 */
public record Entry(
    String id,
    String title,
    String summary,
    String lang,
    String translationOf,
    Status status,
    LocalDate published,
    LocalDate modified,
    List<String> tags,
    List<Component> components,
    List<Symptom> symptoms,
    List<String> causes,
    List<Fix> fixes,
    Examples examples,
    List<Reference> references,
    List<String> related,
    boolean downstream,
    List<String> followsFrom,
    Body body,
    Source source) {

  public Entry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(examples, "examples");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(source, "source");
    tags = List.copyOf(tags);
    components = List.copyOf(components);
    symptoms = List.copyOf(symptoms);
    causes = List.copyOf(causes);
    fixes = List.copyOf(fixes);
    references = List.copyOf(references);
    related = List.copyOf(related);
    followsFrom = List.copyOf(followsFrom);
  }

  public Optional<String> findTranslationOf() {
    return Optional.ofNullable(translationOf);
  }

  public Optional<Component> findComponent(String name) {
    return components.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
