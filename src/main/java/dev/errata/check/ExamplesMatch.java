package dev.errata.check;

import dev.errata.Diagnostic;
import dev.errata.match.Match;
import dev.errata.match.Matcher;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An entry's examples are tests: every {@code examples.match} paste must find the entry first
 * with a confident label, and no {@code examples.no_match} paste may match it confidently.
 */
public final class ExamplesMatch implements Rule {
  private final Function<KnowledgeBase, Matcher> matcherFor;
  private final Function<KnowledgeBase, ExampleResults> resultsFor;

  public ExamplesMatch(Function<KnowledgeBase, Matcher> matcherFor) {
    this(matcherFor, kb -> ExampleResults.none());
  }

  /** @param resultsFor answers an earlier run recorded for this knowledge base's match index; new ones are added to it */
  public ExamplesMatch(Function<KnowledgeBase, Matcher> matcherFor, Function<KnowledgeBase, ExampleResults> resultsFor) {
    this.matcherFor = matcherFor;
    this.resultsFor = resultsFor;
  }

  @Override
  public List<Diagnostic> check(KnowledgeBase kb) {
    List<Diagnostic> out = new ArrayList<>();
    if (!hasExamples(kb)) {
      return out;
    }
    ExampleResults results = resultsFor.apply(kb);
    // Built on first need, once: when every answer is recorded, no matcher is needed at all.
    java.util.function.Supplier<Matcher> matcher = dev.errata.Lazy.of(() -> matcherFor.apply(kb));
    // Entries are checked on all cores (the matcher is thread-safe), one at a time: their examples
    // cost unevenly. Their diagnostics are kept in entry order.
    dev.errata.Parallel.map(kb.entries(), e -> check(e, results, matcher)).forEach(out::addAll);
    return out;
  }

  /** Whether any entry has an example: without one, this rule needs no matcher. */
  public static boolean hasExamples(KnowledgeBase kb) {
    return kb.entries().stream().anyMatch(e -> !e.examples().match().isEmpty() || !e.examples().noMatch().isEmpty());
  }

  private static List<Diagnostic> check(Entry e, ExampleResults results, java.util.function.Supplier<Matcher> matcher) {
    List<Diagnostic> out = new ArrayList<>();
    String family = e.findTranslationOf().orElse(e.id());
    Matcher.Options options = new Matcher.Options(5, List.of(), e.lang());
    Function<String, List<ExampleResults.Answer>> answers = paste -> results.answers(e.lang(), paste, () -> {
      dev.errata.match.Reach[] reach = new dev.errata.match.Reach[1];
      List<Match> found = matcher.get().match(paste, options, r -> reach[0] = r).matches();
      return new ExampleResults.Matched(found, reach[0]);
    });
    for (int i = 0; i < e.examples().match().size(); i++) {
      List<ExampleResults.Answer> r = answers.apply(e.examples().match().get(i));
      ExampleResults.Answer first = r.isEmpty() ? null : r.get(0);
      if (first != null && first.family().equals(family) && first.confidence().confident()) {
        continue;
      }
      // Only a failing example's line is looked up: finding it reads the front matter again.
      int line = e.source().line("/examples/match/" + i);
      if (first == null) {
        out.add(Diagnostic.error(e.source().path(), line, "example " + (i + 1) + " of examples.match finds no entry",
            "make the example a real paste of this entry's symptom, or add the symptom it shows"));
        continue;
      }
      if (!first.family().equals(family)) {
        out.add(Diagnostic.error(e.source().path(), line, "example " + (i + 1) + " of examples.match finds '" + first.id()
            + "' first, not this entry", "make this entry's symptoms more specific, or the example closer to them"));
      } else {
        out.add(Diagnostic.error(e.source().path(), line, "example " + (i + 1) + " of examples.match finds this entry only as '"
            + first.confidence().label() + "'", "a confident match needs the symptom's distinctive words in the example"));
      }
    }
    for (int i = 0; i < e.examples().noMatch().size(); i++) {
      for (ExampleResults.Answer m : answers.apply(e.examples().noMatch().get(i))) {
        if (m.family().equals(family) && m.confidence().confident()) {
          // The stored answers keep no explanation: the failing near miss is matched again for it.
          String paste = e.examples().noMatch().get(i);
          String why = matcher.get().match(paste, options).matches().stream()
              .filter(x -> x.entry().family().equals(family)).findFirst().map(ExamplesMatch::why).orElse("");
          out.add(Diagnostic.error(e.source().path(), e.source().line("/examples/no_match/" + i),
              "example " + (i + 1) + " of examples.no_match matches this entry (" + m.confidence().label() + ")" + why,
              "the symptom is too loose: use literal words or numbers where the near miss differs"));
        }
      }
    }
    return out;
  }

  /**
   * What made a near miss match: its line, the symptom, and the parts of the line that no literal
   * word of the symptom covered (placeholders took them). The near miss usually differs in one of
   * those, which is where the symptom needs a literal word.
   */
  static String why(Match m) {
    if (m.line() == null || m.symptom().isEmpty()) {
      return m.tokens().isEmpty() ? "" : ": it shares the words " + quoted(m.tokens().subList(0, Math.min(5, m.tokens().size())));
    }
    String text = m.line().text();
    List<int[]> marks = m.line().highlights();
    List<String> free = new ArrayList<>();
    if (!marks.isEmpty()) {
      // The line as pasted keeps its log prefix: before the first literal word, only the word a
      // leading placeholder took counts.
      String symptom = m.symptom();
      if (symptom.startsWith("{") && !symptom.startsWith("{{")) {
        String before = text.substring(0, marks.get(0)[0]).stripTrailing();
        addFree(free, before.substring(before.lastIndexOf(' ') + 1));
      }
      int at = marks.get(0)[1];
      for (int[] h : marks.subList(1, marks.size())) {
        addFree(free, text.substring(Math.min(at, h[0]), h[0]));
        at = Math.max(at, h[1]);
      }
      if (symptom.endsWith("}") && !symptom.endsWith("}}")) {
        addFree(free, text.substring(Math.min(at, text.length())));
      }
    }
    String line = text.length() > 160 ? text.substring(0, 157) + "..." : text;
    return ": its line \"" + line + "\" fits the symptom \"" + m.symptom() + "\""
        + (free.isEmpty() ? ", every word literally" : "; placeholders took " + quoted(free.subList(0, Math.min(5, free.size()))));
  }

  private static void addFree(List<String> free, String gap) {
    String s = gap.strip().replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
    if (!s.isEmpty()) {
      free.add(s);
    }
  }

  private static String quoted(List<String> parts) {
    return String.join(", ", parts.stream().map(p -> "'" + p + "'").toList());
  }
}
