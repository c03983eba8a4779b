package dev.errata.match;

import dev.errata.search.Posting;

import dev.errata.search.TermCounts;
import dev.errata.text.Paste;
import dev.errata.text.Rules;
import dev.errata.text.Terms;
import dev.errata.text.Token;
import dev.errata.text.Tokenizer;
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

/**
 * Everything the matcher needs, precomputed from the knowledge base: entries' display data,
 * compiled symptom templates with an inverted index of their literal words (to pick the few
 * templates worth aligning against a line), and weighted term frequencies for BM25. Built once
 * per build; serialized by {@code dev.errata.index} for the CLI and the browser. All
 * arithmetic that ranks uses {@code StrictMath} and integer weights, so the browser's port gives
 * the same numbers.
 */
public final class MatchIndex implements MatchData {
  /**
   * Field weights for relevance, as integers so that Java and the browser add exactly the same
   * numbers: an error text counts more than a title, a title more than a cause or a fix. The
   * Markdown body is left out: it is prose around the error, and pastes that match only prose
   * are better served by word search.
   */
  static final int W_SYMPTOM = 30;
  static final int W_TITLE = 20;
  static final int W_CAUSE = 10;
  static final int W_FIX = 7;

  /** The shortest word of a path that counts (numbers count whatever their length); read by the browser's port too. */
  public static final int MIN_PATH_WORD = 2;
  /** The shortest part of a dotted word that finds templates by itself; read by the browser's port too. */
  public static final int MIN_KEY_PART = 3;

  final List<EntryInfo> entries;
  final List<Template> templates;
  /** literal word -> ids of templates that contain it, ascending. */
  final Map<String, int[]> literalPostings;
  /** term -> [entry ids] and their weighted term frequencies. */
  final Map<String, Posting> postings;

  /** The average entry length BM25's postings were normalized with; NaN when not known (an index read back). */
  final double averageLength;

  /** Made when a matcher first needs them: a build that takes every example's answer from its record never does. */
  private final dev.errata.Lazy<TemplateForms> forms;

  /** An index from its parts; the literal postings are derived from the templates. */
  public MatchIndex(List<EntryInfo> entries, List<Template> templates, Map<String, Posting> postings) {
    this(entries, templates, postings, Double.NaN);
  }

  MatchIndex(List<EntryInfo> entries, List<Template> templates, Map<String, Posting> postings, double averageLength) {
    this.averageLength = averageLength;
    this.entries = List.copyOf(entries);
    this.templates = List.copyOf(templates);
    this.postings = postings;
    // Template numbers gathered straight into int arrays: 30,000 templates have some 300,000
    // keys, which boxed into lists were a tenth of building the index after a symptom edit.
    Map<String, Ids> literal = new HashMap<>();
    for (int id = 0; id < this.templates.size(); id++) {
      for (String key : templateKeys(this.templates.get(id))) {
        Ids ids = literal.get(key);
        if (ids == null) {
          literal.put(key, ids = new Ids());
        }
        ids.add(id);
      }
    }
    Map<String, int[]> lp = new HashMap<>(literal.size() * 2);
    literal.forEach((k, v) -> lp.put(k, v.toArray()));
    this.literalPostings = lp;
    this.forms = dev.errata.Lazy.of(() -> TemplateForms.of(this.templates, lp));
  }

  /** A growing list of template numbers. */
  private static final class Ids {
    private int[] ids = new int[2];
    private int n;

    void add(int id) {
      if (n == ids.length) {
        ids = java.util.Arrays.copyOf(ids, 2 * n);
      }
      ids[n++] = id;
    }

    int[] toArray() {
      return n == ids.length ? ids : java.util.Arrays.copyOf(ids, n);
    }
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

  /** Every key that finds a template ({@link #templatesWithKey}), in no order. */
  public java.util.Set<String> keys() {
    return java.util.Collections.unmodifiableSet(literalPostings.keySet());
  }

  /**
   * The average entry length that every posting's weight depends on: two indexes that differ in
   * it differ in nearly every weight. NaN when not known.
   */
  public double averageLength() {
    return averageLength;
  }

  /**
   * Everything {@link #build} reads, as a value: equal inputs build equal indexes, so a process
   * that builds again after an edit ({@code errata serve}) reuses its index when the edit left
   * them alone (a body, a tag, a date). Whatever {@code build} comes to read must be here too.
   */
  public static Object inputs(KnowledgeBase kb, Rules rules) {
    return List.of(rules.json(), kb.entries().stream().map(MatchIndex::inputs).toList());
  }

  /** What {@link #build} reads of one entry (besides its place among the others). */
  public static Object inputs(Entry e) {
    return List.of(info(e), e.title(), e.summary(), e.symptoms(), e.causes(), e.fixes(), e.downstream());
  }

  /**
   * Builds the index. Templates are numbered in the order of their words, so that templates of
   * one error shape (siblings a line is compared with) sit side by side: the browser then loads
   * one or two template files per line rather than one per candidate.
   */
  public static MatchIndex build(KnowledgeBase kb, Rules rules) {
    return build(kb, rules, PartsMemo.NONE);
  }

  /** What the index holds of one entry apart from its place: its templates and its relevance counts. */
  public record Parts(List<Template> templates, TermCounts counts) {
    public Parts {
      templates = List.copyOf(templates);
    }
  }

  /**
   * An entry's parts made, or taken from an earlier build that made them from the same {@link
   * #inputs(Entry)} with the same rules: a build after one symptom edit makes one entry's, not
   * 10,000. What it gives must be what {@code make} gives, its templates numbered {@code i}.
   */
  public interface PartsMemo {
    PartsMemo NONE = (i, e, counting, make) -> make.get();

    Parts parts(int i, Entry e, TermCounts.Counting counting, java.util.function.Supplier<Parts> make);
  }

  /** The same, each entry's parts through {@code memo}. */
  public static MatchIndex build(KnowledgeBase kb, Rules rules, PartsMemo memo) {
    List<Entry> entries = kb.entries();
    List<EntryInfo> infos = infos(kb);
    TermCounts.Counting counting = new TermCounts.Counting(rules);
    List<Parts> parts = dev.errata.Parallel.map(java.util.stream.IntStream.range(0, entries.size()).boxed().toList(),
        i -> memo.parts(i, entries.get(i), counting, () -> new Parts(templates(i, entries.get(i), rules), counts(entries.get(i), counting))));
    List<TermCounts> counts = parts.stream().map(Parts::counts).toList();
    List<Template> ordered = new ArrayList<>();
    parts.forEach(p -> ordered.addAll(p.templates()));
    // Shape keys are built once each, not once per comparison of the sort.
    Map<Template, String> shapes = new java.util.IdentityHashMap<>();
    ordered.forEach(t -> shapes.put(t, t.shapeKey()));
    // Within a shape, entries' main errors come first: a line shares its words equally with every
    // template of its shape, candidates are taken most shared first and then by number, and a
    // line that hundreds of entries list as a consequence ("failed to load all models") must
    // still reach the entries whose main error it is.
    ordered.sort(java.util.Comparator.comparing((Template t) -> shapes.get(t)).thenComparing((Template t) -> !t.primary())
        .thenComparingInt(Template::entry).thenComparing(Template::text));
    return new MatchIndex(infos, ordered, counting.postings(counts), TermCounts.averageLength(counts));
  }

  /**
   * The symptom as a pasted line is matched: without the log prefix its author may have copied
   * with it ({@code [ERROR]}, a timestamp), which preparation strips from pastes. The template
   * keeps the text as written, for display.
   */
  static Symptom withoutLogPrefix(Symptom s, Rules rules) {
    if (s.parts().isEmpty() || !(s.parts().get(0) instanceof Symptom.Literal first)) {
      return s;
    }
    String rest = Paste.withoutLogPrefix(first.text(), rules);
    if (rest.length() == first.text().length()) {
      return s;
    }
    List<Symptom.Part> parts = new ArrayList<>(s.parts());
    if (rest.isEmpty()) {
      parts.remove(0);
    } else {
      parts.set(0, new Symptom.Literal(rest));
    }
    return parts.isEmpty() ? s : new Symptom(s.text(), parts);
  }

  private static List<Template> templates(int i, Entry e, Rules rules) {
    Set<String> identity = new java.util.HashSet<>();
    for (Token tok : Tokenizer.tokenize(e.title())) {
      identity.add(tok.text());
      identity.addAll(pathWords(tok.text()));
    }
    List<Template> out = new ArrayList<>();
    for (int k = 0; k < e.symptoms().size(); k++) {
      Symptom written = e.symptoms().get(k);
      Template t = Template.compile(i, withoutLogPrefix(written, rules), identity, k == 0);
      out.add(new Template(t.entry(), written.display(), t.items(), t.explicit(), t.primary(), e.downstream()));
    }
    return out;
  }

  private static TermCounts counts(Entry e, TermCounts.Counting counting) {
    List<String> fixes = TermCounts.fixTexts(e.fixes());
    return counting.entry()
        .add(e.symptoms().stream().map(Symptom::display).toList(), W_SYMPTOM)
        .add(List.of(e.title(), e.summary()), W_TITLE)
        .add(e.causes(), W_CAUSE)
        .add(fixes, W_FIX)
        .done();
  }

  /**
   * The words by which a template is found: its literal words, the numbers and the words of the
   * paths it was written with. Lines are looked up by {@link #keys(List)}.
   */
  public static Set<String> templateKeys(Template t) {
    Set<String> out = new LinkedHashSet<>();
    for (Template.Item item : t.items()) {
      switch (item.slot()) {
        case LITERAL, PREFIX, SUFFIX, NUMBER -> {
          if (!item.key().isEmpty()) {
            out.add(item.key());
          }
        }
        case PATH -> out.addAll(pathParts(item.text()));
        default -> { }
      }
    }
    return out;
  }

  /** A line's words for finding templates: each token, the words of paths, the parts of dotted names. */
  static Set<String> keys(List<Token> tokens) {
    Set<String> out = new LinkedHashSet<>();
    for (Token t : tokens) {
      if (t.kind() == Token.Kind.PATH) {
        out.addAll(pathWords(t.text()));
      } else {
        out.add(t.text());
        if (t.kind() == Token.Kind.WORD && t.text().indexOf('.') > 0) {
          for (String part : Terms.split(t.text(), ".")) {
            if (part.length() >= MIN_KEY_PART) {
              out.add(part);
            }
          }
        }
      }
    }
    return out;
  }

  /** The words of a path: its {@link #pathParts} without the numbers. */
  static List<String> pathWords(String path) {
    return pathParts(path).stream().filter(w -> !Character.isDigit(w.charAt(0))).toList();
  }

  /**
   * What a path slot compares: the words of a path and its numbers ({@code 24}, {@code 10} of
   * {@code tritonserver:24.10-py3}; {@code 12} of {@code layer.12}). A template's path keeps only
   * the numbers its entry's title names ({@link Template#compile}), so a paste's numbers count
   * only where they name the error.
   */
  static List<String> pathParts(String path) {
    List<String> out = new ArrayList<>();
    if (path.isEmpty()) {
      return out;
    }
    for (String w : Terms.split(path, "/._:\\-")) {
      if (Character.isDigit(w.charAt(0)) || w.length() >= MIN_PATH_WORD) {
        out.add(w);
      }
    }
    return out;
  }

  /** The entries as the index shows them, in its order: what {@link #build} makes of them without the rest. */
  public static List<EntryInfo> infos(KnowledgeBase kb) {
    return kb.entries().stream().map(MatchIndex::info).toList();
  }

  static EntryInfo info(Entry e) {
    List<EntryInfo.ComponentRanges> comps = new ArrayList<>();
    for (Component c : e.components()) {
      comps.add(new EntryInfo.ComponentRanges(c.name(), c.affected().stream().map(VersionRange::text).toList(),
          c.fixed().stream().map(Version::text).toList()));
    }
    Fix first = e.fixes().get(0);
    return new EntryInfo(e.id(), e.title(), e.summary(), e.status().key(), e.lang(), e.translationOf(),
        "entries/" + e.id() + ".html", comps, first.commands(), first.title(), e.followsFrom());
  }

  @Override
  public int entryCount() {
    return entries.size();
  }

  @Override
  public EntryInfo entry(int i) {
    return entries.get(i);
  }

  @Override
  public int templateCount() {
    return templates.size();
  }

  @Override
  public Template template(int t) {
    return templates.get(t);
  }

  /** The templates that are one message, for a matcher to walk and align once each. */
  TemplateForms forms() {
    return forms.get();
  }

  @Override
  public int[] templatesWithKey(String key) {
    return literalPostings.get(key);
  }

  @Override
  public Posting posting(String term) {
    return postings.get(term);
  }
}
