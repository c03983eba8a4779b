package dev.errata.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.re2j.Pattern;
import com.google.re2j.Matcher;
import dev.errata.model.MatchingRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.TreeMap;
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
  static final String RESOURCE = "/dev/errata/text/rules.json";

  /**
   * Necessary conditions for a pattern to match, checked before the engine runs: the line
   * starts with one of {@code first} (when not empty; an empty line always passes) and
   * contains one of {@code hints} (when not empty, in lower case for version patterns).
   */
  record Gate(String first, List<String> hints) {
    boolean admits(String line, String lower) {
      if (!first.isEmpty() && !line.isEmpty() && first.indexOf(line.charAt(0)) < 0) {
        return false;
      }
      if (hints.isEmpty()) {
        return true;
      }
      String in = lower == null ? line : lower;
      for (String h : hints) {
        if (in.contains(h)) {
          return true;
        }
      }
      return false;
    }
  }

  /** @param levelFromFirst the line's level is its first character (glog's I, W, E, F) */
  /**
   * A log prefix. An {@code inside} one is a logger's header that may follow text no other prefix
   * knows (a log shipper's or a process manager's own prefix): tried once, after the others, only
   * on a line they gave no level.
   */
  record Prefix(String name, Pattern pattern, int levelGroup, boolean levelFromFirst, boolean inside, Gate gate) {}

  record Noise(String name, Pattern pattern, boolean skipIndentedNext, Gate gate) {}

  /**
   * A line that reports a failure of its own wherever it stands ({@link #reportsFailure}); {@code
   * ends} when it says the process is gone ({@link #reportsEnd}).
   */
  record FailureLine(String name, Pattern pattern, Gate gate, boolean ends) {}

  /**
   * A line that says what another form of a message says ({@link #restate}): its pattern's groups
   * fill {@code $1}...{@code $9} of {@code as}.
   */
  record Restatement(String name, Pattern pattern, String as, Gate gate) {}

  record VersionPattern(String component, Pattern pattern, String alias, boolean isPackage, Gate gate) {}

  /** A terminal's prompt at the start of a line; its first group is the command typed after it. */
  record Prompt(String name, Pattern pattern, Gate gate) {}

  final String json;
  final int maxLineChars;
  /**
   * Past this length a line holding two or more escaped line breaks (a quoted message with its
   * traceback, a string of a whole log) is read as the lines it escapes.
   */
  final int escapedLineChars;
  public final int maxLines;
  /** At most this many bytes of a paste are read: a limit on memory for input without line ends. */
  public final int maxInputBytes;
  final int maxPreparedLines;
  final Pattern ansi;
  final List<Prefix> prefixes;
  final List<Noise> noise;
  final Map<String, String> levels;
  final Set<String> errorWords;
  /** The error words that say outright that something failed, not only that something is off ("unknown", "not"). */
  final Set<String> failureWords;
  /** Word endings that name an error: {@code ValueError}, {@code tritonclient.utils.InferenceServerException}. */
  final List<String> errorSuffixes;
  final List<FailureLine> failureLines;
  final List<Restatement> restatements;
  final List<Prompt> prompts;
  /** Programs whose first word after them says what they run ({@code docker run}, {@code python client.py}). */
  final Set<String> subcommands;
  /** Commands that only show what is there ({@code docker logs}, {@code tail}): running one again is no new attempt. */
  final Set<String> views;
  /** Options a program takes before its subcommand with a value after them ({@code kubectl -n ns logs}). */
  final Set<String> valueOptions;
  /** Words that run the command after them ({@code sudo}, {@code time}). */
  final Set<String> commandWrappers;
  final Set<String> stopwords;
  final List<VersionPattern> versionPatterns;
  final Map<String, String> packages;
  final Map<String, Map<String, String>> aliases;
  /** Version-map name to the prefixes of versions in its numbering: such a version the map does not list is dropped. */
  final Map<String, List<String>> aliasDrop;
  /** The knowledge base's groups of synonyms, which word search counts ({@link Synonyms}); the browser only searches their counts. */
  final List<List<String>> synonyms;

  @SuppressWarnings("unchecked")
  private Rules(String json, Map<String, Object> root) {
    this.json = json;
    maxLineChars = integer(root, "maxLineChars", 4096);
    escapedLineChars = integer(root, "escapedLineChars", 200);
    maxLines = integer(root, "maxLines", 200_000);
    maxInputBytes = integer(root, "maxInputBytes", 32 << 20);
    maxPreparedLines = integer(root, "maxPreparedLines", 4000);
    ansi = Pattern.compile((String) root.get("ansi"));
    prefixes = new ArrayList<>();
    for (Map<String, Object> p : (List<Map<String, Object>>) root.get("prefixes")) {
      prefixes.add(new Prefix((String) p.get("name"), Pattern.compile((String) p.get("pattern")), integer(p, "levelGroup", 0),
          Boolean.TRUE.equals(p.get("levelFromFirst")), Boolean.TRUE.equals(p.get("inside")), gate(p)));
    }
    noise = new ArrayList<>();
    for (Map<String, Object> p : (List<Map<String, Object>>) root.get("noise")) {
      noise.add(new Noise((String) p.get("name"), Pattern.compile((String) p.get("pattern")),
          Boolean.TRUE.equals(p.get("skipIndentedNext")), gate(p)));
    }
    levels = new HashMap<>((Map<String, String>) (Map<String, ?>) root.get("levels"));
    errorWords = new HashSet<>((List<String>) root.get("errorWords"));
    failureWords = new HashSet<>((List<String>) root.getOrDefault("failureWords", List.of()));
    errorSuffixes = List.copyOf((List<String>) root.getOrDefault("errorSuffixes", List.of()));
    failureLines = new ArrayList<>();
    for (Map<String, Object> p : (List<Map<String, Object>>) root.getOrDefault("failureLines", List.of())) {
      int flags = Boolean.TRUE.equals(p.get("ignoreCase")) ? Pattern.CASE_INSENSITIVE : 0;
      failureLines.add(new FailureLine((String) p.get("name"), Pattern.compile((String) p.get("pattern"), flags), gate(p),
          Boolean.TRUE.equals(p.get("ends"))));
    }
    restatements = new ArrayList<>();
    for (Map<String, Object> p : (List<Map<String, Object>>) root.getOrDefault("restatements", List.of())) {
      restatements.add(new Restatement((String) p.get("name"), Pattern.compile((String) p.get("pattern")), (String) p.get("as"), gate(p)));
    }
    Map<String, Object> shell = (Map<String, Object>) root.getOrDefault("prompts", Map.of());
    prompts = new ArrayList<>();
    for (Map<String, Object> p : (List<Map<String, Object>>) shell.getOrDefault("patterns", List.of())) {
      prompts.add(new Prompt((String) p.get("name"), Pattern.compile((String) p.get("pattern")), gate(p)));
    }
    subcommands = new HashSet<>((List<String>) shell.getOrDefault("subcommands", List.of()));
    views = new HashSet<>((List<String>) shell.getOrDefault("views", List.of()));
    valueOptions = new HashSet<>((List<String>) shell.getOrDefault("valueOptions", List.of()));
    commandWrappers = new HashSet<>((List<String>) shell.getOrDefault("wrappers", List.of()));
    stopwords = new HashSet<>((List<String>) root.get("stopwords"));
    versionPatterns = new ArrayList<>();
    for (Map<String, Object> p : (List<Map<String, Object>>) root.get("versionPatterns")) {
      int flags = Boolean.TRUE.equals(p.get("ignoreCase")) ? Pattern.CASE_INSENSITIVE : 0;
      versionPatterns.add(new VersionPattern((String) p.getOrDefault("component", ""), Pattern.compile((String) p.get("pattern"), flags),
          (String) p.getOrDefault("alias", ""), Boolean.TRUE.equals(p.get("package")), gate(p)));
    }
    packages = new HashMap<>((Map<String, String>) (Map<String, ?>) root.get("packages"));
    aliases = new HashMap<>();
    ((Map<String, Object>) root.get("aliases")).forEach((k, v) -> aliases.put(k, (Map<String, String>) v));
    aliasDrop = new HashMap<>();
    ((Map<String, Object>) root.get("aliasDrop")).forEach((k, v) -> aliasDrop.put(k, (List<String>) v));
    synonyms = List.copyOf((List<List<String>>) root.getOrDefault("synonyms", List.of()));
  }

  /** A version a version map translates: read through the map, or "" when it is in the map's numbering but not listed. */
  String translate(String map, String version) {
    String v = aliases.getOrDefault(map, Map.of()).get(version);
    if (v != null) {
      return v;
    }
    for (String prefix : aliasDrop.getOrDefault(map, List.of())) {
      if (version.startsWith(prefix)) {
        return "";
      }
    }
    return version;
  }

  private static int integer(Map<String, Object> m, String key, int otherwise) {
    Object v = m.get(key);
    return v instanceof Number n ? n.intValue() : otherwise;
  }

  @SuppressWarnings("unchecked")
  private static Gate gate(Map<String, Object> p) {
    return new Gate((String) p.getOrDefault("first", ""), List.copyOf((List<String>) p.getOrDefault("hints", List.of())));
  }

  /**
   * Reads JSON into maps, lists, strings, numbers and booleans with Jackson's streaming parser:
   * the rules are read at every start of the CLI, and Jackson's object mapper alone would cost
   * a fifth of a second there.
   */
  static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, read(p));
        }
        return m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(read(p));
        }
        return l;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return p.getNumberValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return p.getBooleanValue();
      }
      default -> {
        return null;
      }
    }
  }

  private static final class Holder {
    static final Map<String, Object> BUILT_IN = load();
    static final Rules DEFAULT = forContent(MatchingRules.none());
  }

  /** The tool's generic rules alone, parsed once per process: for text that belongs to no knowledge base. */
  public static Rules defaults() {
    return Holder.DEFAULT;
  }

  /**
   * The tool's generic rules with a knowledge base's own: its extractors are tried first, in
   * their order, then the generic version patterns, which read the names its aliases declare.
   * The JSON written here is what the site's search reads, so both engines apply the same rules.
   */
  @SuppressWarnings("unchecked")
  public static Rules forContent(MatchingRules matching) {
    Map<String, Object> root = new LinkedHashMap<>(Holder.BUILT_IN);
    // The 'about' texts explain rules.json to its readers; every browser that searches would
    // download them with the rules (a kilobyte and a half of gzip).
    root.remove("about");
    root.computeIfPresent("restatements", (k, v) -> ((List<Map<String, Object>>) v).stream().map(Rules::withoutAbout).toList());
    root.computeIfPresent("prompts", (k, v) -> withoutAbout((Map<String, Object>) v));
    Map<String, String> packages = new TreeMap<>();
    matching.aliases().forEach((component, names) -> {
      packages.put(component, component);
      names.forEach(n -> packages.put(n.toLowerCase(Locale.ROOT), component));
    });
    List<String> names = new ArrayList<>(packages.keySet());
    List<String> longestFirst = new ArrayList<>(names);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    String alternation = String.join("|", longestFirst.stream().map(Rules::quote).toList());
    List<Object> patterns = new ArrayList<>();
    for (MatchingRules.Extractor e : matching.extractors()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("component", e.component());
      p.put("pattern", e.pattern());
      if (!e.versionMap().isEmpty()) {
        p.put("alias", e.versionMap());
      }
      if (e.ignoreCase()) {
        p.put("ignoreCase", true);
      }
      if (!e.hints().isEmpty()) {
        p.put("hints", e.hints().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
      }
      patterns.add(p);
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> builtIn = (List<Map<String, Object>>) Holder.BUILT_IN.get("versionPatterns");
    for (Map<String, Object> b : builtIn) {
      Map<String, Object> p = new LinkedHashMap<>(b);
      if (Boolean.TRUE.equals(p.remove("fromNames"))) {
        if (names.isEmpty()) {
          continue;
        }
        p.put("pattern", ((String) p.get("pattern")).replace("{names}", alternation));
        p.put("hints", names);
      }
      patterns.add(p);
    }
    root.put("versionPatterns", patterns);
    root.put("packages", packages);
    Map<String, Object> maps = new TreeMap<>(matching.versionMaps());
    root.put("aliases", maps);
    Map<String, Object> drops = new TreeMap<>();
    matching.versionMaps().forEach((map, table) -> {
      java.util.TreeSet<String> prefixes = new java.util.TreeSet<>();
      // A key without a dot ("7") names no numbering wider than itself: it is matched exactly only.
      table.keySet().stream().filter(k -> k.indexOf('.') > 0).forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') + 1)));
      drops.put(map, new ArrayList<>(prefixes));
    });
    root.put("aliasDrop", drops);
    if (!matching.synonyms().isEmpty()) {
      root.put("synonyms", matching.synonyms());
    }
    // The knowledge base's own failure lines first: tried before the generic ones.
    List<Object> failureLines = new ArrayList<>();
    for (MatchingRules.FailureLine f : matching.failureLines()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("name", "matching.yml");
      p.put("pattern", f.pattern());
      if (f.ignoreCase()) {
        p.put("ignoreCase", true);
      }
      if (f.ends()) {
        p.put("ends", true);
      }
      failureLines.add(p);
    }
    failureLines.addAll((List<?>) Holder.BUILT_IN.getOrDefault("failureLines", List.of()));
    root.put("failureLines", failureLines);
    return new Rules(write(root), root);
  }

  /** A copy of a rule's map without its explanation. */
  private static Map<String, Object> withoutAbout(Map<String, Object> rule) {
    Map<String, Object> kept = new LinkedHashMap<>(rule);
    kept.remove("about");
    return kept;
  }

  /** Rules as {@link #json()} wrote them (a build keeps them beside its match index). */
  @SuppressWarnings("unchecked")
  public static Rules fromJson(String json) {
    try (JsonParser p = new JsonFactory().createParser(json)) {
      p.nextToken();
      return new Rules(json, (Map<String, Object>) read(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A name as a literal in a pattern; names hold letters, digits and {@code _ . + -}. */
  private static String quote(String name) {
    StringBuilder b = new StringBuilder();
    for (char c : name.toCharArray()) {
      if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  private static String write(Map<String, Object> root) {
    java.io.StringWriter out = new java.io.StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      writeValue(g, root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeValue(JsonGenerator g, Object v) throws IOException {
    if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName((String) e.getKey());
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object x : l) {
        writeValue(g, x);
      }
      g.writeEndArray();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long n) {
      g.writeNumber(n);
    } else if (v instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else {
      g.writeNull();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load() {
    try (JsonParser p = new JsonFactory().createParser(builtInText())) {
      p.nextToken();
      return java.util.Collections.unmodifiableMap((Map<String, Object>) read(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tool's generic rules as the jar holds them, unparsed: what an index's salt takes of them. */
  public static String builtInText() {
    try (InputStream in = Rules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE + " in the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rules as applied (the tool's and the knowledge base's), for the site's search to read. */
  public String json() {
    return json;
  }

  /** A word that says something failed: one of the error words, or a name that ends like an error's. */
  public boolean isErrorWord(String word) {
    return errorWords.contains(word) || namesAnError(word);
  }

  /** Whether a word says outright that something failed: a failure word or an error's name. */
  public boolean isFailureWord(String word) {
    return failureWords.contains(word) || namesAnError(word);
  }

  /**
   * What {@code line} also says in another form, by the restatements of rules.json (a row of
   * Triton's model table as the log's "failed to load" line), each read as a line of its own
   * beside it; empty for most lines.
   */
  List<String> restate(String line) {
    List<String> out = List.of();
    for (Restatement r : restatements) {
      if (!r.gate().admits(line, null)) {
        continue;
      }
      Matcher m = r.pattern().matcher(line);
      if (m.find()) {
        StringBuilder said = new StringBuilder();
        String as = r.as();
        for (int i = 0; i < as.length(); i++) {
          char c = as.charAt(i);
          if (c == '$' && i + 1 < as.length() && as.charAt(i + 1) >= '1' && as.charAt(i + 1) <= '9' && as.charAt(i + 1) - '0' <= m.groupCount()) {
            String g = m.group(as.charAt(++i) - '0');
            said.append(g == null ? "" : g);
          } else {
            said.append(c);
          }
        }
        if (out.isEmpty()) {
          out = new ArrayList<>();
        }
        out.add(said.toString());
      }
    }
    return out;
  }

  /**
   * Whether a line's text reports a failure of its own whatever mark it has: a process killed by
   * a crash signal, an out-of-memory kill, an image that could not be pulled ({@code failureLines}
   * in rules.json). No client prints such a line to retell another error.
   */
  public boolean reportsFailure(String text) {
    return reports(text, false);
  }

  /**
   * Whether a line's text says the process that printed the log is gone: a crash signal, a
   * shell's {@code Segmentation fault (core dumped)}, an out-of-memory kill. A GPU's Xid or an
   * image that could not be pulled report failures, not this.
   */
  public boolean reportsEnd(String text) {
    return reports(text, true);
  }

  /** The command typed after a terminal's prompt that starts the line ({@code prompts}), or null. */
  String promptCommand(String line) {
    for (Prompt p : prompts) {
      if (p.gate().admits(line, null)) {
        com.google.re2j.Matcher m = p.pattern().matcher(line);
        if (m.matches()) {
          return m.group(1);
        }
      }
    }
    return null;
  }

  private boolean reports(String text, boolean end) {
    for (FailureLine f : failureLines) {
      if ((f.ends() || !end) && f.gate().admits(text, null) && f.pattern().matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a word is a name that ends like an error's ({@code RuntimeError}, {@code java.io.IOException}). */
  public boolean namesAnError(String word) {
    for (String suffix : errorSuffixes) {
      if (word.length() > suffix.length() && word.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  public boolean isStopword(String token) {
    return stopwords.contains(token);
  }
}
