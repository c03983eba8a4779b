package dev.errata.match;

import dev.errata.model.Component;
import dev.errata.model.Entry;
import dev.errata.model.Fix;
import dev.errata.model.KnowledgeBase;
import dev.errata.model.Symptom;
import dev.errata.version.Version;
import dev.errata.version.VersionRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Everything the matcher needs, precomputed from the knowledge base: entries' display data,
 * compiled symptom templates with an inverted index of their literal words (to pick the few
 * templates worth aligning against a line), and weighted term frequencies for BM25. Built once
 * per build; serialized by {@code dev.errata.index} for the CLI and the browser.
 */
public final class MatchIndex {
  /** Field weights for relevance: an error text is worth more than a word in the prose. */
  static final double W_SYMPTOM = 3.0;
  static final double W_TITLE = 2.0;
  static final double W_CAUSE = 1.0;
  static final double W_FIX = 0.7;
  static final double W_BODY = 0.3;

  final List<EntryInfo> entries;
  final List<Template> templates;
  /** literal word -> ids of templates that contain it. */
  final Map<String, int[]> literalPostings;
  /** term -> [entry ids] and their weighted term frequencies. */
  final Map<String, Posting> postings;
  final float[] docLength;
  final double avgDocLength;

  /** One term's entries and weighted frequencies, entry ids ascending. */
  public record Posting(int[] entries, float[] tf) {}

  MatchIndex(List<EntryInfo> entries, List<Template> templates, Map<String, int[]> literalPostings,
      Map<String, Posting> postings, float[] docLength) {
    this.entries = List.copyOf(entries);
    this.templates = List.copyOf(templates);
    this.literalPostings = literalPostings;
    this.postings = postings;
    this.docLength = docLength;
    double sum = 0;
    for (float f : docLength) {
      sum += f;
    }
    this.avgDocLength = docLength.length == 0 ? 1 : Math.max(1, sum / docLength.length);
  }

  public List<EntryInfo> entries() {
    return entries;
  }

  public List<Template> templates() {
    return templates;
  }

  public Map<String, Posting> postings() {
    return postings;
  }

  public float[] docLength() {
    return docLength.clone();
  }

  /**
   * Builds the index.
   *
   * @param plainText turns an entry's Markdown body into the text a reader sees
   */
  public static MatchIndex build(KnowledgeBase kb, UnaryOperator<String> plainText, Rules rules) {
    List<EntryInfo> infos = new ArrayList<>();
    List<Template> templates = new ArrayList<>();
    Map<String, Set<Integer>> literal = new TreeMap<>();
    Map<String, Map<Integer, Float>> tf = new HashMap<>();
    float[] lengths = new float[kb.entries().size()];
    List<Entry> entries = kb.entries();
    List<String> bodies = entries.parallelStream().map(e -> plainText.apply(e.body())).toList();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      infos.add(info(e));
      Set<String> identity = new java.util.HashSet<>();
      for (Token tok : Tokenizer.tokenize(e.title())) {
        identity.add(tok.text());
        identity.addAll(pathWords(tok.text()));
      }
      for (Symptom s : e.symptoms()) {
        Template t = Template.compile(i, s, identity);
        int id = templates.size();
        templates.add(t);
        for (String key : keys(t)) {
          literal.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
        }
      }
      float len = 0;
      len += count(tf, i, e.symptoms().stream().map(Symptom::display).toList(), W_SYMPTOM, rules);
      len += count(tf, i, List.of(e.title(), e.summary()), W_TITLE, rules);
      len += count(tf, i, e.causes(), W_CAUSE, rules);
      List<String> fixes = new ArrayList<>();
      for (Fix f : e.fixes()) {
        fixes.add(f.title());
        fixes.addAll(f.commands());
        fixes.add(f.config());
        fixes.add(f.detail());
      }
      len += count(tf, i, fixes, W_FIX, rules);
      len += count(tf, i, List.of(bodies.get(i)), W_BODY, rules);
      lengths[i] = len;
    }
    Map<String, int[]> literalPostings = new HashMap<>();
    literal.forEach((k, v) -> literalPostings.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    Map<String, Posting> postings = new HashMap<>();
    tf.forEach((term, m) -> {
      int[] ids = m.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      float[] f = new float[ids.length];
      for (int k = 0; k < ids.length; k++) {
        f[k] = m.get(ids[k]);
      }
      postings.put(term, new Posting(ids, f));
    });
    return new MatchIndex(infos, templates, literalPostings, postings, lengths);
  }

  private static float count(Map<String, Map<Integer, Float>> tf, int entry, List<String> texts, double weight, Rules rules) {
    float len = 0;
    for (String text : texts) {
      if (text == null || text.isEmpty()) {
        continue;
      }
      for (String term : Terms.of(Tokenizer.tokenize(text), rules)) {
        tf.computeIfAbsent(term, k -> new HashMap<>()).merge(entry, (float) weight, Float::sum);
        len += weight;
      }
    }
    return len;
  }

  /**
   * The words by which a template is found for a line: its literal words, the numbers and the
   * words of paths it was written with. Lines are looked up by {@link #keys(List)}.
   */
  static Set<String> keys(Template t) {
    Set<String> out = new LinkedHashSet<>();
    for (Template.Item item : t.items()) {
      switch (item.slot()) {
        case LITERAL, NUMBER -> {
          if (!item.text().isEmpty()) {
            out.add(item.text());
          }
        }
        case PATH -> out.addAll(pathWords(item.text()));
        default -> { }
      }
    }
    return out;
  }

  static Set<String> keys(List<Token> tokens) {
    Set<String> out = new LinkedHashSet<>();
    for (Token t : tokens) {
      if (t.kind() == Token.Kind.PATH) {
        out.addAll(pathWords(t.text()));
      } else {
        out.add(t.text());
      }
    }
    return out;
  }

  static List<String> pathWords(String path) {
    List<String> out = new ArrayList<>();
    if (path.isEmpty()) {
      return out;
    }
    for (String w : path.split("[/._:\\\\-]+")) {
      if (w.length() >= 2 && !Character.isDigit(w.charAt(0))) {
        out.add(w);
      }
    }
    return out;
  }

  static EntryInfo info(Entry e) {
    List<EntryInfo.ComponentRanges> comps = new ArrayList<>();
    for (Component c : e.components()) {
      comps.add(new EntryInfo.ComponentRanges(c.name(), c.affected().stream().map(VersionRange::text).toList(),
          c.fixed().stream().map(Version::text).toList()));
    }
    Fix first = e.fixes().get(0);
    return new EntryInfo(e.id(), e.title(), e.summary(), e.status().key(), e.lang(), e.translationOf(),
        "entries/" + e.id() + ".html", comps, first.commands(), first.title());
  }

  /** Template weights: a literal word found in few templates says more than a common one. */
  double literalWeight(String token, Rules rules) {
    if (rules.isStopword(token)) {
      return 0.3;
    }
    int[] p = literalPostings.get(token);
    int df = p == null ? 1 : p.length;
    return 1.0 + Math.log((templates.size() + 1.0) / df);
  }

  /** BM25's inverse document frequency, never negative. */
  double idf(String term) {
    Posting p = postings.get(term);
    int df = p == null ? 0 : p.entries().length;
    int n = entries.size();
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
}
