package dev.errata.render;

import dev.errata.markdown.Markdown;
import dev.errata.model.Component;
import dev.errata.model.Entry;
import dev.errata.model.Fix;
import dev.errata.model.KnowledgeBase;
import dev.errata.model.Reference;
import dev.errata.model.SiteInfo;
import dev.errata.model.Symptom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders every page of the site to strings: home, one page per entry, component and tag, their
 * indexes, search, 404, sitemap and feed. Writes nothing; {@code site} decides where pages go.
 * Entry pages render in parallel: the Markdown and Freemarker objects are thread-safe and the
 * result keeps entry order.
 */
public final class SiteRenderer {
  private static final int RECENT = 10;
  /**
   * Entries in the Atom feed: the latest changes, as feed readers expect. All of them would make
   * a feed that grows with the knowledge base, fetched again by every reader on each poll.
   */
  static final int FEED = 50;

  private final Templates templates;
  private final Messages messages;
  private final Map<String, Say[]> says = new java.util.concurrent.ConcurrentHashMap<>();
  private final Markdown markdown;
  private final java.util.function.Function<Entry, String> bodyHtml;
  private final RenderMemo memo;
  private final EarlierPages earlier;

  public SiteRenderer(Templates templates, Markdown markdown) {
    this(templates, markdown, e -> markdown.toHtml(e.body().text()), RenderMemo.NONE);
  }

  /**
   * @param bodyHtml an entry's body as HTML (a build renders each body once and keeps its text too)
   * @param memo pages rendered before with these templates, by template and model
   */
  public SiteRenderer(Templates templates, Markdown markdown, java.util.function.Function<Entry, String> bodyHtml,
      RenderMemo memo) {
    this(templates, markdown, bodyHtml, memo, EarlierPages.NONE);
  }

  /** @param earlier entry pages an earlier build wrote, which are kept rather than rendered when their inputs are equal */
  public SiteRenderer(Templates templates, Markdown markdown, java.util.function.Function<Entry, String> bodyHtml,
      RenderMemo memo, EarlierPages earlier) {
    this.earlier = earlier;
    this.templates = templates;
    this.messages = templates.messages();
    this.markdown = markdown;
    this.bodyHtml = bodyHtml;
    this.memo = memo;
  }

  /** Every page, sorted by path. */
  public List<Page> render(KnowledgeBase kb) {
    List<Page> pages = java.util.Collections.synchronizedList(new ArrayList<>());
    render(kb, pages::add);
    List<Page> out = new ArrayList<>(pages);
    out.sort(java.util.Comparator.comparing(Page::path));
    return out;
  }

  /**
   * Hands each page to {@code sink} as soon as it is rendered, entry pages from several threads
   * at once, so that a large site is never held in memory whole.
   */
  public void render(KnowledgeBase kb, java.util.function.Consumer<Page> sink) {
    entryPages(kb, sink);
    listPages(kb, sink);
  }

  /** One page per entry, rendered in parallel and handed to {@code sink} as each is done. */
  public void entryPages(KnowledgeBase kb, java.util.function.Consumer<Page> sink) {
    VersionPicture picture = new VersionPicture(kb);
    Map<String, List<Entry>> translations = new java.util.HashMap<>();
    for (Entry e : kb.entries()) {
      e.findTranslationOf().ifPresent(o -> translations.computeIfAbsent(o, k -> new ArrayList<>()).add(e));
    }
    // Related entries and translations are looked up by id: KnowledgeBase.find walks the list.
    Map<String, Entry> byId = new java.util.HashMap<>();
    kb.entries().forEach(e -> byId.put(e.id(), e));
    dev.errata.Parallel.each(kb.entries(), e -> entryPage(kb, byId, picture, translations, e).ifPresent(sink));
  }

  /** The pages that list entries (components, tags, home, search, sitemap, feed) and the 404 page. */
  public void listPages(KnowledgeBase kb, java.util.function.Consumer<Page> sink) {
    // The bundles' scripts are written by every build: they are the templates', not the entries'.
    for (String l : messages.languages()) {
      sink.accept(new Page(messageScript(l), messages.script(l)));
    }
    // An edit that changes nothing a list shows (a body, an example, a symptom) keeps them all,
    // without making the 60,000 cards of a large site's lists to find that out.
    if (earlier.keptLists(() -> listed(kb))) {
      return;
    }
    Map<String, List<Entry>> byComponent = kb.byComponent();
    Map<String, List<Entry>> byTag = kb.byTag();
    // Pages that list entries of every language speak the site's language.
    String lang = kb.site().defaultLang();
    Map<String, String> words = messages.of(lang);
    List<Entry> recent = kb.recentlyModified();
    List<Views.Group> components = componentGroups(kb, byComponent, "../");
    List<Views.Group> tags = tagGroups(kb, byTag, "../");
    // The list pages render in parallel too: on a large site a tag page lists thousands of
    // entries, and one after another they would be a single-threaded tail of the rendering.
    List<java.util.function.Supplier<Page>> pages = new ArrayList<>();
    // A group's cards are made for its own page only: the indexes, the home and search pages
    // show names and counts, so making every card for each of them would be wasted work.
    for (Views.Group g : components) {
      pages.add(() -> listPage("components/" + g.name() + ".html", "component.ftlh",
          model(kb, "../", "group", g.with(byComponent.get(g.name()).stream()
              .map(e -> card(words, e, "../", rangeNote(words, e, g.name()))).toList()), "kind", "component")));
    }
    for (Views.Group g : tags) {
      pages.add(() -> listPage("tags/" + g.name() + ".html", "tag.ftlh",
          model(kb, "../", "group", g.with(byTag.get(g.name()).stream().map(e -> card(words, e, "../")).toList()),
              "kind", "tag")));
    }
    pages.add(() -> listPage("components/index.html", "components.ftlh",
        model(kb, "../", "groups", components)));
    pages.add(() -> listPage("tags/index.html", "tags.ftlh", model(kb, "../", "groups", tags)));
    pages.add(() -> listPage("index.html", "index.ftlh", model(kb, "",
        "components", componentGroups(kb, byComponent, ""),
        "tags", tagGroups(kb, byTag, ""),
        "recent", recent.stream().limit(RECENT).map(e -> card(words, e, "")).toList())));
    pages.add(() -> listPage("search.html", "search.ftlh", model(kb, "",
        "components", componentGroups(kb, byComponent, ""), "tags", tagGroups(kb, byTag, ""),
        "maxUrl", SiteInfo.MAX_URL, "maxTitle", SiteInfo.MAX_TITLE)));
    // Served in place of any missing page, at any depth: the page finds the site's root itself,
    // from base_url's path when it has one (see layout.ftlh).
    pages.add(() -> listPage("404.html", "404.ftlh", model(kb, "", "rootPath", rootPath(kb.site()))));
    pages.add(() -> {
      List<Views.Card> all = kb.entries().stream().map(e -> card(words, e, "")).toList();
      return listPage("sitemap.xml", "sitemap.ftlx", model(kb, "", "entries", all,
          "components", components, "tags", tags));
    });
    pages.add(() -> listPage("feed.xml", "feed.ftlx", model(kb, "",
        "entries", recent.stream().limit(FEED).map(e -> card(words, e, "")).toList(),
        "updated", recent.isEmpty() ? "1970-01-01" : recent.get(0).modified().toString())));
    if (!kb.site().baseUrl().isEmpty()) {
      pages.add(() -> listPage("opensearch.xml", "opensearch.ftlx", model(kb, "")));
    }
    // A page an earlier build made from equal inputs is kept (null here), not rendered.
    pages.parallelStream().map(java.util.function.Supplier::get).filter(java.util.Objects::nonNull).forEach(sink);
  }

  /**
   * What the pages that list entries read, besides the templates: the site, the vocabulary (the
   * components' titles and descriptions), how many entries there are and, of each entry in order,
   * what its cards, groups and range notes show and what orders the recent ones. Whatever else an
   * entry holds (its body, causes, fixes, symptoms, examples, references) no list shows.
   */
  private Object listed(KnowledgeBase kb) {
    List<Object> entries = new ArrayList<>(kb.entries().size());
    for (Entry e : kb.entries()) {
      entries.add(earlier.listed(e, () -> List.of(e.id(), e.title(), e.summary(), e.lang(), e.status(), e.published(),
          e.modified(), e.tags(), e.components())));
    }
    return List.of(kb.site(), kb.vocabulary(), entries);
  }

  /** A list page, or null when the page an earlier build made from equal inputs is kept ({@link EarlierPages#keptPage}). */
  private Page listPage(String path, String template, Map<String, Object> model) {
    model.put("path", path);
    return earlier.keptPage(path, () -> inputs(template, model)) ? null : page(path, template, model);
  }

  /** A page at {@code path}; templates know their path for the canonical link. */
  private Page page(String path, String template, Map<String, Object> model) {
    model.put("path", path);
    return new Page(path, render(template, model));
  }

  /** Where the words of the browser's scripts in {@code lang} are: {@code assets/messages/LANG.js}. */
  static String messageScript(String lang) {
    return "assets/messages/" + lang + ".js";
  }

  /**
   * What an entry's page is made from besides the templates, their words and this tool: the entry
   * itself, and what the page shows of the site and of other entries (how many there are, the
   * columns of each of its components' version rows, the titles of related entries and
   * translations). The page is a function of these alone ({@link #entryView} reads nothing else),
   * so a page an earlier build made from equal inputs is kept without building its model.
   */
  record EntryPage(Entry entry, String path, SiteInfo site, int entryCount, List<VersionPicture.Columns> columns,
      List<Views.Link> followsFrom, List<Views.Link> related, List<Views.Translation> translations) {}

  /** The entry's page; empty when the page an earlier build wrote from equal inputs is kept ({@link EarlierPages}). */
  private java.util.Optional<Page> entryPage(KnowledgeBase kb, Map<String, Entry> byId, VersionPicture picture,
      Map<String, List<Entry>> translationsOf, Entry e) {
    List<Views.Link> related = links(e.related(), byId);
    List<Views.Link> followsFrom = links(e.followsFrom(), byId);
    List<Views.Translation> translations = new ArrayList<>();
    e.findTranslationOf().map(byId::get).ifPresent(o -> translations.add(new Views.Translation(o.lang(), o.id() + ".html", o.title())));
    String originalId = e.findTranslationOf().orElse(e.id());
    for (Entry t : translationsOf.getOrDefault(originalId, List.of())) {
      if (!t.id().equals(e.id())) {
        translations.add(new Views.Translation(t.lang(), t.id() + ".html", t.title()));
      }
    }
    EntryPage page = new EntryPage(e, "entries/" + e.id() + ".html", kb.site(), kb.entries().size(),
        e.components().stream().map(c -> picture.columns(c.name())).toList(), followsFrom, related, translations);
    if (earlier.kept(e, () -> List.of("entry.ftlh", page))) {
      return java.util.Optional.empty();
    }
    Map<String, Object> model = modelIn(page.site(), page.entryCount(), ENTRY_ROOT, e.lang(), "entry", entryView(page, picture));
    return java.util.Optional.of(page(page.path(), "entry.ftlh", model));
  }

  private static final String ENTRY_ROOT = "../";

  /** Links to the entries of {@code ids} that exist, by their titles. */
  private static List<Views.Link> links(List<String> ids, Map<String, Entry> byId) {
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).map(r -> new Views.Link(r.id() + ".html", r.title())).toList();
  }

  /** Everything the page of {@code in} shows, from {@code in} alone (and the words of its language). */
  private Views.EntryView entryView(EntryPage in, VersionPicture picture) {
    Entry e = in.entry();
    Map<String, String> words = messages.of(e.lang());
    List<Views.Link> tags = e.tags().stream().map(t -> new Views.Link(ENTRY_ROOT + "tags/" + t + ".html", t)).toList();
    List<Views.VersionRow> versions = new ArrayList<>();
    for (int i = 0; i < e.components().size(); i++) {
      versions.add(picture.row(e.components().get(i), in.columns().get(i), ENTRY_ROOT, e.lang(), words));
    }
    List<Views.Link> refs = e.references().stream().map(r -> new Views.Link(r.url(), referenceLabel(words, r))).toList();
    String body = bodyHtml.apply(e);
    return new Views.EntryView(e.id(), e.title(), e.summary(), e.lang(), e.status().key(),
        statusLabel(words, e), words.get("status." + e.status().key() + ".meaning"), e.published().toString(),
        e.modified().toString(), tags, e.symptoms().stream().map(Symptom::display).toList(),
        e.causes().stream().map(markdown::toInlineHtml).toList(), e.fixes().stream().map(this::fix).toList(), versions,
        in.followsFrom(), in.related(), in.translations(), refs, body, Contents.of(body), e.source().contentPath(),
        in.site().editLink(e.source()));
  }

  /** The path of base_url, ending in a slash ({@code /errata/}), or empty without one. */
  static String rootPath(SiteInfo site) {
    if (site.baseUrl().isEmpty()) {
      return "";
    }
    String path = java.net.URI.create(site.baseUrl()).getRawPath();
    return path == null || path.isEmpty() ? "/" : path.endsWith("/") ? path : path + "/";
  }

  private static String referenceLabel(Map<String, String> words, Reference r) {
    return Say.format(words.get("reference.label"), List.of(words.getOrDefault("reference." + r.type(), r.type()), r.label()));
  }

  private Views.FixView fix(Fix f) {
    return new Views.FixView(f.title(), f.commands(), String.join("\n", f.commands()), f.config(), f.configLang(),
        f.detail().isEmpty() ? "" : markdown.toInlineHtml(f.detail()));
  }

  static Views.Card card(Map<String, String> words, Entry e, String root) {
    return card(words, e, root, "");
  }

  static Views.Card card(Map<String, String> words, Entry e, String root, String note) {
    return new Views.Card(e.id(), root + "entries/" + e.id() + ".html", e.title(), e.summary(), e.status().key(),
        statusLabel(words, e), e.modified().toString(),
        e.components().stream().map(Component::name).toList(), note);
  }

  private static String statusLabel(Map<String, String> words, Entry e) {
    return words.get("status." + e.status().key());
  }

  /** "affected >23.02; fixed in 24.10" for one component of an entry, in the page's words. */
  private static String rangeNote(Map<String, String> words, Entry e, String component) {
    return e.findComponent(component).map(c -> {
      String affected = c.allVersions() ? words.get("note.affected_all")
          : Say.format(words.get("note.affected"), List.of(c.affected().stream().map(r -> r.text())
              .reduce((a, b) -> a + "; " + b).orElse("")));
      return c.fixed().isEmpty() ? Say.format(words.get("note.no_fix"), List.of(affected))
          : Say.format(words.get("note.fixed_in"), List.of(affected,
              c.fixed().stream().map(v -> v.text()).reduce((a, b) -> a + ", " + b).orElse("")));
    }).orElse("");
  }

  /** The components with their entry counts; no cards (see {@link Views.Group#with}). */
  private static List<Views.Group> componentGroups(KnowledgeBase kb, Map<String, List<Entry>> by, String root) {
    return by.entrySet().stream().map(en -> {
      String name = en.getKey();
      var info = kb.vocabulary().findComponent(name);
      return new Views.Group(name, info.map(i -> i.title()).orElse(name), info.map(i -> i.description()).orElse(""),
          root + "components/" + name + ".html", en.getValue().size(), List.of());
    }).toList();
  }

  /** The tags with their entry counts; no cards. */
  private static List<Views.Group> tagGroups(KnowledgeBase kb, Map<String, List<Entry>> by, String root) {
    return by.entrySet().stream().map(en -> new Views.Group(en.getKey(), en.getKey(), "",
        root + "tags/" + en.getKey() + ".html", en.getValue().size(), List.of())).toList();
  }

  /** Renders a page whose model must be what {@link TemplateVariables} lists for its template. */
  private byte[] render(String template, Map<String, Object> model) {
    TemplateVariables.check(template, model.keySet());
    return memo.bytes(() -> inputs(template, model), () -> templates.render(template, model));
  }

  /** What a page is made from besides the templates: its template's name and its model. */
  private static Object inputs(String template, Map<String, Object> model) {
    // The words (t, tn) are the templates' own: equal for every page of one Templates, which memos are kept for.
    Map<String, Object> inputs = new java.util.TreeMap<>(model);
    inputs.remove("t");
    inputs.remove("tn");
    return List.of(template, inputs);
  }

  /** A page in the site's default language. */
  private Map<String, Object> model(KnowledgeBase kb, String root, Object... pairs) {
    return modelIn(kb, root, kb.site().defaultLang(), pairs);
  }

  /**
   * What every template reads: the site, the way back to its root, the page's language, the
   * bundle that speaks it ({@code bundle}, for the scripts' words), and its words ({@code t},
   * {@code tn}; see {@link Say}).
   */
  private Map<String, Object> modelIn(KnowledgeBase kb, String root, String lang, Object... pairs) {
    return modelIn(kb.site(), kb.entries().size(), root, lang, pairs);
  }

  private Map<String, Object> modelIn(SiteInfo site, int entryCount, String root, String lang, Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("site", site);
    m.put("root", root);
    m.put("entryCount", entryCount);
    m.put("pageLang", lang);
    m.put("bundle", messages.bundleFor(lang));
    Say[] say = says.computeIfAbsent(lang, l -> new Say[] {new Say(messages.of(l), false), new Say(messages.of(l), true)});
    m.put("t", say[0]);
    m.put("tn", say[1]);
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

}
