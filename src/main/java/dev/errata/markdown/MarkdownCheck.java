package dev.errata.markdown;

import dev.errata.Diagnostic;
import dev.errata.model.Entry;
import dev.errata.model.Fix;
import dev.errata.model.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;

/**
 * Every Markdown field of every entry (the body, each cause, each fix's detail) inspected as
 * {@link Markdown#render} will meet it: limits, nesting, refused link addresses. A problem in the
 * body is reported on its own line of the file; one in a front-matter field on that field's line.
 *
 * <p>Inspecting a body for links and deep nesting takes a parse, most of the cost of rendering
 * it. A build renders every body anyway and gets those problems from the rendering
 * ({@link #body}); its check looks at the bodies' limits only, which takes no parse.
 */
public final class MarkdownCheck {
  private final Markdown markdown;
  private final boolean parseBodies;
  private final java.util.function.BiFunction<Entry, java.util.function.Supplier<List<Diagnostic>>, List<Diagnostic>> memo;

  /**
   * @param parseBodies whether bodies are inspected whole, or for their limits only (a build renders them)
   * @param memo an entry's problems from an earlier check of an equal entry (with the same parseBodies)
   */
  public MarkdownCheck(Markdown markdown, boolean parseBodies,
      java.util.function.BiFunction<Entry, java.util.function.Supplier<List<Diagnostic>>, List<Diagnostic>> memo) {
    this.markdown = markdown;
    this.parseBodies = parseBodies;
    this.memo = memo;
  }

  /** The problems a rendering of {@code e}'s body met, on the lines of its file. */
  public static List<Diagnostic> body(Entry e, Markdown.Rendered rendered) {
    return rendered.problems().stream().map(p -> diagnostic(p, e.source().path(), e.source().bodyLine() + p.line() - 1, "")).toList();
  }

  public List<Diagnostic> check(KnowledgeBase kb) {
    return dev.errata.Parallel.map(kb.entries(), e -> memo.apply(e, () -> check(e))).stream().flatMap(List::stream).toList();
  }

  private List<Diagnostic> check(Entry e) {
    List<Diagnostic> out = new ArrayList<>();
    String path = e.source().path();
    for (MarkdownLimits.Problem p : parseBodies ? markdown.inspect(e.body().text()) : markdown.limits(e.body().text())) {
      out.add(diagnostic(p, path, e.source().bodyLine() + p.line() - 1, ""));
    }
    for (SectionHeadings.Repeat r : SectionHeadings.find(e.body().text())) {
      out.add(Diagnostic.warning(path, e.source().bodyLine() + r.line() - 1, "the heading '" + r.heading()
          + "' repeats the page's own '" + r.section() + "' section, which the front matter fills",
          "rename it for what it adds, such as 'What you see', 'Why it happens', 'How to confirm', 'Steps in detail' or 'Background',"
              + " or move its text into the front matter"));
    }
    // A field's line is looked up only for a problem: finding it reads the front matter again.
    for (int i = 0; i < e.causes().size(); i++) {
      for (MarkdownLimits.Problem p : markdown.inspect(e.causes().get(i))) {
        out.add(diagnostic(p, path, e.source().line("/causes/" + i), "cause " + (i + 1) + ": "));
      }
    }
    for (int i = 0; i < e.fixes().size(); i++) {
      Fix f = e.fixes().get(i);
      for (MarkdownLimits.Problem p : markdown.inspect(f.detail())) {
        out.add(diagnostic(p, path, e.source().line("/fixes/" + i + "/detail"), "fix " + (i + 1) + " detail: "));
      }
    }
    return out;
  }

  private static Diagnostic diagnostic(MarkdownLimits.Problem p, String path, int line, String where) {
    return p.error() ? Diagnostic.error(path, line, where + p.message(), p.hint())
        : Diagnostic.warning(path, line, where + p.message(), p.hint());
  }
}
