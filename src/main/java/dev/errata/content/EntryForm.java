package dev.errata.content;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.errata.ByteReader;
import dev.errata.ByteWriter;
import dev.errata.Checksum;
import dev.errata.Diagnostic;
import dev.errata.model.Body;
import dev.errata.model.Component;
import dev.errata.model.Entry;
import dev.errata.model.Examples;
import dev.errata.model.Fix;
import dev.errata.model.Reference;
import dev.errata.model.Source;
import dev.errata.model.Status;
import dev.errata.model.Symptom;
import dev.errata.version.Version;
import dev.errata.version.VersionRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A loaded file's entry and warnings as bytes that give them back without parsing the file: what
 * a build keeps of each file for the next ({@link ContentLoader.Forms}). Reading the front matter
 * of 10,000 files again took most of a rebuild's load; rebuilding the same records from these
 * bytes copies text instead of scanning it.
 *
 * <p>The bytes hold what the front matter gave, not the body or the file's place: those come from
 * the file's text and path as read now, which the keeper has checked are the ones the form was
 * made from. A form ends with a checksum of its bytes, so a damaged one is parsed again rather
 * than read into a wrong entry. Its layout belongs to this build of the tool; the keeper drops
 * forms made by another.
 */
final class EntryForm {
  private static final Status[] STATUSES = Status.values();
  private static final Symptom.Kind[] KINDS = Symptom.Kind.values();

  private EntryForm() {}

  /**
   * The form of a file's entry and warnings.
   *
   * @param fm the file's front matter, as split when the entry was parsed
   * @param simple whether {@link SimpleYaml} read the front matter (line lookups may then take its shortcut)
   */
  static byte[] encode(Entry e, List<Diagnostic> warnings, FrontMatter fm, boolean simple) {
    ByteWriter out = new ByteWriter(4096);
    out.varint(fm.yamlStart());
    out.varint(fm.yaml().length());
    out.u8(simple ? 1 : 0);
    out.varint(e.body().text().length());
    out.varint(e.source().bodyLine());
    out.utf8(e.id());
    out.utf8(e.title());
    out.utf8(e.summary());
    out.utf8(e.lang());
    optional(out, e.translationOf());
    out.varint(e.status().ordinal());
    out.fixed64(e.published().toEpochDay());
    out.fixed64(e.modified().toEpochDay());
    texts(out, e.tags());
    out.varint(e.components().size());
    for (Component c : e.components()) {
      out.utf8(c.name());
      out.varint(c.affected().size());
      c.affected().forEach(r -> out.utf8(r.text()));
      out.varint(c.fixed().size());
      c.fixed().forEach(v -> out.utf8(v.text()));
    }
    out.varint(e.symptoms().size());
    for (Symptom s : e.symptoms()) {
      out.utf8(s.text());
      out.varint(s.parts().size());
      for (Symptom.Part p : s.parts()) {
        if (p instanceof Symptom.Literal l) {
          out.varint(0);
          out.utf8(l.text());
        } else {
          out.varint(1 + ((Symptom.Placeholder) p).kind().ordinal());
        }
      }
    }
    texts(out, e.causes());
    out.varint(e.fixes().size());
    for (Fix f : e.fixes()) {
      out.utf8(f.title());
      texts(out, f.commands());
      out.utf8(f.config());
      out.utf8(f.configLang());
      out.utf8(f.detail());
    }
    texts(out, e.examples().match());
    texts(out, e.examples().noMatch());
    out.varint(e.references().size());
    for (Reference r : e.references()) {
      out.utf8(r.type());
      out.utf8(r.url());
      out.utf8(r.title());
    }
    texts(out, e.related());
    out.varint(e.downstream() ? 1 : 0);
    texts(out, e.followsFrom());
    out.varint(warnings.size());
    warnings.forEach(out::diagnostic);
    byte[] body = out.toByteArray();
    out.fixed64(Checksum.of(body));
    return out.toByteArray();
  }

  /**
   * The file's result from its form, or empty when the form is damaged (the caller parses the
   * file). The file's {@code text} must be the one the form was made from; it is read only for
   * what asks for it later (the body, the line of a key), so a form taken without reading the file
   * reads it then.
   */
  static Optional<ContentLoader.FileResult> decode(ContentLoader.FileAt at, FileText text, byte[] bytes, YAMLFactory factory) {
    int length = bytes.length - 8;
    if (length < 0 || new ByteReader(bytes, length, 8).fixed() != Checksum.of(java.nio.ByteBuffer.wrap(bytes, 0, length))) {
      return Optional.empty();
    }
    try {
      ByteReader in = new ByteReader(bytes, 0, length);
      int yamlStart = in.count();
      int yamlLength = in.count();
      boolean simple = in.u8() == 1;
      int bodyLength = in.count();
      int bodyLine = in.count();
      String shown = at.shown();
      Problems lines = new Problems(shown, 2);
      lines.lines(new YamlLines(factory, () -> text.get().substring(yamlStart, yamlStart + yamlLength), simple));
      String id = in.text();
      String title = in.text();
      String summary = in.text();
      String lang = in.text();
      String translationOf = optional(in);
      Status status = STATUSES[in.count()];
      LocalDate published = LocalDate.ofEpochDay(in.fixed());
      LocalDate modified = LocalDate.ofEpochDay(in.fixed());
      List<String> tags = texts(in);
      List<Component> components = new ArrayList<>();
      for (int n = in.count(); n > 0; n--) {
        String name = in.text();
        List<VersionRange> affected = new ArrayList<>();
        for (int k = in.count(); k > 0; k--) {
          affected.add(VersionRange.parse(in.text()));
        }
        List<Version> fixed = new ArrayList<>();
        for (int k = in.count(); k > 0; k--) {
          fixed.add(Version.parse(in.text()));
        }
        components.add(new Component(name, affected, fixed));
      }
      List<Symptom> symptoms = new ArrayList<>();
      for (int n = in.count(); n > 0; n--) {
        String symptom = in.text();
        List<Symptom.Part> parts = new ArrayList<>();
        for (int k = in.count(); k > 0; k--) {
          int kind = in.count();
          parts.add(kind == 0 ? new Symptom.Literal(in.text()) : new Symptom.Placeholder(KINDS[kind - 1]));
        }
        symptoms.add(new Symptom(symptom, parts));
      }
      List<String> causes = texts(in);
      List<Fix> fixes = new ArrayList<>();
      for (int n = in.count(); n > 0; n--) {
        fixes.add(new Fix(in.text(), texts(in), in.text(), in.text(), in.text()));
      }
      Examples examples = new Examples(texts(in), texts(in));
      List<Reference> references = new ArrayList<>();
      for (int n = in.count(); n > 0; n--) {
        references.add(new Reference(in.text(), in.text(), in.text()));
      }
      List<String> related = texts(in);
      boolean downstream = in.count() == 1;
      List<String> followsFrom = texts(in);
      List<Diagnostic> warnings = new ArrayList<>();
      for (int n = in.count(); n > 0; n--) {
        warnings.add(in.diagnostic());
      }
      if (!in.atEnd()) {
        return Optional.empty();
      }
      Source source = new Source(shown, bodyLine, lines.sourceLines(), at.contentPath());
      Body body = Body.later(() -> {
        String t = text.get();
        return t.substring(t.length() - bodyLength);
      });
      Entry entry = new Entry(id, title, summary, lang, translationOf, status, published, modified, tags, components, symptoms,
          causes, fixes, examples, references, related, downstream, followsFrom, body, source);
      return Optional.of(new ContentLoader.FileResult(Optional.of(entry), List.copyOf(warnings), Optional.empty(), shown));
    } catch (RuntimeException damaged) {
      return Optional.empty();
    }
  }

  private static void optional(ByteWriter out, String s) {
    out.u8(s == null ? 0 : 1);
    if (s != null) {
      out.utf8(s);
    }
  }

  private static String optional(ByteReader in) {
    return in.u8() == 0 ? null : in.text();
  }

  private static void texts(ByteWriter out, List<String> texts) {
    out.varint(texts.size());
    texts.forEach(out::utf8);
  }

  private static List<String> texts(ByteReader in) {
    int n = in.count();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.text());
    }
    return out;
  }
}
