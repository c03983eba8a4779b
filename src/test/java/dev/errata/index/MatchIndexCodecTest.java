package dev.errata.index;

import dev.errata.testing.ShippedRules;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.content.ContentLoader;
import dev.errata.eval.Evaluation;
import dev.errata.match.Match;
import dev.errata.match.MatchData;
import dev.errata.match.MatchIndex;
import dev.errata.match.MatchReport;
import dev.errata.match.Matcher;
import dev.errata.match.Template;
import dev.errata.model.KnowledgeBase;
import dev.errata.search.Posting;
import dev.errata.text.FoundVersion;
import dev.errata.text.Rules;
import dev.errata.testing.GeneratedCorpus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The match index file round-trips: written, mapped and read back, it holds every entry,
 * template, literal posting and term posting of the index it was written from, and the matcher
 * gives the same answers through it as through the index in memory. On the shipped content, and
 * on a generated corpus of 1,000 entries ({@code ../shared/corpus/gen_corpus.py}, as the
 * benchmark uses it), whose symptoms have shapes the shipped content lacks (paths and numbers
 * pasted as seen, long messages).
 */
class MatchIndexCodecTest {

  @Test
  void theShippedContentRoundTrips(@TempDir Path dir) throws IOException {
    KnowledgeBase kb = new ContentLoader().load(Path.of("content")).knowledgeBase();
    List<String> pastes = new ArrayList<>();
    for (Evaluation.Case c : Evaluation.load(Path.of("src/test/resources/eval"))) {
      pastes.add(c.text());
    }
    pastes.addAll(List.of("", "shared memory", "nvcr.io/nvidia/tritonserver:23.02-py3\nnumpy==1.26.4\nin ensemble 'x', onnx runtime "
        + "error 2: not enough space: expected 16, got 0"));
    roundTrips(kb, dir, pastes);
  }

  @Test
  void aGeneratedCorpusOfAThousandEntriesRoundTrips(@TempDir Path dir) throws IOException, InterruptedException {
    Path entries = dir.resolve("corpus/entries");
    GeneratedCorpus.write(1000, entries);
    KnowledgeBase kb = new ContentLoader().load(entries).knowledgeBase();
    assertEquals(1000, kb.entries().size());
    // The generator's queries (an entry's error as pasted, one line each), and logs of three of them.
    List<String> pastes = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("corpus/queries.txt"), StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab > 0 && pastes.size() < 120) {
        pastes.add(line.substring(tab + 1));
      }
    }
    assertTrue(pastes.size() >= 100, "too few queries: " + pastes.size());
    for (int i = 0; i + 2 < 60; i += 3) {
      pastes.add("I0101 00:00:00.000000 1 server.cc:1] starting\nE0101 00:00:01.000000 1 model.cc:2] " + pastes.get(i) + "\n"
          + pastes.get(i + 1) + "\n  " + pastes.get(i + 2));
    }
    MatchIndex index = roundTrips(kb, dir, pastes);
    assertTrue(index.templates().stream().anyMatch(t -> t.items().stream()
        .anyMatch(i -> i.slot() == Template.Slot.PATH && !i.text().isEmpty())), "no template keeps a path's words");
  }

  private static MatchIndex roundTrips(KnowledgeBase kb, Path dir, List<String> pastes) throws IOException {
    MatchIndex index = MatchIndex.build(kb, ShippedRules.get());
    Path file = dir.resolve("match-index.bin");
    try (OutputStream out = Files.newOutputStream(file)) {
      MatchIndexCodec.write(index, "fingerprint of the test", out);
    }
    assertEquals(Optional.of("fingerprint of the test"), MatchIndexCodec.fingerprint(file));
    MatchData mapped = MatchIndexCodec.open(file);

    assertEquals(index.entryCount(), mapped.entryCount());
    for (int i = 0; i < index.entryCount(); i++) {
      assertEquals(index.entry(i), mapped.entry(i), "entry " + i);
    }
    assertEquals(index.templateCount(), mapped.templateCount());
    Set<String> keys = new TreeSet<>();
    for (int t = 0; t < index.templateCount(); t++) {
      assertEquals(index.template(t), mapped.template(t), "template " + t);
      keys.addAll(MatchIndex.templateKeys(index.template(t)));
    }
    assertTrue(keys.size() > 100, "few literal keys: " + keys.size());
    for (String key : keys) {
      assertArrayEquals(index.templatesWithKey(key), mapped.templatesWithKey(key), "templates with " + key);
    }
    for (Map.Entry<String, Posting> e : index.postings().entrySet()) {
      Posting p = mapped.posting(e.getKey());
      assertArrayEquals(e.getValue().entries(), p.entries(), "entries of " + e.getKey());
      assertArrayEquals(e.getValue().weight(), p.weight(), "weights of " + e.getKey());
    }
    for (String absent : List.of("\u0001absent", "zzzzzzzz-no-such-word", "")) {
      assertNull(mapped.templatesWithKey(absent), absent);
      assertEquals(index.templatesWithKey(absent) == null, mapped.templatesWithKey(absent) == null);
      assertEquals(index.posting(absent) == null, mapped.posting(absent) == null);
    }

    Matcher inMemory = new Matcher(index, ShippedRules.get());
    Matcher fromFile = new Matcher(mapped, ShippedRules.get());
    List<FoundVersion> env = List.of(new FoundVersion("numpy", "2.1.0", "--env"));
    int answered = 0;
    for (String paste : pastes) {
      for (Matcher.Options o : List.of(Matcher.Options.defaults(), new Matcher.Options(10, env, "zh"))) {
        String expected = describe(inMemory.match(paste, o));
        assertEquals(expected, describe(fromFile.match(paste, o)), "answers to: " + paste);
        answered += expected.isEmpty() ? 0 : 1;
      }
    }
    assertTrue(answered > pastes.size(), "the pastes found almost nothing: " + answered);
    return index;
  }

  /** A report whole, highlights included (records holding arrays do not compare them by value). */
  private static String describe(MatchReport r) {
    StringBuilder b = new StringBuilder();
    for (Match m : r.matches()) {
      b.append(m.entry().id()).append(' ').append(m.confidence()).append(' ').append(m.score()).append(' ')
          .append(m.symptom()).append(' ').append(m.tokens()).append(' ').append(m.versions()).append(' ').append(m.reasons());
      if (m.line() != null) {
        b.append(" line ").append(m.line().number()).append(' ').append(m.line().text()).append(' ')
            .append(Arrays.deepToString(m.line().highlights().toArray()));
      }
      b.append('\n');
    }
    if (b.length() > 0) {
      b.append(r.versions()).append(' ').append(r.lines()).append(' ').append(r.preparedLines()).append(' ').append(r.truncated());
    }
    return b.toString();
  }
}
