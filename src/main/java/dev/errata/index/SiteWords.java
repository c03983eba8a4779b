package dev.errata.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errata.search.Posting;
import dev.errata.search.WordIndex;
import dev.errata.search.WordSearch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The word index of a built site, read back as the browser reads it: the manifest's list of
 * parts, then only the parts a query needs (each word's own, and for the word being typed those
 * of the longer words it starts). {@code errata match} answers typed words with it as the site's
 * search box does, without rendering a single body.
 */
public final class SiteWords {
  static final String MANIFEST = "search/manifest.js";
  static final String PARTS = "search/w/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path site;
  private final int entries;
  /** The site's parts, each first term to the part's number, in order. */
  private final NavigableMap<String, Integer> numbers;

  private SiteWords(Path site, int entries, NavigableMap<String, Integer> numbers) {
    this.site = site;
    this.entries = entries;
    this.numbers = numbers;
  }

  /** The site's word index, or empty when it has none that can be read (not built, damaged, older). */
  public static Optional<SiteWords> open(Path site) {
    try {
      JsonNode manifest = script(site.resolve(MANIFEST));
      JsonNode parts = manifest.get("wordParts");
      JsonNode count = manifest.get("entries");
      if (parts == null || !parts.isArray() || parts.isEmpty() || count == null || !count.canConvertToInt()) {
        return Optional.empty();
      }
      NavigableMap<String, Integer> numbers = new TreeMap<>();
      for (int n = 0; n < parts.size(); n++) {
        numbers.put(parts.get(n).asText(), n);
      }
      return Optional.of(new SiteWords(site, count.asInt(), numbers));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The index with the parts {@code clauses} need read ({@link WordSearch#partsRead}), the rest
   * listed without their terms.
   */
  public WordIndex forQuery(List<WordSearch.Clause> clauses) throws IOException {
    NavigableMap<String, List<String>> parts = new TreeMap<>();
    numbers.keySet().forEach(key -> parts.put(key, new ArrayList<>()));
    NavigableMap<String, Posting> postings = new TreeMap<>();
    for (String key : WordSearch.partsRead(new WordIndex(entries, postings, parts), clauses)) {
      Iterator<Map.Entry<String, JsonNode>> fields = script(site.resolve(PARTS + numbers.get(key) + ".js")).fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        parts.get(key).add(f.getKey());
        postings.put(f.getKey(), posting(NumberList.decode(f.getValue().asText())));
      }
    }
    return new WordIndex(entries, postings, parts);
  }

  /** A posting from its number list: the gap to each entry and its weight, in turn. */
  private static Posting posting(int[] list) {
    int[] ids = new int[list.length / 2];
    int[] weights = new int[list.length / 2];
    int entry = 0;
    for (int k = 0; k < ids.length; k++) {
      entry += list[2 * k];
      ids[k] = entry;
      weights[k] = list[2 * k + 1];
    }
    return new Posting(ids, weights);
  }

  /** The object a part's script hands to {@code errataIndex(name, object)}. */
  private static JsonNode script(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int start = text.indexOf('{');
    int end = text.lastIndexOf('}');
    if (start < 0 || end < start) {
      throw new IOException("not an index part: " + file);
    }
    return JSON.readTree(text.substring(start, end + 1));
  }
}
