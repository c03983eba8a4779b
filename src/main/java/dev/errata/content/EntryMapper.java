package dev.errata.content;

import dev.errata.model.Body;
import dev.errata.model.Component;
import dev.errata.model.Entry;
import dev.errata.model.Examples;
import dev.errata.model.Fix;
import dev.errata.model.Names;
import dev.errata.model.Reference;
import dev.errata.model.Source;
import dev.errata.model.Status;
import dev.errata.model.Symptom;
import dev.errata.model.Vocabulary;
import dev.errata.version.Version;
import dev.errata.version.VersionRange;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns one bound front matter into an {@link Entry}, checking every field on the way and
 * reporting all problems with their lines. Rules that need other entries live in {@code check}.
 */
final class EntryMapper {
  private final String defaultLang;
  private final Vocabulary vocabulary;
  private final String contentPath;

  EntryMapper(String defaultLang, Vocabulary vocabulary) {
    this(defaultLang, vocabulary, null);
  }

  /** @param contentPath the file's path relative to the content folder, or null when unknown */
  EntryMapper(String defaultLang, Vocabulary vocabulary, String contentPath) {
    this.defaultLang = defaultLang;
    this.vocabulary = vocabulary;
    this.contentPath = contentPath;
  }

  Optional<Entry> map(EntryDto d, String fileStem, FrontMatter fm, Problems p) {
    String id = required(d.id, "/id", "id", p, "add 'id: " + fileStem + "' (the file name without .md)");
    if (id != null) {
      if (!isKebab(id)) {
        p.error("/id", "id '" + id + "' is not kebab-case",
            "use lower-case letters, digits and single hyphens, such as '" + kebab(id) + "'");
      } else if (!id.equals(fileStem)) {
        p.error("/id", "id '" + id + "' differs from the file name '" + fileStem + ".md'",
            "rename the file to " + id + ".md or change the id; ids are permanent, so prefer renaming the file");
      }
    }
    String title = required(d.title, "/title", "title", p, "add a title a person would search for");
    String summary = required(d.summary, "/summary", "summary", p, "add a one-sentence summary");
    String lang = d.lang == null ? defaultLang : d.lang.strip();
    if (!isLanguageTag(lang)) {
      p.error("/lang", "lang '" + lang + "' is not a language tag", "write a tag such as en or zh");
    }
    Status status = status(d.status, p);
    LocalDate published = date(d.published, "/published", "published", p);
    LocalDate modified = date(d.modified, "/modified", "modified", p);
    if (published != null && modified != null && modified.isBefore(published)) {
      p.error("/modified", "modified " + modified + " is before published " + published,
          "set modified to the date of the last change");
    }
    List<String> tags = texts(d.tags, "/tags", "tags", p, true);
    for (int i = 0; i < tags.size() && d.tags != null; i++) {
      PageName.check(tags.get(i), "tag", "/tags/" + i, p);
    }
    List<Component> components = components(d.components, p);
    checkVocabulary(d, p);
    List<Symptom> symptoms = symptoms(d.symptoms, p);
    List<String> causes = texts(d.causes, "/causes", "causes", p, true);
    List<Fix> fixes = fixes(d.fixes, p);
    Examples examples = examples(d.examples, p);
    List<Reference> references = references(d.references, p);
    List<String> related = texts(d.related, "/related", "related", p, false);
    boolean downstream = Boolean.TRUE.equals(d.downstream);
    List<String> followsFrom = texts(d.followsFrom, "/follows_from", "follows_from", p, false);
    String translationOf = d.translationOf == null || d.translationOf.isBlank() ? null : d.translationOf.strip();

    if (p.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(new Entry(id, title, summary, lang, translationOf, status, published, modified,
        tags, components, symptoms, causes, fixes, examples, references, related, downstream, followsFrom, Body.of(fm.body()),
        new Source(p.file(), fm.bodyLine(), p.sourceLines(), contentPath)));
  }

  /**
   * Tags and component names come from one vocabulary, so that the pages per tag and component
   * gather everything that belongs together. Checked here rather than across entries so that a
   * file with other errors still hears about these. No {@code vocabulary.yml}: no check.
   */
  private void checkVocabulary(EntryDto d, Problems p) {
    if (vocabulary.components().isEmpty() && vocabulary.tags().isEmpty()) {
      return;
    }
    if (d.tags != null) {
      for (int i = 0; i < d.tags.size(); i++) {
        String t = d.tags.get(i);
        if (t != null && !t.isBlank() && !vocabulary.tags().contains(t.strip())) {
          p.warning("/tags/" + i, "tag '" + t.strip() + "' is not in vocabulary.yml", vocabularyHint(t.strip(), vocabulary.tags()));
        }
      }
    }
    if (d.components != null) {
      for (int i = 0; i < d.components.size(); i++) {
        EntryDto.ComponentDto c = d.components.get(i);
        if (c != null && c.name != null && !c.name.isBlank() && !vocabulary.components().containsKey(c.name.strip())) {
          p.warning("/components/" + i + "/name", "component '" + c.name.strip() + "' is not in vocabulary.yml",
              vocabularyHint(c.name.strip(), vocabulary.components().keySet()));
        }
      }
    }
  }

  private static String vocabularyHint(String typed, java.util.Collection<String> known) {
    String h = Names.didYouMean(typed, known);
    return h.isEmpty() ? "add it to vocabulary.yml or use a listed name" : h;
  }

  private static String required(String value, String ptr, String key, Problems p, String hint) {
    if (value == null || value.isBlank()) {
      p.error(ptr, "'" + key + "' is missing or empty", hint);
      return null;
    }
    return value.strip();
  }

  private static Status status(String value, Problems p) {
    List<String> keys = Arrays.stream(Status.values()).map(Status::key).toList();
    if (value == null || value.isBlank()) {
      p.error("/status", "'status' is missing", "use one of " + String.join(", ", keys));
      return null;
    }
    Optional<Status> s = Status.find(value.strip());
    if (s.isEmpty()) {
      String hint = Names.didYouMean(value.strip(), keys);
      p.error("/status", "unknown status '" + value + "'",
          (hint.isEmpty() ? "" : hint + " ") + "use one of " + String.join(", ", keys));
    }
    return s.orElse(null);
  }

  private static LocalDate date(String value, String ptr, String key, Problems p) {
    if (value == null || value.isBlank()) {
      p.error(ptr, "'" + key + "' is missing", "write the date as YYYY-MM-DD");
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      p.error(ptr, "'" + key + "' is not a date: '" + value + "'", "write the date as YYYY-MM-DD, such as 2024-11-15");
      return null;
    }
  }

  private static List<String> texts(List<String> values, String ptr, String key, Problems p, boolean required) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (int i = 0; i < values.size(); i++) {
        String v = values.get(i);
        if (v == null || v.isBlank()) {
          p.error(ptr + "/" + i, "item " + (i + 1) + " of '" + key + "' is empty", "remove it or fill it in");
        } else {
          out.add(v.strip());
        }
      }
    }
    if (required && out.isEmpty() && (values == null || values.isEmpty())) {
      p.error(ptr, "'" + key + "' is missing or empty", "add at least one item");
    }
    return out;
  }

  private static List<Component> components(List<EntryDto.ComponentDto> values, Problems p) {
    List<Component> out = new ArrayList<>();
    if (values == null || values.isEmpty()) {
      p.error("/components", "'components' is missing or empty",
          "name at least one component with its affected versions, such as {name: tritonserver, affected: [\"*\"]}");
      return out;
    }
    for (int i = 0; i < values.size(); i++) {
      EntryDto.ComponentDto c = values.get(i);
      String ptr = "/components/" + i;
      if (c == null) {
        if (!p.hasErrorAt(ptr)) {
          p.error(ptr, "component " + (i + 1) + " is empty", "give it a name and affected ranges");
        }
        continue;
      }
      String name = required(c.name, ptr + "/name", "name", p, "name the component, as listed in vocabulary.yml");
      if (name != null) {
        PageName.check(name, "component", ptr + "/name", p);
      }
      List<VersionRange> affected = new ArrayList<>();
      if (c.affected == null || c.affected.isEmpty()) {
        p.error(ptr + "/affected", "component '" + (name == null ? i + 1 : name) + "' has no affected ranges",
            "write the affected versions, such as [\">=23.12, <24.10\"], or [\"*\"] when every known version is");
      } else {
        for (int j = 0; j < c.affected.size(); j++) {
          String raw = c.affected.get(j);
          try {
            VersionRange r = VersionRange.parse(raw);
            if (r.isEmpty()) {
              p.error(ptr + "/affected/" + j, "range '" + raw + "' contains no version",
                  "the lower bound is above the upper bound; swap them or fix a typo");
            }
            affected.add(r);
          } catch (IllegalArgumentException e) {
            p.error(ptr + "/affected/" + j, e.getMessage(), "write ranges like \">=23.12, <24.10\", \">23.02\" or \"*\"");
          }
        }
      }
      List<Version> fixed = new ArrayList<>();
      if (c.fixed != null) {
        for (int j = 0; j < c.fixed.size(); j++) {
          String raw = c.fixed.get(j);
          try {
            Version v = Version.parse(raw == null ? "" : raw);
            for (VersionRange r : affected) {
              if (r.contains(v)) {
                p.error(ptr + "/fixed/" + j, "fixed version " + v + " lies inside its own affected range '" + r + "'",
                    "a fixing release cannot be affected: end the range below it, such as '<" + v + "'");
              }
            }
            fixed.add(v);
          } catch (IllegalArgumentException e) {
            p.error(ptr + "/fixed/" + j, e.getMessage(), "list single versions, such as [\"24.10\"]");
          }
        }
      }
      if (name != null && !affected.isEmpty()) {
        out.add(new Component(name, affected, fixed));
      }
    }
    return out;
  }

  private static List<Symptom> symptoms(List<String> values, Problems p) {
    List<Symptom> out = new ArrayList<>();
    if (values == null || values.isEmpty()) {
      p.error("/symptoms", "'symptoms' is missing or empty", "add the error messages as people see them");
      return out;
    }
    if (values.size() > EntryLimits.MAX_SYMPTOMS) {
      p.error("/symptoms", String.format(java.util.Locale.ROOT, "'symptoms' has %,d items; an entry may have at most %d",
          values.size(), EntryLimits.MAX_SYMPTOMS),
          "keep the distinct messages: placeholders such as {n}, {name} and {path} match their variations");
      return out;
    }
    for (int i = 0; i < values.size(); i++) {
      String s = values.get(i);
      if (s == null || s.isBlank()) {
        p.error("/symptoms/" + i, "symptom " + (i + 1) + " is empty", "remove it or fill it in");
        continue;
      }
      if (s.length() > EntryLimits.MAX_SYMPTOM_CHARS) {
        p.error("/symptoms/" + i, String.format(java.util.Locale.ROOT, "symptom %d has %,d characters; at most %,d",
            i + 1, s.length(), EntryLimits.MAX_SYMPTOM_CHARS), "keep the line that names the error; the rest belongs in the body");
        continue;
      }
      try {
        out.add(Symptom.parse(s.strip()));
      } catch (IllegalArgumentException e) {
        p.error("/symptoms/" + i, "symptom " + (i + 1) + ": " + e.getMessage(), "");
      }
    }
    return out;
  }

  private static List<Fix> fixes(List<EntryDto.FixDto> values, Problems p) {
    List<Fix> out = new ArrayList<>();
    if (values == null || values.isEmpty()) {
      p.error("/fixes", "'fixes' is missing or empty", "add at least one fix with a title and commands, config or detail");
      return out;
    }
    for (int i = 0; i < values.size(); i++) {
      EntryDto.FixDto f = values.get(i);
      String ptr = "/fixes/" + i;
      if (f == null) {
        if (!p.hasErrorAt(ptr)) {
          p.error(ptr, "fix " + (i + 1) + " is empty", "give it a title and commands, config or detail");
        }
        continue;
      }
      String title = required(f.title, ptr + "/title", "title", p, "say what the fix does, such as 'Pin NumPy below 2'");
      List<String> commands = texts(f.commands, ptr + "/commands", "commands", p, false);
      boolean hasConfig = f.config != null && !f.config.isBlank();
      boolean hasDetail = f.detail != null && !f.detail.isBlank();
      if (commands.isEmpty() && !hasConfig && !hasDetail) {
        p.error(ptr, "fix " + (i + 1) + " has no commands, config or detail", "add what a person should run or change");
        continue;
      }
      if (title != null) {
        out.add(new Fix(title, commands, hasConfig ? f.config.stripTrailing() : "",
            f.configLang == null ? "" : f.configLang.strip(), hasDetail ? f.detail.strip() : ""));
      }
    }
    return out;
  }

  /**
   * docs/authoring.md asks for two pastes that must find the entry and one near miss: fewer are
   * warnings, so that an entry in progress still builds and says what it lacks.
   */
  private static Examples examples(EntryDto.ExamplesDto e, Problems p) {
    if (e == null) {
      p.warning("/examples", "no 'examples'",
          "add examples.match (at least two pastes that must find this entry) and examples.no_match (a near miss); errata check runs them");
      return Examples.none();
    }
    List<String> match = texts(e.match, "/examples/match", "examples.match", p, false);
    List<String> noMatch = texts(e.noMatch, "/examples/no_match", "examples.no_match", p, false);
    if (match.isEmpty()) {
      p.warning("/examples", "no examples.match", "add at least two pastes that must find this entry first");
    } else if (match.size() == 1 && (e.match == null || e.match.size() < 2)) {
      p.warning("/examples/match", "examples.match has one paste; at least two are expected",
          "add another real paste of this error, such as the error line alone or inside a longer log");
    }
    if (noMatch.isEmpty() && (e.noMatch == null || e.noMatch.isEmpty())) {
      p.warning("/examples", "no examples.no_match",
          "add a near miss that must not find this entry: a similar error with another cause");
    }
    return new Examples(match, noMatch);
  }

  private static List<Reference> references(List<EntryDto.ReferenceDto> values, Problems p) {
    List<Reference> out = new ArrayList<>();
    if (values == null || values.isEmpty()) {
      p.warning("/references", "no 'references'", "cite the reports, fixes or docs this entry is based on");
      return out;
    }
    for (int i = 0; i < values.size(); i++) {
      EntryDto.ReferenceDto r = values.get(i);
      String ptr = "/references/" + i;
      if (r == null) {
        if (!p.hasErrorAt(ptr)) {
          p.error(ptr, "reference " + (i + 1) + " is empty", "write {type: report, url: https://...}");
        }
        continue;
      }
      String type = r.type == null ? "" : r.type.strip();
      if (!Reference.TYPES.contains(type)) {
        String hint = Names.didYouMean(type, Reference.TYPES);
        p.error(ptr + "/type", type.isEmpty() ? "reference " + (i + 1) + " has no type" : "unknown reference type '" + type + "'",
            (hint.isEmpty() ? "" : hint + " ") + "use one of " + String.join(", ", Reference.TYPES));
      }
      String url = r.url == null ? "" : r.url.strip();
      if (!(url.startsWith("https://") || url.startsWith("http://"))) {
        p.error(ptr + "/url", url.isEmpty() ? "reference " + (i + 1) + " has no url" : "url '" + url + "' is not an http(s) address",
            "write the full address, starting with https://");
      }
      if (Reference.TYPES.contains(type) && !url.isEmpty()) {
        out.add(new Reference(type, url, r.title == null ? "" : r.title.strip()));
      }
    }
    return out;
  }

  // The two checks below run on every entry; written out rather than as regular expressions,
  // whose matcher is many methods for the compiler to warm up in a large build.

  /** {@code [a-z0-9]+(-[a-z0-9]+)*}: lower-case letters and digits in words joined by single hyphens. */
  static boolean isKebab(String s) {
    if (s.isEmpty() || s.charAt(0) == '-' || s.charAt(s.length() - 1) == '-') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!word && !(c == '-' && s.charAt(i - 1) != '-')) {
        return false;
      }
    }
    return true;
  }

  /** {@code [a-z]{2,3}(-[A-Za-z0-9]{2,8})*}: a language and its subtags, such as en, zh or pt-BR. */
  static boolean isLanguageTag(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
      i++;
    }
    if (i < 2 || i > 3) {
      return false;
    }
    while (i < s.length()) {
      if (s.charAt(i++) != '-') {
        return false;
      }
      int start = i;
      while (i < s.length() && s.charAt(i) < 128 && Character.isLetterOrDigit(s.charAt(i))) {
        i++;
      }
      if (i - start < 2 || i - start > 8) {
        return false;
      }
    }
    return true;
  }

  static String kebab(String s) {
    String k = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return k.replaceAll("^-+|-+$", "");
  }
}
