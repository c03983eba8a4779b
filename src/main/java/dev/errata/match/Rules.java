package dev.errata.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How pasted text is prepared: prefixes to strip, noise lines to drop, words that mark an error,
 * stopwords, where versions hide. Data, not code ({@code rules.json}), because the site's search
 * applies exactly the same rules in the browser. Patterns run on RE2/J: linear time, no
 * backtracking, whatever is pasted.
 */
public final class Rules {
  static final String RESOURCE = "/dev/errata/match/rules.json";

  record Prefix(String name, Pattern pattern, int levelGroup) {}

  record Noise(String name, Pattern pattern, boolean skipIndentedNext) {}

  record VersionPattern(String component, Pattern pattern, String alias, boolean isPackage, String hint) {}

  final String json;
  final int maxLineChars;
  final int maxLines;
  final int maxPreparedLines;
  final Pattern ansi;
  final List<Prefix> prefixes;
  final List<Noise> noise;
  final Map<String, String> levels;
  final Set<String> errorWords;
  final Set<String> stopwords;
  final List<VersionPattern> versionPatterns;
  final Map<String, String> packages;
  final Map<String, Map<String, String>> aliases;

  private Rules(String json, JsonNode root) {
    this.json = json;
    maxLineChars = root.path("maxLineChars").asInt(4096);
    maxLines = root.path("maxLines").asInt(200_000);
    maxPreparedLines = root.path("maxPreparedLines").asInt(4000);
    ansi = Pattern.compile(root.path("ansi").asText());
    prefixes = new ArrayList<>();
    for (JsonNode p : root.path("prefixes")) {
      prefixes.add(new Prefix(p.path("name").asText(), Pattern.compile(p.path("pattern").asText()), p.path("levelGroup").asInt(0)));
    }
    noise = new ArrayList<>();
    for (JsonNode p : root.path("noise")) {
      noise.add(new Noise(p.path("name").asText(), Pattern.compile(p.path("pattern").asText()),
          p.path("skipIndentedNext").asBoolean(false)));
    }
    levels = new HashMap<>();
    root.path("levels").fields().forEachRemaining(e -> levels.put(e.getKey(), e.getValue().asText()));
    errorWords = strings(root.path("errorWords"));
    stopwords = strings(root.path("stopwords"));
    versionPatterns = new ArrayList<>();
    for (JsonNode p : root.path("versionPatterns")) {
      int flags = p.path("ignoreCase").asBoolean(false) ? Pattern.CASE_INSENSITIVE : 0;
      versionPatterns.add(new VersionPattern(p.path("component").asText(""), Pattern.compile(p.path("pattern").asText(), flags),
          p.path("alias").asText(""), p.path("package").asBoolean(false), p.path("hint").asText("")));
    }
    packages = new HashMap<>();
    root.path("packages").fields().forEachRemaining(e -> packages.put(e.getKey(), e.getValue().asText()));
    aliases = new HashMap<>();
    root.path("aliases").fields().forEachRemaining(e -> {
      Map<String, String> m = new HashMap<>();
      e.getValue().fields().forEachRemaining(a -> m.put(a.getKey(), a.getValue().asText()));
      aliases.put(e.getKey(), m);
    });
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static final class Holder {
    static final Rules DEFAULT = load();
  }

  /** The shipped rules, parsed once per process. */
  public static Rules defaults() {
    return Holder.DEFAULT;
  }

  private static Rules load() {
    try (InputStream in = Rules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE + " in the jar");
      }
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Rules(json, new ObjectMapper().readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rules as shipped, for the site's search to read. */
  public String json() {
    return json;
  }

  boolean isStopword(String token) {
    return stopwords.contains(token);
  }
}
