package dev.errata.index;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.errata.model.Component;
import dev.errata.model.Entry;
import dev.errata.model.Fix;
import dev.errata.model.KnowledgeBase;
import dev.errata.model.Reference;
import dev.errata.model.Symptom;
import dev.errata.version.Version;
import dev.errata.version.VersionRange;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code api/entries.json}: the whole knowledge base for other tools. Streamed with Jackson's
 * generator, keys in alphabetical order and entries by id, so the bytes depend only on the
 * content. The shape is versioned by {@code schema}; fields are only ever added.
 */
public final class EntriesJson {
  public static final int SCHEMA = 1;
  private final JsonFactory json;

  public EntriesJson(JsonFactory json) {
    this.json = json;
  }

  /** The file's bytes, UTF-8. */
  public byte[] write(KnowledgeBase kb) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("entries");
      for (Entry e : kb.entries()) {
        entry(g, e);
      }
      g.writeEndArray();
      g.writeNumberField("schema", SCHEMA);
      g.writeObjectFieldStart("site");
      g.writeStringField("description", kb.site().description());
      g.writeStringField("title", kb.site().title());
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * {@code api/entries/ID.json}: one entry, with the same fields as in {@code api/entries.json}
   * plus {@code body_html}, its body as the entry page shows it, for a tool that wants one entry
   * without fetching them all.
   */
  public byte[] write(Entry e, String bodyHtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
    try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      entry(g, e, bodyHtml);
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * What {@link #write(KnowledgeBase)} reads of one entry: every field but the body (the file has
   * no HTML) and where the entry came from. A digest of it tells a build whether the file can be
   * kept as the last one wrote it ({@code EntriesJsonTest} holds it to the entry's fields).
   */
  public static Object inputs(Entry e) {
    return java.util.Arrays.asList(e.id(), e.title(), e.summary(), e.lang(), e.translationOf(), e.status(), e.published(),
        e.modified(), e.tags(), e.components(), e.symptoms(), e.causes(), e.fixes(), e.examples(), e.references(),
        e.related());
  }

  /** What {@link #write(KnowledgeBase)} reads: the site's title and description, and each entry's inputs by their digests, in order. */
  public static Object inputs(KnowledgeBase kb, List<String> entryDigests) {
    return List.of(SCHEMA, kb.site().title(), kb.site().description(), entryDigests);
  }

  /** Where {@link #write(Entry, String)} goes in the site. */
  public static String path(Entry e) {
    return "api/entries/" + e.id() + ".json";
  }

  private static void entry(JsonGenerator g, Entry e) throws IOException {
    entry(g, e, null);
  }

  private static void entry(JsonGenerator g, Entry e, String bodyHtml) throws IOException {
    g.writeStartObject();
    if (bodyHtml != null) {
      g.writeStringField("body_html", bodyHtml);
    }
    strings(g, "causes", e.causes());
    g.writeArrayFieldStart("components");
    for (Component c : e.components()) {
      g.writeStartObject();
      strings(g, "affected", c.affected().stream().map(VersionRange::text).toList());
      strings(g, "fixed", c.fixed().stream().map(Version::text).toList());
      g.writeStringField("name", c.name());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("examples");
    strings(g, "match", e.examples().match());
    strings(g, "no_match", e.examples().noMatch());
    g.writeEndObject();
    g.writeArrayFieldStart("fixes");
    for (Fix f : e.fixes()) {
      g.writeStartObject();
      strings(g, "commands", f.commands());
      g.writeStringField("config", f.config());
      g.writeStringField("config_lang", f.configLang());
      g.writeStringField("detail", f.detail());
      g.writeStringField("title", f.title());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("id", e.id());
    g.writeStringField("lang", e.lang());
    g.writeStringField("modified", e.modified().toString());
    g.writeStringField("published", e.published().toString());
    g.writeArrayFieldStart("references");
    for (Reference r : e.references()) {
      g.writeStartObject();
      g.writeStringField("title", r.title());
      g.writeStringField("type", r.type());
      g.writeStringField("url", r.url());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "related", e.related());
    g.writeStringField("status", e.status().key());
    g.writeStringField("summary", e.summary());
    strings(g, "symptoms", e.symptoms().stream().map(Symptom::text).toList());
    strings(g, "tags", e.tags());
    g.writeStringField("title", e.title());
    if (e.translationOf() != null) {
      g.writeStringField("translation_of", e.translationOf());
    }
    g.writeStringField("url", "entries/" + e.id() + ".html");
    g.writeEndObject();
  }

  /** A named array of strings: the shape every list of the index files has. */
  static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
