package dev.errata.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.model.Source;
import dev.errata.testing.GeneratedCorpus;
import dev.errata.testing.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entry read back from its form ({@link EntryForm}) is the entry parsed from its file: every
 * field, its warnings, and the file line each front-matter key is on (which rules that run after
 * the load report). A damaged form is parsed again, never read into another entry.
 */
class EntryFormTest {
  /** Pointers whose lines messages ask for: keys, items, nested values and a key no entry has. */
  private static final List<String> POINTERS = List.of("", "/id", "/title", "/summary", "/status", "/tags/0", "/components/0/name",
      "/components/0/affected/0", "/components/1/fixed/0", "/symptoms/0", "/symptoms/1", "/causes/0", "/fixes/0/commands/0",
      "/examples/match/0", "/examples/no_match/0", "/references/0/url", "/related/0", "/related/1", "/translation_of", "/nothing/here");

  /** Keeps every form a load makes, and gives them to the next load. */
  private static final class Kept implements ContentLoader.Forms {
    final Map<Path, ContentLoader.Form> forms = new ConcurrentHashMap<>();
    final Map<Path, Boolean> taken = new ConcurrentHashMap<>();
    private final Map<Path, ContentLoader.Form> given = new ConcurrentHashMap<>();
    private final boolean give;

    Kept(boolean give) {
      this.give = give;
    }

    @Override
    public ContentLoader.Form earlier(ContentLoader.FileInput input) {
      ContentLoader.Form f = give ? forms.get(input.file()) : null;
      if (f != null) {
        given.put(input.file(), f);
      }
      return f;
    }

    @Override
    public void made(ContentLoader.FileAt at, long checksum, int length, ContentLoader.FileResult result, ContentLoader.Form form) {
      if (form != null) {
        taken.put(at.file(), form == given.get(at.file()));
        forms.put(at.file(), form);
      }
    }

    Kept next() {
      Kept k = new Kept(true);
      k.forms.putAll(forms);
      return k;
    }
  }

  /** The entry with its lines left out: they are compared by what they answer. */
  private static Entry withoutLines(Entry e) {
    Source s = e.source();
    return new Entry(e.id(), e.title(), e.summary(), e.lang(), e.translationOf(), e.status(), e.published(), e.modified(), e.tags(),
        e.components(), e.symptoms(), e.causes(), e.fixes(), e.examples(), e.references(), e.related(), e.downstream(), e.followsFrom(), e.body(),
        new Source(s.path(), s.bodyLine(), pointer -> 0, s.contentPath()));
  }

  /** A copy of the shipped content in {@code dir}. */
  private static Path shipped(Path dir) throws IOException {
    Path content = dir.resolve("content");
    Trees.copy(Path.of("content"), content);
    return content;
  }

  /** Loads {@code content} twice, the second time from the forms of the first, and holds the two loads equal. */
  private static Kept sameFromForms(Path content) {
    Kept first = new Kept(false);
    ContentLoader.Result parsed = new ContentLoader(first).load(content);
    Kept second = first.next();
    ContentLoader.Result read = new ContentLoader(second).load(content);
    assertEquals(parsed.diagnostics(), read.diagnostics());
    KnowledgeBase a = parsed.knowledgeBase();
    KnowledgeBase b = read.knowledgeBase();
    assertEquals(a.entries().size(), b.entries().size());
    for (int i = 0; i < a.entries().size(); i++) {
      Entry x = a.entries().get(i);
      Entry y = b.entries().get(i);
      assertEquals(withoutLines(x), withoutLines(y), x.id());
      for (String p : POINTERS) {
        assertEquals(x.source().line(p), y.source().line(p), x.id() + " " + p);
      }
    }
    assertEquals(first.forms.keySet(), second.taken.keySet());
    second.taken.forEach((file, taken) -> assertTrue(taken, file + " was parsed again, not read from its form"));
    return second;
  }

  @Test
  void theShippedEntriesReadFromTheirFormsAreTheParsedOnes(@TempDir Path dir) throws IOException {
    Path content = shipped(dir);
    Kept kept = sameFromForms(content);
    assertTrue(kept.forms.size() > 100, "the shipped entries have forms");
  }

  @Test
  void theGeneratedEntriesReadFromTheirFormsAreTheParsedOnes(@TempDir Path dir) throws IOException, InterruptedException {
    Path content = dir.resolve("content");
    GeneratedCorpus.write(300, content);
    sameFromForms(content);
  }

  @Test
  void entriesInEveryShapeOfFileReadBackTheSame(@TempDir Path dir) throws IOException {
    Path content = shipped(dir);
    List<Path> files = new ArrayList<>();
    try (var walk = Files.walk(content)) {
      walk.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    // A byte order mark, Windows line endings, a front matter that SimpleYaml leaves to Jackson
    // (a comment after a value), an empty body, and warnings (no references).
    String bom = Files.readString(files.get(0));
    Files.writeString(files.get(0), "\uFEFF" + bom);
    Files.writeString(files.get(1), Files.readString(files.get(1)).replace("\n", "\r\n"));
    String commented = Files.readString(files.get(2));
    Files.writeString(files.get(2), commented.replaceFirst("(?m)^(status: .*)$", "$1 # a comment"));
    String body = Files.readString(files.get(3));
    Files.writeString(files.get(3), body.substring(0, body.indexOf("\n---\n", 4) + 5));
    Files.writeString(files.get(4), withoutKey(Files.readString(files.get(4)), "references"));
    Kept kept = sameFromForms(content);
    assertEquals(files.size(), kept.forms.size(), "each file has an entry");
  }

  /** The text without a top-level key and the lines under it. */
  private static String withoutKey(String text, String key) {
    StringBuilder out = new StringBuilder();
    boolean under = false;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(key + ":")) {
        under = true;
        continue;
      }
      if (under && (line.startsWith(" ") || line.startsWith("-"))) {
        continue;
      }
      under = false;
      out.append(line).append('\n');
    }
    assertFalse(out.toString().contains("\n" + key + ":"));
    return out.substring(0, out.length() - 1);
  }

  @Test
  void aDamagedFormIsParsedAgain(@TempDir Path dir) throws IOException {
    Path content = shipped(dir);
    Kept first = new Kept(false);
    KnowledgeBase parsed = new ContentLoader(first).load(content).knowledgeBase();
    Kept damaged = new Kept(true);
    first.forms.forEach((file, form) -> {
      byte[] bytes = form.bytes().clone();
      // One character of the middle changed; the form still decodes, only its sum tells.
      int at = bytes.length / 2;
      bytes[at] = (byte) (bytes[at] == 'a' ? 'b' : 'a');
      damaged.forms.put(file, new ContentLoader.Form(bytes));
    });
    KnowledgeBase read = new ContentLoader(damaged).load(content).knowledgeBase();
    assertEquals(parsed.entries().stream().map(EntryFormTest::withoutLines).toList(),
        read.entries().stream().map(EntryFormTest::withoutLines).toList());
    assertFalse(damaged.taken.containsValue(true), "a damaged form was read");
    assertEquals(first.forms.keySet(), damaged.taken.keySet());

    // Cut short: parsed again too.
    Kept cut = new Kept(true);
    first.forms.forEach((file, form) -> cut.forms.put(file, new ContentLoader.Form(java.util.Arrays.copyOf(form.bytes(), form.bytes().length / 2))));
    new ContentLoader(cut).load(content);
    assertFalse(cut.taken.containsValue(true), "a form cut short was read");
  }

  @Test
  void aFormHoldsNoBodyAndNoPath(@TempDir Path dir) throws IOException {
    Path content = shipped(dir);
    Kept first = new Kept(false);
    KnowledgeBase kb = new ContentLoader(first).load(content).knowledgeBase();
    for (Entry e : kb.entries()) {
      ContentLoader.Form form = first.forms.get(content.resolve(e.source().contentPath()));
      String bytes = new String(form.bytes(), StandardCharsets.UTF_8);
      assertTrue(bytes.contains(e.id()), e.id());
      String line = e.body().text().strip().lines().findFirst().orElse("");
      assertFalse(!line.isEmpty() && bytes.contains(line), e.id() + ": the body is taken from the file");
      assertFalse(bytes.contains(e.source().contentPath()), e.id() + ": the path is taken from the file read");
    }
  }
}
