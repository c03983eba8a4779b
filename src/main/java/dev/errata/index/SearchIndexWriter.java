package dev.errata.index;

import dev.errata.search.Posting;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.errata.match.EntryInfo;
import dev.errata.match.MatchIndex;
import dev.errata.text.Rules;
import dev.errata.match.Template;
import dev.errata.search.WordIndex;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the search index the browser reads, in parts, so that a query loads only what it
 * needs. Every part is a small script that hands its data to {@code errataIndex(name, data)}:
 * browsers refuse {@code fetch} on {@code file://}, but they run scripts, so the site searches
 * from a copied folder too. The parts (documented in {@code docs/search-index.md}):
 *
 * <ul>
 *   <li>{@code search/manifest.js}: the rules, the constants of the ported classes ({@link
 *       PortConstants}), the names of template slots, counts, shard sizes, translations, word shards;
 *   <li>{@code search/k/N.js}: by hash of a word, the templates containing it (matching) and
 *       the entries whose symptoms, title, causes and fixes contain it (relevance);
 *   <li>{@code search/t/N.js}: compiled symptom templates, numbered so siblings share a part;
 *   <li>{@code search/e/N.js}: what a result shows of an entry;
 *   <li>{@code search/w/PREFIX.js}: word search postings by the first two characters of terms;
 *   <li>{@code search/facets.js}: each entry's status, components and tags, for filters.
 * </ul>
 */
public final class SearchIndexWriter {
  /**
   * 6: lists of numbers (gaps, weights) as {@link NumberList} strings; 5: the status facet as one
   * digit per entry; 4: word parts are runs of the sorted terms, numbered, rather than one per prefix.
   */
  public static final int SCHEMA = 6;
  static final int TEMPLATES_PER_PART = 64;
  static final int ENTRIES_PER_PART = 8;
  /**
   * Aimed size of one key part, in bytes of JSON, before compression. A paste loads one part per
   * distinct word (70 to 190 for the generator's pastes), so what it downloads grows with the
   * size of a part; 4,096 parts of about this size at 10,000 entries, each part still one file.
   */
  static final int KEY_PART_BYTES = 1500;

  /** A plain factory: no ObjectMapper, whose first creation in a process costs class loading and set-up. */
  private final JsonFactory json = new JsonFactory();

  /**
   * The key and template parts: made from the match index alone. With {@link #entryParts}, the
   * parts that need only the entries and the match index, which a build writes while pages are
   * still being rendered.
   */
  public List<IndexPart> indexParts(MatchIndex match) {
    List<IndexPart> pages = new ArrayList<>(keyShards(match, keyParts(match)));
    pages.addAll(templateShards(match));
    return pages;
  }

  /** The entry parts and the facets, which also read the entries. */
  public List<IndexPart> entryParts(KnowledgeBase kb, List<EntryInfo> entries) {
    List<IndexPart> pages = new ArrayList<>(entryShards(entries));
    pages.add(script("facets", g -> facets(g, kb)));
    return pages;
  }

  /**
   * The paths of {@link #entryParts} for {@code entries} entries. They are made from the entries'
   * {@link EntryInfo}s and each entry's status, components and tags, in order: a build whose
   * entries give those as the last build's did may keep these parts as that build wrote them.
   */
  public static List<String> entryPartPaths(int entries) {
    List<String> out = new ArrayList<>();
    for (int start = 0; start < entries; start += ENTRIES_PER_PART) {
      out.add("search/e/" + (start / ENTRIES_PER_PART) + ".js");
    }
    out.add("search/facets.js");
    return out;
  }

  /** The parts of word search, {@code w/0.js} on in the order of their keys, made on all cores (a build does it beside the list pages). */
  public List<IndexPart> wordParts(WordIndex words) {
    return wordParts(words, Earlier.NONE);
  }

  /**
   * Parts an earlier build wrote from equal inputs, which a build keeps as that build wrote them
   * rather than writes again.
   */
  public interface Earlier {
    Earlier NONE = (path, inputs) -> false;

    /** Whether the part at {@code path}, made from {@code inputs} (asked for only when there is an earlier build), is kept. */
    boolean kept(String path, java.util.function.Supplier<Object> inputs);
  }

  /**
   * The same, but for those {@code earlier} keeps: after an edit of one entry, the parts that hold
   * none of its words. A part is made from its terms and their postings alone ({@link #partInputs}).
   */
  public List<IndexPart> wordParts(WordIndex words, Earlier earlier) {
    List<List<String>> parts = new ArrayList<>(words.parts().values());
    return java.util.stream.IntStream.range(0, parts.size()).parallel().mapToObj(n -> {
      String name = "w/" + n;
      if (earlier.kept("search/" + name + ".js", () -> partInputs(words, parts.get(n)))) {
        return null;
      }
      return script(name, g -> {
        g.writeStartObject();
        for (String term : parts.get(n)) {
          g.writeFieldName(term);
          posting(g, words.postings().get(term));
        }
        g.writeEndObject();
      });
    }).filter(java.util.Objects::nonNull).toList();
  }

  /** What a word part is made from besides its name and this tool: each of its terms with its entries and weights. */
  private static Object partInputs(WordIndex words, List<String> terms) {
    List<Object> out = new ArrayList<>(3 * terms.size());
    for (String term : terms) {
      Posting p = words.postings().get(term);
      out.add(term);
      out.add(p.entries());
      out.add(p.weight());
    }
    return out;
  }

  /**
   * What the manifest says of the match index: its entries, how many templates it has and in how
   * many parts its keys are. A build whose index is the one the last build wrote takes its parts
   * from the previous site and these from its record, without building the index.
   */
  public record Shape(List<EntryInfo> entries, int templates, int keyParts) {
    public Shape {
      entries = List.copyOf(entries);
    }

    public static Shape of(MatchIndex match) {
      return new Shape(match.entries(), match.templates().size(), SearchIndexWriter.keyParts(match));
    }
  }

  /** The prefix of the paths of the key parts ({@link #indexParts}). */
  public static final String KEY_PARTS = "search/k/";
  /** The prefix of the paths of the template parts ({@link #indexParts}). */
  public static final String TEMPLATE_PARTS = "search/t/";

  /** What the browser loads first: the rules, the sizes and the names of all other parts. */
  public IndexPart manifest(KnowledgeBase kb, Shape match, WordIndex words, Rules rules) {
    return script("manifest", g -> manifest(g, kb, match, words, rules, words.parts().keySet()));
  }

  /** FNV-1a over UTF-16 code units; the browser computes the same. */
  public static int hash(String s) {
    int h = 0x811c9dc5;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x01000193;
    }
    return h;
  }

  static int shardOf(String key, int parts) {
    return Integer.remainderUnsigned(hash(key), parts);
  }

  private static int keyParts(MatchIndex match) {
    long bytes = 0;
    for (Map.Entry<String, Posting> p : match.postings().entrySet()) {
      bytes += p.getKey().length() + 6L * p.getValue().entries().length + 8;
    }
    bytes += 5L * match.templates().stream().mapToInt(t -> t.items().size()).sum();
    int parts = 1;
    while (parts < 4096 && bytes / parts > KEY_PART_BYTES) {
      parts *= 2;
    }
    return parts;
  }

  private List<IndexPart> keyShards(MatchIndex match, int parts) {
    List<Map<String, List<Integer>>> literal = new ArrayList<>();
    List<Map<String, Posting>> terms = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      literal.add(new TreeMap<>());
      terms.add(new TreeMap<>());
    }
    for (int t = 0; t < match.templates().size(); t++) {
      for (String key : MatchIndex.templateKeys(match.templates().get(t))) {
        literal.get(shardOf(key, parts)).computeIfAbsent(key, k -> new ArrayList<>()).add(t);
      }
    }
    match.postings().forEach((term, p) -> terms.get(shardOf(term, parts)).put(term, p));
    List<IndexPart> out = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      int n = i;
      out.add(script("k/" + i, g -> {
        g.writeStartObject();
        g.writeObjectFieldStart("l");
        for (Map.Entry<String, List<Integer>> e : literal.get(n).entrySet()) {
          gaps(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("t");
        for (Map.Entry<String, Posting> e : terms.get(n).entrySet()) {
          g.writeFieldName(e.getKey());
          posting(g, e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
      }));
    }
    return out;
  }

  /** Ascending numbers as the gaps between them, which stay short ({@code [3, 5, 9]} as {@code [3, 2, 4]}), as a {@link NumberList}. */
  private static void gaps(JsonGenerator g, String field, List<Integer> ascending) throws IOException {
    NumberList out = new NumberList();
    int prev = 0;
    for (int n : ascending) {
      out.add(n - prev);
      prev = n;
    }
    g.writeFieldName(field);
    out.write(g);
  }

  /** Entry numbers as gaps, each followed by its weight: gap, weight, gap, weight, ... as a {@link NumberList}. */
  private static void posting(JsonGenerator g, Posting p) throws IOException {
    NumberList out = new NumberList(2 * p.entries().length);
    int prev = 0;
    for (int k = 0; k < p.entries().length; k++) {
      out.add(p.entries()[k] - prev).add(p.weight()[k]);
      prev = p.entries()[k];
    }
    out.write(g);
  }

  private List<IndexPart> templateShards(MatchIndex match) {
    List<IndexPart> out = new ArrayList<>();
    List<Template> all = match.templates();
    for (int start = 0; start < all.size(); start += TEMPLATES_PER_PART) {
      List<Template> part = all.subList(start, Math.min(all.size(), start + TEMPLATES_PER_PART));
      out.add(script("t/" + (start / TEMPLATES_PER_PART), g -> {
        g.writeStartArray();
        for (Template t : part) {
          g.writeStartArray();
          g.writeNumber(t.entry());
          g.writeNumber((t.primary() ? 1 : 0) | (t.explicit() ? 2 : 0) | (t.downstream() ? 4 : 0));
          g.writeString(t.text());
          g.writeStartArray();
          for (Template.Item it : t.items()) {
            g.writeNumber(it.slot().ordinal());
            g.writeString(it.text());
          }
          g.writeEndArray();
          g.writeEndArray();
        }
        g.writeEndArray();
      }));
    }
    return out;
  }

  private List<IndexPart> entryShards(List<EntryInfo> all) {
    List<IndexPart> out = new ArrayList<>();
    for (int start = 0; start < all.size(); start += ENTRIES_PER_PART) {
      List<EntryInfo> part = all.subList(start, Math.min(all.size(), start + ENTRIES_PER_PART));
      out.add(script("e/" + (start / ENTRIES_PER_PART), g -> {
        g.writeStartArray();
        for (int k = 0; k < part.size(); k++) {
          EntryInfo e = part.get(k);
          g.writeStartObject();
          g.writeStringField("id", e.id());
          g.writeStringField("title", e.title());
          g.writeStringField("summary", e.summary());
          g.writeStringField("status", e.status());
          g.writeStringField("lang", e.lang());
          g.writeStringField("url", e.url());
          g.writeStringField("fixTitle", e.firstFixTitle());
          EntriesJson.strings(g, "fix", e.firstFixCommands());
          g.writeArrayFieldStart("components");
          for (EntryInfo.ComponentRanges c : e.components()) {
            g.writeStartArray();
            g.writeString(c.name());
            g.writeStartArray();
            for (String r : c.affected()) {
              g.writeString(r);
            }
            g.writeEndArray();
            g.writeStartArray();
            for (String f : c.fixed()) {
              g.writeString(f);
            }
            g.writeEndArray();
            g.writeEndArray();
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
      }));
    }
    return out;
  }

  /**
   * For each component and tag, the entries that have it (as gaps); the status, which every
   * entry has exactly one of, as one character per entry (its place among the sorted values),
   * which gzip packs to half of what gap lists take (a word query downloads this file). The
   * browser counts hits per value from these.
   */
  private static void facets(JsonGenerator g, KnowledgeBase kb) throws IOException {
    g.writeStartObject();
    TreeSet<String> statuses = new TreeSet<>();
    Map<String, List<Integer>> component = new TreeMap<>();
    Map<String, List<Integer>> tag = new TreeMap<>();
    for (int i = 0; i < kb.entries().size(); i++) {
      Entry e = kb.entries().get(i);
      statuses.add(e.status().key());
      for (String c : new TreeSet<>(e.components().stream().map(x -> x.name()).toList())) {
        component.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
      }
      for (String t : new TreeSet<>(e.tags())) {
        tag.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
      }
    }
    List<String> values = new ArrayList<>(statuses);
    StringBuilder each = new StringBuilder(kb.entries().size());
    for (Entry e : kb.entries()) {
      // Status has five values: one decimal digit each.
      each.append((char) ('0' + values.indexOf(e.status().key())));
    }
    g.writeObjectFieldStart("status");
    g.writeArrayFieldStart("values");
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
    g.writeStringField("each", each.toString());
    g.writeEndObject();
    for (var f : List.of(Map.entry("component", component), Map.entry("tag", tag))) {
      g.writeObjectFieldStart(f.getKey());
      for (Map.Entry<String, List<Integer>> v : f.getValue().entrySet()) {
        gaps(g, v.getKey(), v.getValue());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private void manifest(JsonGenerator g, KnowledgeBase kb, Shape match, WordIndex words, Rules rules,
      java.util.Set<String> wordPartKeys) throws IOException {
    g.writeStartObject();
    g.writeNumberField("schema", SCHEMA);
    g.writeFieldName("rules");
    try (com.fasterxml.jackson.core.JsonParser p = json.createParser(rules.json())) {
      p.nextToken();
      g.copyCurrentStructure(p);
    }
    g.writeNumberField("entries", match.entries().size());
    g.writeNumberField("templates", match.templates());
    g.writeNumberField("keyParts", match.keyParts());
    g.writeNumberField("templatesPerPart", TEMPLATES_PER_PART);
    g.writeNumberField("entriesPerPart", ENTRIES_PER_PART);
    g.writeObjectFieldStart("constants");
    for (Map.Entry<String, java.util.SortedMap<String, Number>> c : PortConstants.all().entrySet()) {
      g.writeObjectFieldStart(c.getKey());
      for (Map.Entry<String, Number> v : c.getValue().entrySet()) {
        if (v.getValue() instanceof Integer i) {
          g.writeNumberField(v.getKey(), i);
        } else {
          g.writeNumberField(v.getKey(), v.getValue().doubleValue());
        }
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    EntriesJson.strings(g, "slots", java.util.Arrays.stream(Template.Slot.values()).map(Enum::name).toList());
    // Entries that share symptoms with a translation: the search shows one of each family.
    java.util.Set<String> translated = new java.util.HashSet<>();
    for (EntryInfo e : match.entries()) {
      if (!e.translationOf().isEmpty()) {
        translated.add(e.translationOf());
      }
    }
    g.writeObjectFieldStart("families");
    for (int i = 0; i < match.entries().size(); i++) {
      EntryInfo e = match.entries().get(i);
      if (!e.translationOf().isEmpty() || !e.lang().equals("en") || translated.contains(e.id())) {
        g.writeArrayFieldStart(String.valueOf(i));
        g.writeString(e.family());
        g.writeString(e.lang());
        g.writeEndArray();
      }
    }
    g.writeEndObject();
    // Entries whose error can follow from others' (follows_from): by number, the causes' numbers,
    // their translations included. Few entries have any, and ordering the answers needs them all.
    g.writeObjectFieldStart("follows");
    for (int i = 0; i < match.entries().size(); i++) {
      EntryInfo e = match.entries().get(i);
      if (!e.followsFrom().isEmpty()) {
        g.writeArrayFieldStart(String.valueOf(i));
        for (int j = 0; j < match.entries().size(); j++) {
          if (j != i && e.followsFrom(match.entries().get(j))) {
            g.writeNumber(j);
          }
        }
        g.writeEndArray();
      }
    }
    g.writeEndObject();
    EntriesJson.strings(g, "wordParts", new ArrayList<>(wordPartKeys));
    g.writeEndObject();
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** {@code errataIndex("name", data);} in {@code search/name.js}. */
  private IndexPart script(String name, Body body) {
    // Written as UTF-8 from the start: the parts go to disk as bytes.
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
    try {
      out.write(("errataIndex(\"" + name + "\",").getBytes(StandardCharsets.UTF_8));
      try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
        body.write(g);
      }
      out.write(END);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new IndexPart("search/" + name + ".js", out.toByteArray());
  }

  private static final byte[] END = ");\n".getBytes(StandardCharsets.US_ASCII);
}
