package dev.errata.index;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.errata.ErrataException;
import dev.errata.ExitCode;
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
import java.util.function.IntPredicate;

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
    return write(kb, java.util.Optional.empty(), i -> false).bytes();
  }

  /**
   * The file as written: its bytes, and where each entry's part of them ends. Entry {@code i}'s
   * part runs from where the one before it ends ({@code head} for the first) to {@code ends[i]},
   * the separator before it included, so it is the same bytes wherever an equal entry stands but
   * first.
   */
  public record Written(byte[] bytes, int head, int[] ends) {
    /** Entry {@code i}'s part of the bytes. */
    public byte[] part(int i) {
      return java.util.Arrays.copyOfRange(bytes, i == 0 ? head : ends[i - 1], ends[i]);
    }
  }

  /**
   * An earlier file's bytes (as mapped from the previous site) and where each of its entries'
   * parts ends ({@link Written#ends}).
   */
  public record Earlier(java.nio.ByteBuffer bytes, int head, int[] ends) {
    public Earlier {
      ends = ends.clone();
    }

    int from(int i) {
      return i == 0 ? head : ends[i - 1];
    }

    int length(int i) {
      return ends[i] - from(i);
    }
  }

  /**
   * The file, with entry {@code i}'s part taken from {@code earlier} where {@code same} holds: the
   * part an earlier file had for an equal entry at the same place, so that a build after one edit
   * writes one entry's part rather than every entry's. Each part is written by a generator of its
   * own, placed in the file as the whole file's generator would be there (after another value, but
   * for the first), so the bytes are the same as one generator's. The parts are copied once, into
   * an array of the file's length: the file holds every entry's examples (30 MB at 10,000).
   */
  public Written write(KnowledgeBase kb, java.util.Optional<Earlier> earlier, IntPredicate same) {
    try {
      // The head and the end, written around a stand-in for the entries.
      ByteArrayOutputStream frame = new ByteArrayOutputStream(256);
      int head;
      int afterEntries;
      try (JsonGenerator g = generator(frame)) {
        open(g);
        g.flush();
        head = frame.size();
        if (!kb.entries().isEmpty()) {
          g.writeNull();
        }
        g.flush();
        afterEntries = frame.size();
        g.writeEndArray();
        end(g, kb);
      }
      frame.write('\n');
      byte[] around = frame.toByteArray();
      int n = kb.entries().size();
      byte[][] made = new byte[n][];
      long total = head + (long) around.length - afterEntries;
      for (int i = 0; i < n; i++) {
        if (earlier.isEmpty() || !same.test(i)) {
          made[i] = part(kb.entries().get(i), i > 0);
        }
        total += made[i] != null ? made[i].length : earlier.get().length(i);
      }
      if (total > Integer.MAX_VALUE - 16) {
        throw new ErrataException(ExitCode.IO, "api/entries.json would be " + total / (1024 * 1024)
            + " MB, more than one file the build can hold (2 GB); keep the entries' examples short: long logs belong in a reference");
      }
      byte[] out = new byte[(int) total];
      System.arraycopy(around, 0, out, 0, head);
      int at = head;
      int[] ends = new int[n];
      for (int i = 0; i < n; i++) {
        if (made[i] != null) {
          System.arraycopy(made[i], 0, out, at, made[i].length);
          at += made[i].length;
        } else {
          Earlier e = earlier.get();
          e.bytes().get(e.from(i), out, at, e.length(i));
          at += e.length(i);
        }
        ends[i] = at;
      }
      System.arraycopy(around, afterEntries, out, at, around.length - afterEntries);
      return new Written(out, head, ends);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The file as one generator streams it, entry after entry: what {@link #write(KnowledgeBase,
   * java.util.Optional, IntPredicate)} must equal byte for byte ({@code EntriesJsonTest} holds it to that).
   */
  byte[] streamed(KnowledgeBase kb) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (JsonGenerator g = generator(out)) {
      open(g);
      for (Entry e : kb.entries()) {
        entry(g, e);
      }
      g.writeEndArray();
      end(g, kb);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /** One entry's part of the file: its object, after the separator when another value comes before it. */
  private byte[] part(Entry e, boolean afterAnother) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
    byte[] all;
    int from;
    try (JsonGenerator g = generator(out)) {
      open(g);
      if (afterAnother) {
        g.writeNull();
      }
      g.flush();
      from = out.size();
      entry(g, e);
      g.flush();
      all = out.toByteArray();
    }
    return java.util.Arrays.copyOfRange(all, from, all.length);
  }

  private JsonGenerator generator(ByteArrayOutputStream out) throws IOException {
    JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8);
    g.useDefaultPrettyPrinter();
    return g;
  }

  /** What comes before the entries: the file's object and the start of its list of entries. */
  private static void open(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("entries");
  }

  /** What follows the entries: the schema and the site, and the end of the file's object. */
  private static void end(JsonGenerator g, KnowledgeBase kb) throws IOException {
    g.writeNumberField("schema", SCHEMA);
    g.writeObjectFieldStart("site");
    g.writeStringField("description", kb.site().description());
    g.writeStringField("title", kb.site().title());
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * {@code api/entries/ID.json}: one entry, with the same fields as in {@code api/entries.json}
   * plus {@code body_html}, its body as the entry page shows it, for a tool that wants one entry
   * without fetching them all.
   */
  public byte[] write(Entry e, String bodyHtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
    try (JsonGenerator g = generator(out)) {
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
        e.related(), e.downstream(), e.followsFrom());
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
    if (e.downstream()) {
      g.writeBooleanField("downstream", true);
    }
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
    if (!e.followsFrom().isEmpty()) {
      strings(g, "follows_from", e.followsFrom());
    }
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
