package dev.errata.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.model.MatchingRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A phrase of a group of synonyms counts the group's other phrases where the text says it
 * whole, its words in order with only spaces or apostrophes between them, and nowhere else.
 */
class SynonymsTest {
  private static final Rules RULES = Rules.forContent(new MatchingRules(Map.of(), List.of(), Map.of(),
      List.of(List.of("oom", "out of memory"), List.of("mismatch", "doesn't match"), List.of("\u5185\u5b58\u4e0d\u8db3", "ram exhausted")),
      List.of()));

  /** The terms a text counts with synonyms, less those it counts without: what the synonyms added. */
  private static List<String> added(String text) {
    List<String> with = scanned(text, new TermTable(new TermTable.Registry(), RULES, true));
    for (String t : scanned(text, new TermTable(new TermTable.Registry(), RULES, false))) {
      with.remove(t);
    }
    with.sort(null);
    return with;
  }

  private static List<String> scanned(String text, TermTable table) {
    List<String> out = new ArrayList<>();
    Terms.scan(text, table, id -> out.add(table.term(id)));
    return out;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "CUDA error: out of memory (allocating 2 GiB)        | oom",
    "Out\\n  OF   memory                                  | oom",
    "the pod was OOM killed                              | memory",
    "oom, then out of memory again                       | memory oom",
    "the shape doesn't match the config                  | mismatch",
    "the shape doesn\u2019t match the config             | mismatch",
    "dims mismatch                                       | doesn match",
    "\u8fdb\u7a0b\u62a5\u9519\uff1a\u5185\u5b58\u4e0d\u8db3\u3002      | exhausted ram",
    "RAM exhausted on node 3                             | \u4e0d\u8db3 \u5185\u5b58 \u5b58\u4e0d",
  })
  void aWholePhraseCountsTheOthersOfItsGroup(String text, String terms) {
    assertEquals(List.of(terms.split(" ")), added(text.replace("\\n", "\n")), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "running out of GPU memory",
    "out of 12 memory banks",
    "out. Of memory",
    "out of /dev/memory",
    "memory",
    "room for more",
    "doesn't always match",
    "the OOMKiller",
  })
  void aPhraseBrokenOrPartNamesNothing(String text) {
    assertEquals(List.of(), added(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CUDA out of memory", "dims mismatch", "\u5185\u5b58\u4e0d\u8db3"})
  void withoutSynonymsScanningAndListingAgree(String text) {
    List<String> scanned = scanned(text, new TermTable(new TermTable.Registry(), RULES));
    List<String> listed = Terms.of(Tokenizer.tokenize(text), RULES);
    scanned.sort(null);
    listed.sort(null);
    assertEquals(listed, scanned);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "out of memory | ",
    "k8s | ",
    "the of | its words are all ones that search ignores",
    "cuda 12.1 | '12.1' is not a word",
    "/dev/shm | is not a word",
    "oom! | '!' is neither a letter",
    "a b c d e f g | it has 7 words",
  })
  void aPhraseMustBeWordsThatSearchCounts(String phrase, String problem) {
    var found = Synonyms.problem(phrase, RULES);
    if (problem == null) {
      assertTrue(found.isEmpty(), phrase + ": " + found);
    } else {
      assertTrue(found.orElse("").contains(problem), phrase + ": " + found);
    }
  }
}
