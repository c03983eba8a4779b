package dev.errata.render;

import dev.errata.model.SiteInfo;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The variables each template is given, the one list the renderer checks every page's model
 * against and docs/template-variables.md is written from ({@link #markdown}), so that neither
 * can drift from what the pages really get.
 */
public final class TemplateVariables {
  /** One variable: a record type (its fields are listed too), a list of one, or a plain value. */
  record Variable(String name, Class<?> type, boolean list, String meaning) {}

  static final List<Variable> EVERY_PAGE = List.of(
      new Variable("site", SiteInfo.class, false, "what `content/site.yml` says (docs/site.md)"),
      new Variable("root", String.class, false, "the way from this page to the site's root: `\"\"` or `\"../\"`; start every link with it"),
      new Variable("entryCount", Integer.class, false, "how many entries the site has"),
      new Variable("path", String.class, false, "this page's path from the site's root, such as `entries/ID.html`"),
      new Variable("pageLang", String.class, false, "the page's language: the entry's `lang`, or `default_lang` for lists"),
      new Variable("bundle", String.class, false, "the message bundle that speaks it (`assets/messages/BUNDLE.js` holds the scripts' words)"),
      new Variable("t", Say.class, false, "the page's words: `${t(\"key\", arg...)}` (templates/messages/*.properties)"),
      new Variable("tn", Say.class, false, "words that depend on a count: `${tn(\"key\", n, arg...)}` picks `key.one` or `key.other`"));

  static final Map<String, List<Variable>> PAGES = pages();

  /** Each template's variable names, every page's among them: checked for every page a build renders. */
  private static final Map<String, Set<String>> NAMES = names();

  private TemplateVariables() {}

  private static Map<String, List<Variable>> pages() {
    Map<String, List<Variable>> m = new LinkedHashMap<>();
    Variable components = new Variable("components", Views.Group.class, true, "every component with its entry count (no cards)");
    Variable tags = new Variable("tags", Views.Group.class, true, "every tag with its entry count (no cards)");
    m.put("index.ftlh", List.of(components, tags,
        new Variable("recent", Views.Card.class, true, "the most recently modified entries, newest first")));
    m.put("entry.ftlh", List.of(new Variable("entry", Views.EntryView.class, false, "the entry, ready to show")));
    m.put("component.ftlh", List.of(new Variable("group", Views.Group.class, false, "the component, with a card per entry"),
        new Variable("kind", String.class, false, "`component`")));
    m.put("components.ftlh", List.of(new Variable("groups", Views.Group.class, true, "every component (no cards)")));
    m.put("tag.ftlh", List.of(new Variable("group", Views.Group.class, false, "the tag, with a card per entry"),
        new Variable("kind", String.class, false, "`tag`")));
    m.put("tags.ftlh", List.of(new Variable("groups", Views.Group.class, true, "every tag (no cards)")));
    m.put("search.ftlh", List.of(components, tags,
        new Variable("maxUrl", Integer.class, false, "the longest filled `new_entry_url`, in characters"),
        new Variable("maxTitle", Integer.class, false, "the longest `{title}` of a filled `new_entry_url`, in characters")));
    m.put("404.ftlh", List.of(new Variable("rootPath", String.class, false,
        "the path of `base_url` ending in `/`, or empty: where the page's script looks for the root")));
    m.put("sitemap.ftlx", List.of(new Variable("entries", Views.Card.class, true, "every entry"), components, tags));
    m.put("opensearch.ftlx", List.of());
    m.put("feed.ftlx", List.of(new Variable("entries", Views.Card.class, true, "the latest changes, newest first"),
        new Variable("updated", String.class, false, "the date of the latest change, `yyyy-mm-dd`")));
    return m;
  }

  private static Map<String, Set<String>> names() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    PAGES.forEach((template, declared) -> {
      Set<String> names = new TreeSet<>();
      EVERY_PAGE.forEach(v -> names.add(v.name()));
      declared.forEach(v -> names.add(v.name()));
      m.put(template, Set.copyOf(names));
    });
    return m;
  }

  /** Fails when a page's model is not what this list says that template gets: the list would be stale. */
  static void check(String template, Set<String> keys) {
    Set<String> expected = NAMES.get(template);
    if (expected == null) {
      throw new IllegalStateException("TemplateVariables lists no template " + template);
    }
    if (!expected.equals(keys)) {
      throw new IllegalStateException("the model of " + template + " has " + new TreeSet<>(keys) + " but TemplateVariables lists "
          + new TreeSet<>(expected) + "; update TemplateVariables and docs/template-variables.md");
    }
  }

  /** docs/template-variables.md. */
  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Variables templates can use\n\n")
        .append("Generated from `dev.errata.render.TemplateVariables` (a test fails when this file is stale; rewrite it with\n")
        .append("`mvn -o -B test -Derrata.golden.update=true -Dtest=TemplateVariablesDocTest`). A template in your\n")
        .append("`templates/` folder replaces the default of the same name and gets the same variables. Text is escaped\n")
        .append("by `.ftlh`/`.ftlx` templates; fields named `...Html` hold HTML that is already safe (`${x?no_esc}`).\n")
        .append("A variable not listed here is an error that names it, with the template file and line.\n\n")
        .append("## Every page\n\n");
    table(out, EVERY_PAGE);
    Set<Class<?>> types = new LinkedHashSet<>();
    EVERY_PAGE.forEach(v -> collect(v.type(), types));
    for (Map.Entry<String, List<Variable>> page : PAGES.entrySet()) {
      out.append("## `").append(page.getKey()).append("`\n\n");
      table(out, page.getValue());
      page.getValue().forEach(v -> collect(v.type(), types));
    }
    out.append("## Fields\n\n");
    for (Class<?> type : types) {
      out.append("### `").append(type.getSimpleName()).append("`\n\n| field | type |\n|---|---|\n");
      for (RecordComponent c : type.getRecordComponents()) {
        out.append("| `").append(c.getName()).append("` | ").append(typeName(c.getGenericType())).append(" |\n");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static void table(StringBuilder out, List<Variable> vars) {
    out.append("| variable | type | what it holds |\n|---|---|---|\n");
    for (Variable v : vars) {
      out.append("| `").append(v.name()).append("` | ").append(v.list() ? "list of " : "").append(name(v.type()))
          .append(" | ").append(v.meaning()).append(" |\n");
    }
    out.append('\n');
  }

  /** A record type and the record types its fields hold, in the order met. */
  private static void collect(Class<?> type, Set<Class<?>> into) {
    if (!type.isRecord() || !into.add(type)) {
      return;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      Type t = c.getGenericType();
      if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> element) {
        collect(element, into);
      } else if (t instanceof Class<?> k) {
        collect(k, into);
      }
    }
  }

  private static String typeName(Type t) {
    if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
      return "list of " + typeName(p.getActualTypeArguments()[0]);
    }
    return t instanceof Class<?> k ? name(k) : t.getTypeName();
  }

  private static String name(Class<?> k) {
    if (k.isRecord()) {
      return "[`" + k.getSimpleName() + "`](#" + k.getSimpleName().toLowerCase(java.util.Locale.ROOT) + ")";
    }
    if (k == Integer.class || k == int.class || k == long.class) {
      return "number";
    }
    if (k == boolean.class || k == Boolean.class) {
      return "boolean";
    }
    if (k == Say.class) {
      return "function";
    }
    return k == String.class ? "text" : k.getSimpleName();
  }
}
