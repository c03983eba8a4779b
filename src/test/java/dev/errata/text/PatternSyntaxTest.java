package dev.errata.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatternSyntaxTest {
  /** The built-in rules run in both engines too, so they keep to the same syntax as a knowledge base's own. */
  @org.junit.jupiter.api.Test
  void theBuiltInRulesUseOnlyTheSharedSyntax() {
    Rules rules = Rules.defaults();
    java.util.List<String> problems = new java.util.ArrayList<>();
    java.util.function.BiConsumer<String, com.google.re2j.Pattern> check = (name, p) -> PatternSyntax.problem(p.pattern(),
        (p.flags() & com.google.re2j.Pattern.CASE_INSENSITIVE) != 0).ifPresent(why -> problems.add(name + ": " + why));
    rules.prefixes.forEach(p -> check.accept("prefix " + p.name(), p.pattern()));
    rules.noise.forEach(p -> check.accept("noise " + p.name(), p.pattern()));
    rules.failureLines.forEach(p -> check.accept("failure line " + p.name(), p.pattern()));
    rules.versionPatterns.forEach(p -> check.accept("version " + p.component(), p.pattern()));
    assertTrue(rules.failureLines.size() > 5, "failureLines read from rules.json");
    assertEquals(java.util.List.of(), problems);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "tritonserver:(\\d{2}\\.\\d{2})",
      "triton(?: inference)? server(?: version)?[\\s:=\"]+v?(\\d+\\.\\d+\\.\\d+)",
      "\"?server_version\"?\\s*[:=]\\s*\"?(\\d+\\.\\d+\\.\\d+)",
      "Driver Version:?\\s*(\\d+(?:\\.\\d+)+)",
      "^\\s*([a-z][a-z0-9_.-]*)\\s+v?(\\d+\\.\\d+[0-9A-Za-z.+!-]*)(?:\\s|$)",
      "Server Version:\\s*v?(\\d+\\.\\d+\\.\\d+)",
      "\\bledger-service v(\\d+\\.\\d+\\.\\d+)",
      "([^\"]+?)\\{(\\d{1,3})\\}",
      "(a|b)+c",
      "^\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?\\s+(\\s+\\w+)?$"})
  void acceptsWhatBothEnginesReadAlikeInLinearTime(String pattern) {
    assertEquals(Optional.empty(), PatternSyntax.problem(pattern, false));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "(a+)+b                     | a repeated group holds a repeated part",
      "(a+){1,}b                  | a repeated group holds a repeated part",
      "(a+){0,2}b                 | a repeated group holds a repeated part",
      "(\\w+\\s?)*x               | a repeated group holds a repeated part",
      "(?:\\d+\\.?)+              | a repeated group holds a repeated part",
      "(?:\\.\\d*\\.?)+           | a repeated group holds a repeated part",
      "(a)\\1                     | back-references",
      "(?=x)y                     | only plain groups",
      "(?<v>\\d+)                 | only plain groups",
      "(?i)version (\\d+)         | use ignore_case: true",
      "v.(\\d+)                   | '.' matches different line separators",
      "\\p{L}+                    | the escape \\p",
      "[[:alpha:]]                | inside [...]",
      "x{2                        | starts no repeat count",
      "a{2000}                    | above 1000",
      "a**                        | a quantifier follows a quantifier",
      "(ab                        | is not closed",
      "ab)                        | closes no group",
      "[\\b]                      | inside [...] means different things",
      "*a                         | repeats nothing"})
  void refusesTheRestSayingWhy(String pattern, String why) {
    Optional<String> problem = PatternSyntax.problem(pattern.strip(), false);
    assertTrue(problem.isPresent(), pattern);
    assertTrue(problem.get().contains(why.strip()), problem.get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"(?:V\\d+)+", "(?:v\\d+)+"})
  void aSeparatorThatCaseFoldsIntoTheRepeatedPartIsNoSeparator(String pattern) {
    assertEquals(Optional.empty(), PatternSyntax.problem(pattern, true));
    assertTrue(PatternSyntax.problem("(?:v[a-z\\d]+)+", true).isPresent());
    assertTrue(PatternSyntax.problem("(?:v[A-Z\\d]+)+", true).isPresent(), "V is in [A-Z] once case is ignored");
  }
}
