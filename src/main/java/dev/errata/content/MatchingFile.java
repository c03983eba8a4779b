package dev.errata.content;

import dev.errata.model.MatchingRules;
import dev.errata.model.Vocabulary;
import dev.errata.text.PatternSyntax;
import dev.errata.text.Rules;
import dev.errata.text.Versions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code matching.yml} read into {@link MatchingRules}, every problem reported at its line: an
 * alias or extractor that names no component of the vocabulary, a pattern outside the syntax both
 * engines share ({@link PatternSyntax}), an example line the pattern does not read the expected
 * version from. What has a problem is left out, so the rest still applies.
 */
final class MatchingFile {
  /** The names the generic version patterns capture ({@code name==version}, pip and conda rows). */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]*");

  private final Vocabulary vocabulary;
  private final Problems problems;

  MatchingFile(Vocabulary vocabulary, Problems problems) {
    this.vocabulary = vocabulary;
    this.problems = problems;
  }

  MatchingRules rules(SettingsDto.MatchingDto dto) {
    Map<String, List<String>> aliases = aliases(dto.aliases == null ? Map.of() : dto.aliases);
    Map<String, Map<String, String>> maps = new LinkedHashMap<>();
    if (dto.versionMaps != null) {
      dto.versionMaps.forEach((name, table) -> {
        String at = "/version_maps/" + pointer(name);
        if (table == null || table.isEmpty()) {
          problems.error(at, "the version map '" + name + "' is empty", "list found versions and the versions entries use,"
              + " as \"2.49.0\": \"24.08\"");
        } else {
          maps.put(name, table);
        }
      });
    }
    List<MatchingRules.Extractor> extractors = new ArrayList<>();
    List<String> at = new ArrayList<>();
    List<SettingsDto.ExtractorDto> given = dto.extractors == null ? List.of() : dto.extractors;
    for (int i = 0; i < given.size(); i++) {
      String pointer = "/extractors/" + i;
      extractor(given.get(i), pointer, maps).ifPresent(e -> {
        extractors.add(e);
        at.add(pointer);
      });
    }
    List<List<String>> synonyms = synonyms(dto.synonyms == null ? List.of() : dto.synonyms);
    List<MatchingRules.FailureLine> failureLines = failureLines(dto.failureLines == null ? List.of() : dto.failureLines);
    MatchingRules rules = new MatchingRules(aliases, extractors, maps, synonyms, failureLines);
    examples(rules, at);
    return rules.withExtractors(extractors.stream().filter(e -> !failed.contains(e)).toList());
  }

  /**
   * The lines that report a failure of their own: each pattern in the shared syntax, and its
   * example a line it finds, else reported and left out.
   */
  private List<MatchingRules.FailureLine> failureLines(List<SettingsDto.FailureLineDto> given) {
    List<MatchingRules.FailureLine> out = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String at = "/failure_lines/" + i;
      SettingsDto.FailureLineDto d = given.get(i);
      if (d == null || text(d.pattern).isEmpty() || text(d.example).isEmpty()) {
        problems.error(at, "a failure line needs a pattern and an example", "give the pattern and a line, as the software prints it,"
            + " that it finds; see docs/authoring.md, Matching rules");
        continue;
      }
      boolean ignoreCase = Boolean.TRUE.equals(d.ignoreCase);
      Optional<String> problem = PatternSyntax.problem(d.pattern, ignoreCase);
      if (problem.isPresent()) {
        problems.error(at + "/pattern", "the pattern cannot be used: " + problem.get(),
            "keep to the syntax in docs/authoring.md, Matching rules, which Java and the browser read alike in linear time");
        continue;
      }
      if (!com.google.re2j.Pattern.compile(d.pattern, ignoreCase ? com.google.re2j.Pattern.CASE_INSENSITIVE : 0).matcher(d.example).find()) {
        problems.error(at + "/example", "the pattern does not find the example line", "correct the pattern or the example");
        continue;
      }
      out.add(new MatchingRules.FailureLine(d.pattern, ignoreCase, Boolean.TRUE.equals(d.ends), d.example));
    }
    return out;
  }

  /**
   * The groups of synonyms, each phrase in lower case with single spaces. A phrase that cannot
   * be one ({@link dev.errata.text.Synonyms#problem}), or is in another group already, is
   * reported and left out; a group left with fewer than two phrases is left out with it.
   */
  private List<List<String>> synonyms(List<Object> given) {
    Rules generic = Rules.defaults();
    List<List<String>> out = new ArrayList<>();
    Map<String, Integer> groupOf = new HashMap<>();
    for (int g = 0; g < given.size(); g++) {
      String at = "/synonyms/" + g;
      if (!(given.get(g) instanceof List<?> phrases)) {
        problems.error(at, "a group of synonyms is not a list", "write each group as a list of the phrases that mean the same,"
            + " as [oom, out of memory]");
        continue;
      }
      List<String> kept = new ArrayList<>();
      for (int i = 0; i < phrases.size(); i++) {
        Object p = phrases.get(i);
        // A phrase YAML read as a number or a boolean (12.5, yes) is reported as written, not as empty.
        String text = p instanceof String || p instanceof Number || p instanceof Boolean ? String.valueOf(p) : "";
        String phrase = text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        Optional<String> problem = phrase.isEmpty() ? Optional.of("it is empty") : dev.errata.text.Synonyms.problem(phrase, generic);
        if (problem.isPresent()) {
          problems.error(at + "/" + i, "the synonym '" + phrase + "' cannot be used: " + problem.get(),
              "write words as a reader types them, at most " + dev.errata.text.Synonyms.MAX_WORDS + " of them");
          continue;
        }
        Integer other = groupOf.putIfAbsent(phrase, g);
        if (other != null) {
          problems.error(at + "/" + i, "the synonym '" + phrase + "' is in group " + (other + 1) + " already",
              "merge the two groups into one");
          continue;
        }
        kept.add(phrase);
      }
      if (kept.size() >= 2) {
        out.add(kept);
      } else if (kept.size() == phrases.size()) {
        problems.error(at, "a group of synonyms has " + (kept.isEmpty() ? "no phrases" : "only one phrase"),
            "list two or more phrases that mean the same");
      }
    }
    return out;
  }

  private final java.util.Set<MatchingRules.Extractor> failed = new java.util.HashSet<>();

  private Map<String, List<String>> aliases(Map<String, List<String>> given) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Map<String, String> owner = new HashMap<>();
    given.forEach((component, names) -> {
      String at = "/aliases/" + pointer(component);
      if (!knownComponent(component, at)) {
        return;
      }
      List<String> kept = new ArrayList<>();
      List<String> all = names == null ? List.of() : names;
      for (int i = 0; i < all.size(); i++) {
        String name = all.get(i) == null ? "" : all.get(i).strip();
        if (!NAME.matcher(name).matches()) {
          problems.error(at + "/" + i, "the alias '" + name + "' is not a package name in lower case",
              "write it as pip and conda print it: a letter, then letters, digits, '.', '_' or '-', in lower case");
          continue;
        }
        String before = owner.putIfAbsent(name, component);
        if (before != null && !before.equals(component)) {
          problems.error(at + "/" + i, "the alias '" + name + "' already names the component '" + before + "'",
              "keep it under one component");
          continue;
        }
        kept.add(name);
      }
      out.put(component, kept);
    });
    out.forEach((component, names) -> {
      String other = owner.get(component);
      if (other != null && !other.equals(component)) {
        problems.error("/aliases/" + pointer(other), "the alias '" + component + "' of '" + other
            + "' is also a component with aliases of its own", "list the name under one component only");
      }
    });
    return out;
  }

  private boolean knownComponent(String component, String at) {
    if (vocabulary.findComponent(component).isPresent()) {
      return true;
    }
    problems.error(at, "'" + component + "' is not a component in " + ContentLoader.VOCABULARY_FILE,
        "add it under components: in " + ContentLoader.VOCABULARY_FILE + " or correct the name");
    return false;
  }

  private Optional<MatchingRules.Extractor> extractor(SettingsDto.ExtractorDto d, String at, Map<String, Map<String, String>> maps) {
    if (d == null) {
      problems.error(at, "an extractor is empty", "give it component, pattern, example and expect");
      return Optional.empty();
    }
    boolean ok = true;
    for (var required : List.of(Map.entry("component", text(d.component)), Map.entry("pattern", text(d.pattern)),
        Map.entry("example", text(d.example)), Map.entry("expect", text(d.expect)))) {
      if (required.getValue().isEmpty()) {
        problems.error(at, "the extractor has no " + required.getKey(), "see docs/authoring.md, Matching rules");
        ok = false;
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    if (!knownComponent(d.component, at + "/component")) {
      return Optional.empty();
    }
    boolean ignoreCase = Boolean.TRUE.equals(d.ignoreCase);
    Optional<String> problem = PatternSyntax.problem(d.pattern, ignoreCase);
    if (problem.isPresent()) {
      problems.error(at + "/pattern", "the pattern cannot be used: " + problem.get(),
          "keep to the syntax in docs/authoring.md, Matching rules, which Java and the browser read alike in linear time");
      return Optional.empty();
    }
    if (PatternSyntax.groups(d.pattern) < 1) {
      problems.error(at + "/pattern", "the pattern has no group ( ) around the version", "put the version's part in parentheses");
      return Optional.empty();
    }
    String map = text(d.versionMap);
    if (!map.isEmpty() && !maps.containsKey(map)) {
      problems.error(at + "/version_map", "there is no version map '" + map + "' under version_maps", "add it or correct the name");
      return Optional.empty();
    }
    List<String> hints = new ArrayList<>();
    for (String h : d.hints == null ? List.<String>of() : d.hints) {
      if (h != null && !h.isEmpty()) {
        hints.add(h);
      }
    }
    return Optional.of(new MatchingRules.Extractor(d.component.strip(), d.pattern, ignoreCase, hints, map, d.example, d.expect.strip()));
  }

  /** Each extractor's example, read with all the rules as a paste would be: the expected version must come out. */
  private void examples(MatchingRules rules, List<String> at) {
    Rules all = Rules.forContent(rules);
    for (int i = 0; i < rules.extractors().size(); i++) {
      MatchingRules.Extractor e = rules.extractors().get(i);
      Versions versions = new Versions(all);
      versions.scan(e.example(), "example");
      String got = versions.find(e.component()).map(v -> v.version()).orElse("");
      if (!got.equals(e.expect())) {
        failed.add(e);
        problems.error(at.get(i) + "/example", "the example line gives " + e.component() + " "
            + (got.isEmpty() ? "no version" : "version " + got) + ", not the expected " + e.expect(),
            "correct the pattern, its hints (a line must contain one, in lower case), the example or expect");
      }
    }
  }

  private static String text(String s) {
    return s == null ? "" : s.strip();
  }

  /** A key as a JSON pointer step. */
  private static String pointer(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
