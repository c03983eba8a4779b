package dev.errata.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.Diagnostic;
import dev.errata.model.MatchingRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code matching.yml}: each problem is reported at its line, and what is sound still applies. */
class MatchingFileTest {
  @TempDir Path dir;

  private ContentLoader.Result load(String matching) throws Exception {
    Files.writeString(dir.resolve("vocabulary.yml"), "components:\n  ledger: {title: Ledger}\n  postgres: {title: PostgreSQL}\n");
    Files.writeString(dir.resolve("matching.yml"), matching);
    return new ContentLoader().load(dir);
  }

  private static String at(List<Diagnostic> all, int line) {
    return all.stream().filter(d -> d.line() == line).map(Diagnostic::format).findFirst().orElse("nothing at line " + line + " in " + all);
  }

  @Test
  void soundRulesAreRead() throws Exception {
    ContentLoader.Result r = load("""
        aliases:
          postgres: [postgresql, psql]
        extractors:
          - component: ledger
            pattern: 'ledger-service v(\\d+\\.\\d+\\.\\d+)'
            hints: [ledger-service]
            example: 'ledger-service v3.4.1 starting'
            expect: "3.4.1"
        """);
    assertEquals(List.of(), r.diagnostics());
    MatchingRules m = r.knowledgeBase().matching();
    assertEquals(List.of("postgresql", "psql"), m.aliases().get("postgres"));
    assertEquals("ledger", m.extractors().get(0).component());
  }

  @Test
  void eachProblemIsNamedAtItsLine() throws Exception {
    ContentLoader.Result r = load("""
        aliases:
          postgres: [postgresql, PSQL]
          mysql: [mariadb]
        extractors:
          - component: ledger
            pattern: '(\\w+\\s?)*ledger-service v(\\d+\\.\\d+\\.\\d+)'
            example: 'ledger-service v3.4.1'
            expect: "3.4.1"
          - component: ledger
            pattern: 'ledger v(\\d+\\.\\d+)'
            example: 'ledger v3.4.1'
            expect: "3.4.1"
          - component: ledger
            pattern: '(?<=v)\\d+'
            example: 'v3'
            expect: "3"
          - component: ledger
            pattern: 'ledger (\\d+)'
            hints: [nothing-like-it]
            example: 'ledger 3'
            expect: "3"
          - component: ledgr
            pattern: 'x(\\d)'
            example: 'x1'
            expect: "1"
        """);
    List<Diagnostic> all = r.diagnostics();
    assertTrue(at(all, 2).contains("matching.yml:2: error: the alias 'PSQL' is not a package name in lower case"), at(all, 2));
    assertTrue(at(all, 3).contains("'mysql' is not a component in vocabulary.yml"), at(all, 3));
    assertTrue(at(all, 6).contains("the pattern cannot be used: a repeated group holds a repeated part"), at(all, 6));
    assertTrue(at(all, 11).contains("the example line gives ledger version 3.4, not the expected 3.4.1"), at(all, 11));
    assertTrue(at(all, 14).contains("only plain groups"), at(all, 14));
    assertTrue(at(all, 21).contains("the example line gives ledger no version, not the expected 3"), at(all, 21));
    assertTrue(at(all, 23).contains("'ledgr' is not a component"), at(all, 23));
    assertEquals(List.of(), r.knowledgeBase().matching().extractors(), "none of them is sound");
    assertEquals(List.of("postgresql"), r.knowledgeBase().matching().aliases().get("postgres"));
  }

  @Test
  void synonymsAreReadInLowerCaseAndEachUnfitPhraseIsNamedAtItsLine() throws Exception {
    ContentLoader.Result r = load("""
        synonyms:
          - [OOM, Out  of memory]
          - [the, 12.5, a/b/c, "x!"]
          - oom
          - [oom, heap exhausted]
          - [lonely]
          - [one two three four five six seven, sigsegv, segfault]
        """);
    List<Diagnostic> all = r.diagnostics();
    assertTrue(all.stream().anyMatch(d -> d.format().contains("matching.yml:3: error: the synonym 'the' cannot be used:"
        + " its words are all ones that search ignores")), all.toString());
    assertTrue(all.stream().anyMatch(d -> d.line() == 3 && d.message().contains("'12.5' is not a word")), all.toString());
    assertTrue(all.stream().anyMatch(d -> d.line() == 3 && d.message().contains("'!' is neither a letter")), all.toString());
    assertTrue(at(all, 4).contains("a group of synonyms is not a list"), at(all, 4));
    assertTrue(at(all, 5).contains("the synonym 'oom' is in group 1 already"), at(all, 5));
    assertTrue(at(all, 6).contains("a group of synonyms has only one phrase"), at(all, 6));
    assertTrue(at(all, 7).contains("it has 7 words, more than 6"), at(all, 7));
    assertEquals(List.of(List.of("oom", "out of memory"), List.of("sigsegv", "segfault")), r.knowledgeBase().matching().synonyms(),
        "the sound phrases, in lower case with single spaces; groups left with one phrase are dropped");
  }

  @Test
  void failureLinesAreCheckedAgainstTheirExamplesAndComeFirst() throws Exception {
    ContentLoader.Result r = load("""
        failure_lines:
          - pattern: '^ledger: journal checksum mismatch'
            example: 'ledger: journal checksum mismatch at block 7, refusing to serve'
          - pattern: 'ledger: (\\w+\\s?)*corrupt'
            example: 'ledger: index corrupt'
          - pattern: '^LEDGER PANIC'
            example: 'ledger panic: nil map'
          - pattern: 'Ledger Panic'
            ignore_case: true
            example: 'ledger panic: nil map'
          - example: 'a line without a pattern'
        """);
    List<Diagnostic> all = r.diagnostics();
    assertTrue(at(all, 4).contains("the pattern cannot be used: a repeated group holds a repeated part"), at(all, 4));
    assertTrue(at(all, 7).contains("the pattern does not find the example line"), at(all, 7));
    assertTrue(at(all, 11).contains("a failure line needs a pattern and an example"), at(all, 11));
    List<MatchingRules.FailureLine> kept = r.knowledgeBase().matching().failureLines();
    assertEquals(List.of("^ledger: journal checksum mismatch", "Ledger Panic"), kept.stream().map(MatchingRules.FailureLine::pattern).toList());
    dev.errata.text.Rules rules = dev.errata.text.Rules.forContent(r.knowledgeBase().matching());
    assertTrue(rules.reportsFailure("ledger: journal checksum mismatch at block 9"));
    assertTrue(rules.reportsFailure("LEDGER PANIC: nil map"), "ignore_case");
    assertTrue(rules.reportsFailure("Signal (11) received."), "the generic ones still apply");
    assertTrue(rules.json().indexOf("journal checksum") < rules.json().indexOf("crash-signal"),
        "the knowledge base's own first, in the rules the site's search reads too");
  }

  @Test
  void theShippedRulesAreSound() {
    ContentLoader.Result r = new ContentLoader().load(Path.of("content"));
    assertEquals(List.of(), r.diagnostics().stream().filter(d -> d.file().endsWith("matching.yml")).toList());
    assertEquals(5, r.knowledgeBase().matching().extractors().size());
  }
}
